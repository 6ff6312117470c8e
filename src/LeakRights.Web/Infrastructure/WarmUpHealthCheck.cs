using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Readiness (<c>/readyz</c>, issue 15): unhealthy while the start-up warm-up is still compiling the hot paths, healthy once it
/// has ended — done, off, skipped or failed alike, so a failed warm-up never keeps an instance out of service. A load balancer
/// or orchestrator that routes only to ready instances thus gives a new instance its first people at its steady speed.
/// <c>/healthz</c> (liveness and the database) does not include it.
/// </summary>
public sealed class WarmUpHealthCheck(StartupWarmUp warmUp) : IHealthCheck
{
    /// <summary>The tag of the checks only <c>/readyz</c> runs.</summary>
    public const string ReadyTag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Of(warmUp.Completion));

    internal static HealthCheckResult Of(Task warmUp) =>
        warmUp.IsCompleted ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("warming up");
}
