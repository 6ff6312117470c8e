using System.Text;
using LeakRights.Web.Infrastructure;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>
/// Standard output is buffered and written out by a timer (issue 15, finding 20): Serilog's console sink flushes after every
/// event, and that flush must not reach the stream — before, every request still cost its own write(2).
/// </summary>
public sealed class BufferedConsoleTests
{
    /// <summary>A write-only stream that counts the writes it receives.</summary>
    private sealed class CountingStream : Stream
    {
        private readonly MemoryStream _bytes = new();
        private readonly Lock _gate = new();
        private int _writes;

        public int Writes => Volatile.Read(ref _writes);

        /// <summary>Locked around every write, as .NET's console stream on Unix locks <see cref="Console.Out"/>.</summary>
        public object? LockOnWrite { get; set; }

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return Encoding.UTF8.GetString(_bytes.ToArray());
                }
            }
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (LockOnWrite is { } console)
            {
                lock (console)
                {
                    Append(buffer);
                }
            }
            else
            {
                Append(buffer);
            }
        }

        private void Append(ReadOnlySpan<byte> buffer)
        {
            lock (_gate)
            {
                Interlocked.Increment(ref _writes);
                _bytes.Write(buffer);
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [Fact]
    public void Flush_AfterEveryLineAsALoggerDoes_WritesNothingUntilTheBufferIsWrittenOut()
    {
        var stream = new CountingStream();
        var console = new BufferedConsole(stream, Timeout.InfiniteTimeSpan);

        for (var i = 0; i < 100; i++)
        {
            console.Writer.Write($"[INF] HTTP GET /check/{{step:int}} responded 200 in {i}.0 ms");
            console.Writer.WriteLine();
            console.Writer.Flush();
        }

        Assert.Equal(0, stream.Writes);
        console.Dispose();
        var lines = stream.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(100, lines.Length);
        Assert.Equal("[INF] HTTP GET /check/{step:int} responded 200 in 99.0 ms", lines[^1]);
        Assert.Equal(1, stream.Writes);
    }

    [Fact]
    public async Task Timer_LinesFlushedByTheLogger_ReachTheStreamWithoutDispose()
    {
        var stream = new CountingStream();
        using var console = new BufferedConsole(stream, TimeSpan.FromMilliseconds(20));

        console.Writer.WriteLine("第一行");
        console.Writer.Flush();

        // Polls with a deadline (the timer's first tick); nothing is asserted to be absent after a wait.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!stream.Text.Contains("第一行", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal("第一行\n", stream.Text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteLine_FromManyThreads_EveryLineArrivesWhole()
    {
        var stream = new CountingStream();
        var console = new BufferedConsole(stream, TimeSpan.FromMilliseconds(5));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                console.Writer.WriteLine($"thread {t} line {i} {new string('x', i % 50)}");
                console.Writer.Flush();
            }
        })));
        console.Dispose();

        var lines = stream.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(8000, lines.Length);
        foreach (var t in Enumerable.Range(0, 4))
        {
            var own = lines.Where(l => l.StartsWith($"thread {t} ", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, 2000).Select(i => $"thread {t} line {i} {new string('x', i % 50)}"), own);
        }
    }

    [Fact]
    public void Timer_WhileThreadsWriteAndTheStreamLocksTheConsoleWriter_NeverDeadlocks()
    {
        // .NET's console stream on Unix locks Console.Out around each write(2), and once installed Console.Out is Writer: a
        // timed write-out under a lock of its own deadlocked against a logging thread holding Writer (finding 20, found under
        // load). Writers on threads of their own (the timer needs the thread pool) write until the timer has written out many
        // times; a deadlock shows as a writer not finishing within the deadline.
        var stream = new CountingStream();
        var console = new BufferedConsole(stream, TimeSpan.FromMilliseconds(1));
        stream.LockOnWrite = console.Writer;
        var written = new int[4];
        var until = DateTime.UtcNow.AddSeconds(2);

        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            for (var i = 0; DateTime.UtcNow < until; i++)
            {
                console.Writer.WriteLine($"thread {t} line {i}");
                console.Writer.Flush();
                written[t] = i + 1;
            }
        })).ToList();
        threads.ForEach(t => t.Start());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        Assert.All(threads, t => Assert.True(t.Join(Max(deadline - DateTime.UtcNow, TimeSpan.Zero)), "a writer is still blocked: deadlock"));
        console.Dispose();
        Assert.Equal(written.Sum(), stream.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Install_ConsoleOut_IsTheWriterWhoseLockTheTimedWriteOutTakes()
    {
        // The console stream locks Console.Out around each write(2); the timed write-out locks Writer. They must be one object
        // (Console.SetOut keeps an already synchronized writer as it is), or the two lock orders could deadlock.
        var before = Console.Out;
        var console = BufferedConsole.Install();
        try
        {
            Assert.Same(console.Writer, Console.Out);
        }
        finally
        {
            console.Dispose();
        }

        Assert.Same(before, Console.Out);
    }
}
