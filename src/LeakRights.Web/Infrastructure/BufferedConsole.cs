using System.Text;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Standard output through a 64 KB buffer, written out every <see cref="FlushInterval"/>, when the buffer is full, and when
/// disposed (end of Main) or the process exits: the app writes one log line per request, and a write(2) system call per line
/// was a measurable share of every request (docs/performance.md, issue 15); an asynchronous Serilog sink was tried and cost
/// more (its worker spins between lines). Serilog's console sink calls <see cref="TextWriter.Flush()"/> after every event, so
/// the installed writer defers that: a line reaches standard output with the next timed flush (finding 20 — before it, every
/// request still made its own write(2)). A crash can lose at most the last quarter second of lines.
/// </summary>
public sealed class BufferedConsole : IDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter? _original;
    private readonly DeferredFlushWriter _buffer;
    private readonly TextWriter _writer;
    private readonly Timer _timer;

    /// <summary>A buffer over <paramref name="output"/> written out every <paramref name="interval"/> (tests use it directly).</summary>
    internal BufferedConsole(Stream output, TimeSpan interval, TextWriter? original = null)
    {
        _original = original;
        _buffer = new DeferredFlushWriter(new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = false });
        // One lock for everything: the synchronized wrapper's. The console's own stream locks Console.Out (this wrapper, once
        // installed) around each write(2), so the timed write-out must hold the same lock, not one of its own — with two locks,
        // a logging thread holding the wrapper and waiting for the buffer deadlocked against the timer holding the buffer and
        // waiting for the wrapper (BufferedConsoleTests).
        _writer = TextWriter.Synchronized(_buffer);
        _timer = new Timer(_ => Flush(), null, interval, interval);
        AppDomain.CurrentDomain.ProcessExit += OnExit;
    }

    /// <summary>The synchronized writer whose <see cref="TextWriter.Flush()"/> waits for the timer.</summary>
    internal TextWriter Writer => _writer;

    /// <summary>Replaces <see cref="Console.Out"/> until disposed.</summary>
    public static BufferedConsole Install()
    {
        var console = new BufferedConsole(Console.OpenStandardOutput(), FlushInterval, Console.Out);
        Console.SetOut(console._writer);
        return console;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        _timer.Dispose();
        Flush();
        if (_original is not null)
        {
            Console.SetOut(_original);
        }
    }

    private void OnExit(object? sender, EventArgs e) => Flush();

    private void Flush()
    {
        try
        {
            lock (_writer)
            {
                _buffer.WriteOut();
            }
        }
        catch (IOException)
        {
            // Standard output closed (the reader went away): nothing more can be written anyway.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// Buffers until <see cref="WriteOut"/> (the timer) or a full buffer: <see cref="Flush()"/>, which loggers call after each
    /// line, does nothing. Not thread-safe by itself: it is only reached through the synchronized wrapper (or under its lock).
    /// </summary>
    private sealed class DeferredFlushWriter(StreamWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override IFormatProvider FormatProvider => inner.FormatProvider;

        public override void Write(char value) => inner.Write(value);

        public override void Write(string? value) => inner.Write(value);

        public override void Write(char[] buffer, int index, int count) => inner.Write(buffer, index, count);

        public override void Write(ReadOnlySpan<char> buffer) => inner.Write(buffer);

        public override void WriteLine() => inner.WriteLine();

        public override void WriteLine(string? value) => inner.WriteLine(value);

        public override void WriteLine(ReadOnlySpan<char> buffer) => inner.WriteLine(buffer);

        /// <summary>Deferred to <see cref="WriteOut"/>: a logger's flush after each line must not cost a system call.</summary>
        public override void Flush()
        {
        }

        public override Task FlushAsync() => Task.CompletedTask;

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>Writes what is buffered to the underlying stream (the caller holds the wrapper's lock).</summary>
        public void WriteOut() => inner.Flush();
    }
}
