using System.Diagnostics;
using System.Net;
using System.Runtime;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeakRights.Core.Answers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Warms this instance up once the server listens (see <see cref="PerformanceOptions.WarmUp"/>): real HTTP requests over
/// loopback, so every middleware, page and serializer on the hot paths runs as it will for people. The requests carry a header
/// with a random per-process secret (<see cref="IsWarmUp"/>): they are not rate limited and not logged one by one, and nothing
/// outside the process can claim to be one. They carry no personal data: the answers are the golden scenarios in seeds/ and the
/// letter fields are left empty; nothing is stored (no case is created). Runs in the background once the server listens, so
/// start-up and the first real requests are not delayed — or, with <see cref="PerformanceOptions.WarmUpBeforeListening"/>,
/// before the server opens its addresses (<see cref="WarmFirstServer"/>). A failure is logged (status counts only) and ignored.
/// </summary>
public sealed partial class StartupWarmUp(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<PerformanceOptions> options,
    IOptions<LeakRightsOptions> leakRights,
    IConfiguration configuration,
    PlanLinks links,
    QuestionnaireWalker walker,
    ILogger<StartupWarmUp> logger) : BackgroundService
{
    /// <summary>The header a warm-up request carries, with <see cref="Secret"/>.</summary>
    public const string Header = "X-LeakRights-WarmUp";

    /// <summary>Rounds in a row without newly compiled code after which the warm-up counts the hot paths as compiled.</summary>
    internal const int SettledAfterQuietRounds = 40;

    /// <summary>And for at least this long (<see cref="JitSettling"/>: tier-1 promotions come in batches).</summary>
    internal static readonly TimeSpan SettledAfterQuietTime = TimeSpan.FromSeconds(1.5);

    private static readonly string Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly byte[] SecretBytes = Encoding.ASCII.GetBytes(Secret);

    private readonly TaskCompletionSource<WarmUpResult?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The warm-up's figures once it has run, or null when it was off, skipped or failed (for tests and the log).</summary>
    public Task<WarmUpResult?> Completion => _completion.Task;

    /// <summary>A request this process sent to itself to warm up (the secret compared in constant time, from loopback only).</summary>
    public static bool IsWarmUp(HttpContext context) =>
        context.Request.Headers.TryGetValue(Header, out var value) && value.Count == 1 && value[0] is { Length: > 0 } presented
        && context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), SecretBytes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WarmUpResult? result = null;
        try
        {
            result = await WarmUpAsync(stoppingToken);
        }
        finally
        {
            _completion.TrySetResult(result);
        }
    }

    /// <summary>
    /// Warms up through <paramref name="privateAddress"/> (<see cref="WarmFirstServer"/>'s private loopback server) before the
    /// instance's own addresses are opened; the background service then has nothing left to do.
    /// </summary>
    internal async Task RunBeforeListeningAsync(Uri? privateAddress, CancellationToken cancellationToken)
    {
        WarmUpResult? result = null;
        try
        {
            if (privateAddress is null)
            {
                LogSkipped(logger);
            }
            else
            {
                result = await RunLoggedAsync(privateAddress, cancellationToken);
            }
        }
        finally
        {
            _completion.TrySetResult(result);
        }
    }

    private async Task<WarmUpResult?> WarmUpAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUp || !await StartedAsync(stoppingToken))
        {
            return null;
        }

        if (_completion.Task.IsCompleted)
        {
            return null; // it ran before the server opened its addresses (WarmFirstServer); this result is not used
        }

        var baseAddress = LoopbackAddress(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        if (baseAddress is null)
        {
            LogSkipped(logger);
            return null;
        }

        return await RunLoggedAsync(baseAddress, stoppingToken);
    }

    private async Task<WarmUpResult?> RunLoggedAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        try
        {
            var result = await RunAsync(baseAddress, HostName(configuration["AllowedHosts"], baseAddress), cancellationToken);
            LogDone(logger, result.Requests, result.Failures, result.Elapsed.TotalMilliseconds, result.Rounds, result.Settled);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null; // the instance is stopping
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or JsonException)
        {
            LogFailed(logger, ex.GetType().Name);
            return null;
        }
    }

    /// <summary>The server's first plain-http address, with a wildcard host replaced by 127.0.0.1; null when there is none.</summary>
    internal static Uri? LoopbackAddress(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            var fixedHost = Regex.Replace(address, @"^http://(\+|\*|0\.0\.0\.0|\[::\]|localhost)(?=[:/]|$)", "http://127.0.0.1", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            if (Uri.TryCreate(fixedHost, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))
            {
                return uri;
            }
        }

        return null;
    }

    /// <summary>A Host the app answers (the first plain name of AllowedHosts), else the address itself.</summary>
    internal static string HostName(string? allowedHosts, Uri address)
    {
        var first = (allowedHosts ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(h => !h.Contains('*', StringComparison.Ordinal));
        return first is null ? address.Authority : first;
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<WarmUpResult> RunAsync(Uri baseAddress, string host, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.WarmUpMaxSeconds + 15));
        var token = timeout.Token;
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Host = host;
        client.DefaultRequestHeaders.Add(Header, Secret);
        var clock = Stopwatch.StartNew();
        var requests = 0;
        var failures = 0;

        async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            var response = await client.SendAsync(request, token);
            requests++;
            if ((int)response.StatusCode >= 400)
            {
                failures++;
            }

            return response;
        }

        var scenarios = Scenarios(Path.Combine(leakRights.Value.SeedsFullPath, "scenarios"));
        var planLinks = scenarios.Select(s => s.Answers).OfType<AnswerSet>().Take(3).Select(a => "/plan/" + links.Create(a, out _)).ToList();

        // A first visit gives the browser its antiforgery cookie and a form token; later rounds are a returning browser.
        var (cookie, formToken) = await FirstVisitAsync(SendAsync);
        var settle = new JitSettling(options.Value.WarmUpRounds, options.Value.WarmUpUntilSettled ? SettledAfterQuietRounds : 0, TimeSpan.FromSeconds(options.Value.WarmUpMaxSeconds), SettledAfterQuietTime);
        var round = 0;
        for (; !settle.Done(round, clock.Elapsed, JitInfo.GetCompiledMethodCount(currentThread: false)); round++)
        {
            using (var r = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/")))
            {
            }

            using (var r = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/check/1")))
            {
            }

            using (var r = await SendAsync(WithCookie(new HttpRequestMessage(HttpMethod.Get, "/check/1"), cookie)))
            {
            }

            if (formToken is not null)
            {
                var post = WithCookie(new HttpRequestMessage(HttpMethod.Post, "/check/1")
                {
                    Content = new FormUrlEncodedContent([new("source", "unknown"), new("nav", "next"), new("__RequestVerificationToken", formToken)]),
                }, cookie);
                using var r = await SendAsync(post);
            }

            if (scenarios.Count > 0)
            {
                using var r = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans")
                {
                    Content = new StringContent(scenarios[round % scenarios.Count].Body, Encoding.UTF8, "application/json"),
                });
            }

            if (planLinks.Count > 0)
            {
                using var r = await SendAsync(new HttpRequestMessage(HttpMethod.Get, planLinks[round % planLinks.Count]));
            }

            using (var r = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/statutes/pipl")))
            {
            }

            // A few PDFs: each one runs the PDF code thousands of times over, which is what tiering counts.
            if (round < 4 && scenarios.Count > 0)
            {
                using var r = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans/pdf")
                {
                    Content = new StringContent(scenarios[round % scenarios.Count].Body, Encoding.UTF8, "application/json"),
                });
            }
        }

        return new WarmUpResult(requests, failures, clock.Elapsed) { Rounds = round, Settled = settle.Settled };
    }

    private static async Task<(string? Cookie, string? FormToken)> FirstVisitAsync(Func<HttpRequestMessage, Task<HttpResponseMessage>> send)
    {
        using var response = await send(new HttpRequestMessage(HttpMethod.Get, "/check/1"));
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal))
            : null;
        var html = await response.Content.ReadAsStringAsync();
        var token = FormTokenPattern().Match(html);
        return (cookie, token.Success ? token.Groups[1].Value : null);
    }

    private static HttpRequestMessage WithCookie(HttpRequestMessage request, string? cookie)
    {
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return request;
    }

    /// <summary>The golden scenarios' answers (seeds/scenarios/*.json): the API body and the parsed answers for a plan link.</summary>
    private List<(string Body, AnswerSet? Answers)> Scenarios(string folder)
    {
        var list = new List<(string, AnswerSet?)>();
        if (!Directory.Exists(folder))
        {
            return list;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Take(8))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            if (!doc.RootElement.TryGetProperty("answers", out var answers) || answers.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var raw = answers.GetRawText();
            var parsed = AnswerJson.TryRead(Encoding.UTF8.GetBytes(raw), walker);
            list.Add(("{\"answers\":" + raw + "}", parsed is { IsValid: true } ? parsed.Answers : null));
        }

        return list;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up: {Requests} requests to this instance ({Failures} not 2xx/3xx) in {Elapsed:0} ms, {Rounds} rounds, compiled code settled: {Settled}")]
    private static partial void LogDone(ILogger logger, int requests, int failures, double elapsed, int rounds, bool settled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up skipped: the server has no plain-http loopback address")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up stopped early ({Error}); the app serves as usual, only more slowly for its first seconds")]
    private static partial void LogFailed(ILogger logger, string error);
}

/// <summary>What one warm-up did.</summary>
public sealed record WarmUpResult(int Requests, int Failures, TimeSpan Elapsed)
{
    /// <summary>How many rounds of the hot paths were sent.</summary>
    public int Rounds { get; init; }

    /// <summary>Whether the JIT had stopped compiling new code when the warm-up ended (rather than the time bound ending it).</summary>
    public bool Settled { get; init; }
}

/// <summary>
/// When the warm-up may stop: after <paramref name="minRounds"/>, once the JIT has compiled (almost) nothing new for
/// <paramref name="quietRounds"/> rounds in a row <b>and</b> for <paramref name="quietTime"/> — the hot paths then run as
/// tier-1 code, so the first people get the steady speed (issue 15: 60 fixed rounds left the step page at ~45 % of it) — or
/// when <paramref name="maxTime"/> has passed. <paramref name="quietRounds"/> 0 stops after the minimum. The time matters as
/// much as the rounds: the runtime promotes methods to tier 1 in batches on a background thread, so 40 quiet rounds (~0.1 s
/// of sequential requests) could fall between two batches, and the first seconds of real load then still ran partly
/// unoptimised code (plan page at 52-65 % of its speed in its first second; finding 19 in docs/performance.md).
/// </summary>
internal sealed class JitSettling(int minRounds, int quietRounds, TimeSpan maxTime, TimeSpan quietTime = default)
{
    /// <summary>New methods per round that still count as quiet (a timer or a log line elsewhere in the process).</summary>
    internal const int Noise = 1;

    private long _lastCount = -1;
    private int _quiet;
    private TimeSpan _quietSince;

    public bool Settled { get; private set; }

    /// <summary>Whether to stop before round number <paramref name="round"/>, given the process's compiled-method count now.</summary>
    public bool Done(int round, TimeSpan elapsed, long compiledMethods)
    {
        if (_lastCount >= 0 && compiledMethods - _lastCount <= Noise)
        {
            _quiet++;
        }
        else
        {
            _quiet = 0;
            _quietSince = elapsed;
        }

        _lastCount = compiledMethods;
        if (round < minRounds)
        {
            return false;
        }

        Settled = quietRounds > 0 && _quiet >= quietRounds && (quietTime <= TimeSpan.Zero || elapsed - _quietSince >= quietTime);
        return quietRounds == 0 || Settled || elapsed >= maxTime;
    }
}
