using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog.Events;

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

    /// <summary>The readiness endpoint: this check and the database's.</summary>
    public const string ReadinessPath = "/readyz";

    /// <summary>The check's name in the health check service.</summary>
    public const string Name = "warm-up";

    private const string WarmingUp = "warming up";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Of(warmUp.Completion));

    internal static HealthCheckResult Of(Task warmUp) =>
        warmUp.IsCompleted ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(WarmingUp);

    /// <summary>
    /// The health check service's own line saying this check is still warming up. It logs every unhealthy result as an error,
    /// and "warming up" is the state every start passes through while a balancer or a restart script polls <c>/readyz</c>
    /// (once a second for 15-20 s): error lines on every deployment for nothing wrong. Only that line is dropped: the request
    /// line of each poll still records it (at information level, <see cref="RequestLoggingMiddleware"/>), the database
    /// check's error lines are kept, and so is any other line about this check (one that threw, for instance).
    /// </summary>
    internal static bool IsItsHealthServiceEvent(LogEvent e) =>
        e.Exception is null
        && e.Properties.TryGetValue("HealthCheckName", out var name) && name is ScalarValue { Value: Name }
        && e.Properties.TryGetValue("HealthCheckDescription", out var description) && description is ScalarValue { Value: WarmingUp };
}
