using LeakRights.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;
using Serilog.Events;

namespace LeakRights.Web.Tests;

/// <summary>
/// The app on a private database (in-memory SQLite, the same engine as production; or its own PostgreSQL database when
/// LEAKRIGHTS_TEST_PROVIDER=PostgreSql, see <see cref="TestDatabase"/>), with a fixed clock and a log sink that captures
/// every event. Two factories given the same database name share data, like two runs (or two instances) of one app.
/// </summary>
public class LeakRightsFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database;
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    public LeakRightsFactory()
        : this(TestDatabase.Create(TestDatabase.DefaultProvider))
    {
    }

    /// <summary>A factory on <paramref name="database"/> (for subclasses that need a given provider).</summary>
    protected LeakRightsFactory(TestDatabase database) => _database = database;

    /// <summary>A factory on an existing database: a second run of the same app (for example after a restart), or a second instance.</summary>
    public static LeakRightsFactory Sharing(string databaseName) => new(TestDatabase.Open(TestDatabase.DefaultProvider, databaseName));

    /// <summary>A factory on a new database of <paramref name="provider"/>, whatever LEAKRIGHTS_TEST_PROVIDER says.</summary>
    public static LeakRightsFactory On(DatabaseProvider provider) => new(TestDatabase.Create(provider));

    /// <summary>A second factory on <paramref name="other"/>'s database, with its provider.</summary>
    public static LeakRightsFactory Sharing(LeakRightsFactory other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(TestDatabase.Open(other.Provider, other.DatabaseName));
    }

    public DatabaseProvider Provider => _database.Provider;

    public string DatabaseName => _database.Name;

    public string ConnectionString => _database.ConnectionString;

    public CapturingSink Logs { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>Extra configuration for one test (set before the first request).</summary>
    public LeakRightsFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:LeakRights", ConnectionString);
        builder.UseSetting("LeakRights:Database:Provider", Provider.ToString());
        builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Verbose");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Verbose");

        // Functional tests send many requests from one address in seconds; RateLimitTests turns the limits back on.
        builder.UseSetting("LeakRights:RateLimits:PlansPerMinute", "0");
        builder.UseSetting("LeakRights:RateLimits:PdfPerMinute", "0");
        builder.UseSetting("LeakRights:RateLimits:SignInPerMinute", "0");
        builder.UseSetting("LeakRights:RateLimits:CasesPerMinute", "0");
        builder.UseSetting("LeakRights:RateLimits:AffectedPerMinute", "0");

        // The start-up warm-up needs a real server and costs each app ~1 s of CPU; StartupWarmUpTests turns it on.
        builder.UseSetting("LeakRights:Performance:WarmUp", "false");

        // A fixed key-encryption key for the Data Protection keys, so a test may also run the app as Production.
        builder.UseSetting("LeakRights:DataProtection:KeyEncryptionKey", "bGVha3JpZ2h0cy10ZXN0LWtleS1lbmNyeXB0aW9uISE=");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.AddSingleton<TimeProvider>(Clock);

            // Admin tests hash hundreds of passwords; 1,000 PBKDF2 rounds instead of 100,000 keeps them fast (format unchanged).
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }

    public LeakRightsDbContext CreateDbContext() =>
        Services.CreateScope().ServiceProvider.GetRequiredService<LeakRightsDbContext>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}

/// <summary>
/// Keeps every log event, rendered with its properties and trace id, so tests can prove what never reaches the logs.
/// Absence is only meaningful once the request is over: <see cref="WaitForRequestAsync"/> waits for the request's own
/// completion line (RequestLoggingMiddleware writes one per request) and fails if it does not come.
/// </summary>
public sealed class CapturingSink : ILogEventSink
{
    private readonly List<string> _lines = [];
    private readonly List<LogEventLevel> _levels = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly Lock _lock = new();

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        logEvent.RenderMessage(writer, System.Globalization.CultureInfo.InvariantCulture);
        writer.Write(" |");
        foreach (var (name, value) in logEvent.Properties)
        {
            writer.Write($" {name}={value}");
        }

        if (logEvent.TraceId is { } traceId)
        {
            writer.Write($" TraceId={traceId}");
        }

        if (logEvent.Exception is not null)
        {
            writer.Write(" " + logEvent.Exception);
        }

        var line = writer.ToString();
        lock (_lock)
        {
            _lines.Add(line);
            _levels.Add(logEvent.Level);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(line);
            }
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Each captured line with its level.</summary>
    public IReadOnlyList<(LogEventLevel Level, string Line)> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _levels.Zip(_lines)];
            }
        }
    }

    public string All => string.Join('\n', Lines);

    /// <summary>Waits for a captured line that matches; throws <see cref="TimeoutException"/> (failing the test) after the timeout.</summary>
    public Task<string> WaitForAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return Task.FromResult(line);
            }

            _waiters.Add((match, found));
        }

        return found.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
    }

    /// <summary>Waits for the completion line of the request sent with <see cref="Trace"/>'s header.</summary>
    public Task<string> WaitForRequestAsync(Trace trace, TimeSpan? timeout = null) =>
        WaitForAsync(l => l.StartsWith("HTTP ", StringComparison.Ordinal) && l.Contains(" responded ", StringComparison.Ordinal) && l.Contains("TraceId=" + trace.Id, StringComparison.Ordinal), timeout);
}

/// <summary>A W3C trace id for one test's requests: sent as a traceparent header, it becomes the TraceId of their log events.</summary>
public sealed class Trace
{
    public string Id { get; } = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();

    public string Header => $"00-{Id}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01";

    /// <summary>Marks every later request of the client with this trace.</summary>
    public void Apply(HttpClient client)
    {
        client.DefaultRequestHeaders.Remove("traceparent");
        client.DefaultRequestHeaders.Add("traceparent", Header);
    }
}
