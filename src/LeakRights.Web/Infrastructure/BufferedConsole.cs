using System.Text;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Standard output through a 64 KB buffer, flushed every <see cref="FlushInterval"/> and when disposed (end of Main) or the
/// process exits: the app writes one log line per request, and .NET's console writer makes a write(2) system call for each
/// line. Under load that was a measurable share of every request (docs/performance.md, issue 15); an asynchronous Serilog sink
/// was tried and cost more (its worker spins between lines). A crash can lose at most the last quarter second of lines.
/// </summary>
public sealed class BufferedConsole : IDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _original;
    private readonly TextWriter _buffered;
    private readonly Timer _timer;

    private BufferedConsole()
    {
        _original = Console.Out;
        var writer = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = false };
        _buffered = TextWriter.Synchronized(writer);
        Console.SetOut(_buffered);
        _timer = new Timer(_ => Flush(), null, FlushInterval, FlushInterval);
        AppDomain.CurrentDomain.ProcessExit += OnExit;
    }

    /// <summary>Replaces <see cref="Console.Out"/> until disposed.</summary>
    public static BufferedConsole Install() => new();

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        _timer.Dispose();
        Flush();
        Console.SetOut(_original);
    }

    private void OnExit(object? sender, EventArgs e) => Flush();

    private void Flush()
    {
        try
        {
            _buffered.Flush();
        }
        catch (IOException)
        {
            // Standard output closed (the reader went away): nothing more can be written anyway.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
