using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LeakRights.Web.Tests.MultiInstance;

/// <summary>One app instance as a real process (the built LeakRights.Web.dll next to the tests), on a port of its own.</summary>
internal sealed class AppInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppInstance(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseUrl = $"http://127.0.0.1:{port}";
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static AppInstance Start(TestDatabase database, int port, params (string Name, string Value)[] environment) =>
        new(Process.Start(StartInfo(database, [], [("ASPNETCORE_URLS", $"http://127.0.0.1:{port}"), .. environment]))!, port);

    /// <summary>Waits until the instance has written <paramref name="text"/> to its output (failing after 2 minutes or if it exits).</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(_process.HasExited, $"instance on {Port} exited:\n{Output}");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"instance on {Port} never wrote \"{text}\":\n{Output}");
            await Task.Delay(20);
        }
    }

    /// <summary>Runs the app's command line (admin …, --migrate-only) on the database and returns its exit code and output.</summary>
    public static async Task<(int Code, string Output)> RunCliAsync(TestDatabase database, params string[] arguments) =>
        await RunCliAsync(database, arguments, null);

    public static async Task<(int Code, string Output)> RunCliAsync(TestDatabase database, string command, string verb, string name, string flag, string stdin) =>
        await RunCliAsync(database, [command, verb, name, flag], stdin);

    private static async Task<(int Code, string Output)> RunCliAsync(TestDatabase database, string[] arguments, string? stdin)
    {
        var start = StartInfo(database, arguments);
        start.RedirectStandardInput = stdin is not null;
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static ProcessStartInfo StartInfo(TestDatabase database, string[] arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "LeakRights.Web.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
        };

        // Testing (plain HTTP between the test and nginx: TLS is not what this test is about), on PostgreSQL, behind nginx.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__LeakRights"] = database.ConnectionString;
        start.Environment["LeakRights__Database__Provider"] = "PostgreSql";
        start.Environment["LeakRights__Security__KnownProxies__0"] = "127.0.0.1";
        start.Environment["LeakRights__Content__PollSeconds"] = "1";
        start.Environment["LeakRights__DataProtection__KeyEncryptionKey"] = "bGVha3JpZ2h0cy10ZXN0LWtleS1lbmNyeXB0aW9uISE=";
        start.Environment["AllowedHosts"] = "127.0.0.1";

        // nginx enforces the per-client limits here; the instances' own backstops would blur which one answered 429.
        foreach (var limit in new[] { "PlansPerMinute", "PdfPerMinute", "SignInPerMinute", "CasesPerMinute" })
        {
            start.Environment[$"LeakRights__RateLimits__{limit}"] = "0";
        }

        // A short warm-up as before issue 15's "until settled" one: a Debug build's JIT would keep every instance busy for
        // up to 20 s while these tests time their own steps.
        start.Environment["LeakRights__Performance__WarmUpUntilSettled"] = "false";

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    public async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"instance on {Port} exited:\n{Output}");
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"instance on {Port} did not become healthy:\n{Output}");
    }

    /// <summary>Waits until <paramref name="path"/> shows <paramref name="text"/>, failing after 5 s (issue 14's bound).</summary>
    public async Task WaitForTextAsync(string path, string text)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            if ((await client.GetStringAsync(path)).Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"instance on {Port} did not show \"{text}\" on {path} within 5 s");
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}

/// <summary>nginx with the shipped files (docs/deploy/nginx), in a temp folder, in front of the given instances.</summary>
internal sealed class NginxInstance : IAsyncDisposable
{
    private readonly Process _process;

    private NginxInstance(Process process, string folder, int port)
    {
        _process = process;
        Folder = folder;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string Folder { get; }

    public string BaseUrl { get; }

    /// <summary>What nginx has written to its error log so far.</summary>
    public string ErrorLog => File.Exists(Path.Combine(Folder, "logs", "error.log")) ? File.ReadAllText(Path.Combine(Folder, "logs", "error.log")) : string.Empty;

    public static async Task<NginxInstance> StartAsync(int[] upstreams)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lr-nginx-" + Guid.NewGuid().ToString("N"));
        var shipped = Path.Combine(AppContext.BaseDirectory, "deploy", "nginx");
        Directory.CreateDirectory(Path.Combine(folder, "leakrights", "errors"));
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        File.Copy(Path.Combine(shipped, "errors", "429.html"), Path.Combine(folder, "leakrights", "errors", "429.html"));

        // The shipped http part with this test's instances as the upstream; the shipped locations with this folder's paths.
        var http = File.ReadAllText(Path.Combine(shipped, "leakrights-http.conf"));
        var servers = string.Concat(upstreams.Select(p => $"    server 127.0.0.1:{p} max_fails=2 fail_timeout=10s;\n"));
        http = System.Text.RegularExpressions.Regex.Replace(http, @"(    server 127\.0\.0\.1:\d+ [^\n]*\n)+", servers);
        File.WriteAllText(Path.Combine(folder, "leakrights", "leakrights-http.conf"), http);
        var locations = File.ReadAllText(Path.Combine(shipped, "leakrights-locations.conf"))
            .Replace("/var/log/nginx/leakrights.access.log", Path.Combine(folder, "logs", "access.log"), StringComparison.Ordinal)
            .Replace("root /etc/nginx/leakrights;", $"root {Path.Combine(folder, "leakrights")};", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "leakrights", "leakrights-locations.conf"), locations);

        var port = TestPorts.Free();
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/logs/error.log;
            events { worker_connections 512; }
            http {
                include /etc/nginx/mime.types;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/leakrights/leakrights-http.conf;
                server {
                    listen 127.0.0.1:{{port}};
                    include {{folder}}/leakrights/leakrights-locations.conf;
                }
            }
            """);
        var start = new ProcessStartInfo("/usr/sbin/nginx", ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off; user root;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var nginx = new NginxInstance(Process.Start(start)!, folder, port);
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await client.GetAsync(nginx.BaseUrl + "/healthz");
                return nginx;
            }
            catch (HttpRequestException)
            {
                Assert.False(nginx._process.HasExited, "nginx exited: " + await nginx._process.StandardError.ReadToEndAsync());
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("nginx did not answer within 30 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>HTTP clients to a running instance or nginx, optionally from a given loopback address (a different "client").</summary>
internal static class Remote
{
    public static HttpClient Client(string baseUrl, string? from = null) => new(Handler(from)) { BaseAddress = new Uri(baseUrl) };

    /// <summary>A person with a browser (cookies, no automatic redirects) on a running instance.</summary>
    public static WebSession Session(string baseUrl, string? from = null) => new(new HttpClient(Handler(from, cookies: true)) { BaseAddress = new Uri(baseUrl) });

    private static SocketsHttpHandler Handler(string? from, bool cookies = false) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = cookies,
        CookieContainer = new CookieContainer(),
        ConnectCallback = from is null ? null : async (context, token) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
            await socket.ConnectAsync(context.DnsEndPoint, token);
            return new NetworkStream(socket, ownsSocket: true);
        },
    };
}
