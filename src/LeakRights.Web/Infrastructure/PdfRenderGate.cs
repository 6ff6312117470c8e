using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Renders PDFs a few at a time, first come first served (issue 15). A PDF is ~5–10 ms of CPU and ~10 MB of short-lived
/// allocations; 32 rendered at once on 2 cores all finish late (time-slicing), multiply the garbage collector's work and the
/// memory peak. With as many renders as cores and the rest waiting in order, each one finishes as early as the queue allows,
/// the tail shrinks and the memory stays bounded. A full queue (a spike) is refused at once with a Chinese 503 and
/// Retry-After, never left to time out.
/// </summary>
public sealed class PdfRenderGate(IOptions<PerformanceOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.PdfConcurrency > 0 ? options.Value.PdfConcurrency : Math.Max(1, Environment.ProcessorCount),
        QueueLimit = options.Value.PdfQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>Runs <paramref name="render"/> when a slot is free; throws <see cref="ServerBusyException"/> when the queue is full.</summary>
    public async Task<byte[]> RenderAsync(Func<byte[]> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new ServerBusyException();
        }

        return render();
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>Too many PDFs are waiting: the error page answers 503 with Retry-After and a Chinese message.</summary>
public sealed class ServerBusyException : Exception
{
    public const string Message503 = "现在同时下载的人很多，请过半分钟再点一次下载。您填写的内容没有丢失。";

    public ServerBusyException()
        : base("Too many PDFs are waiting to be rendered.")
    {
    }

    public ServerBusyException(string message)
        : base(message)
    {
    }

    public ServerBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
