using System.Text;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>Broken request bodies on a real Kestrel port: the client's mistake gets its own status in Chinese, never a 500, and the log says so.</summary>
[Collection(RealServerGroup.Name)]
public sealed class ClientErrorMiddlewareTests(RealServerFactory server)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("/api/v1/plans")]
    [InlineData("/api/v1/plans/pdf")]
    public async Task ApiPost_ChunkedBodyOf3MB_IsRefusedAsProblemNot500(string path)
    {
        var head = $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 198.18.0.{path.Length}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

        var response = await server.SendRawAsync(head, s => WriteChunkedAsync(s, 3 * 1024 * 1024), Timeout);

        Assert.Contains(response.Status, new[] { 400, 413 });
        Assert.True(response.HasHeader("Content-Type", "application/problem+json"), response.Head);
        Assert.Contains(response.Status == 400 ? "请求内容超过了 64 KiB" : "提交的内容太大", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiPost_BodyThatStallsMidway_Is408ProblemAndLogged408()
    {
        var head = "POST /api/v1/plans HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n";

        // Send a little and then nothing: Kestrel's minimum data rate ends the read.
        var response = await server.SendRawAsync(head, s => s.WriteAsync(Encoding.ASCII.GetBytes("{\"answers\":{" + new string(' ', 100))).AsTask(), Timeout);

        Assert.Equal(408, response.Status);
        Assert.True(response.HasHeader("Content-Type", "application/problem+json"), response.Head);
        Assert.Contains("提交中断了", response.Body, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Lines, l => l.StartsWith("HTTP \"POST\" \"/api/v1/plans\" responded 408", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Logs.Lines, l => l.StartsWith("HTTP \"POST\" \"/api/v1/plans\" responded 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagePost_ChunkedFormOf3MB_Is413ChinesePageAndLogged413()
    {
        var head = "POST /check/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n";

        var response = await server.SendRawAsync(head, s => WriteChunkedAsync(s, 3 * 1024 * 1024, (byte)'a'), Timeout);

        Assert.Equal(413, response.Status);
        Assert.True(response.HasHeader("Content-Type", "text/html"), response.Head);
        Assert.Contains("提交的内容太大", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", response.Body, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Lines, l => l.Contains("\" responded 413 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagePost_ContentLengthOver1MB_IsRefusedWithChinesePage()
    {
        var head = $"POST /check/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {2 * 1024 * 1024}\r\n\r\n";

        var response = await server.SendRawAsync(head, s => s.WriteAsync(new byte[64 * 1024]).AsTask(), Timeout);

        // The antiforgery check cannot read the form and answers 400 itself; Kestrel's own answer would be 413.
        Assert.Contains(response.Status, new[] { 400, 413 });
        Assert.True(response.HasHeader("Content-Type", "text/html"), response.Head);
        Assert.Contains(response.Status == 400 ? "请求有误" : "提交的内容太大", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiPost_BodyCutOffBeforeContentLength_IsLoggedAsClientErrorNot200()
    {
        var before = RequestLines().Count;
        var head = "POST /api/v1/plans HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n";

        // The client sends part of the body and closes its side: Kestrel ends the connection, so there is no answer to read.
        await server.SendRawAsync(
            head,
            async s =>
            {
                await s.WriteAsync(Encoding.ASCII.GetBytes("{\"answers\":{" + new string(' ', 100)));
                ((System.Net.Sockets.NetworkStream)s).Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
            },
            Timeout,
            expectResponse: false);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (RequestLines().Count == before && DateTime.UtcNow < deadline)
        {
            await Task.Yield();
            await Task.Delay(10);
        }

        var line = Assert.Single(RequestLines().Skip(before));
        Assert.Matches("responded (400|499) ", line);
    }

    private List<string> RequestLines() =>
        server.Logs.Lines.Where(l => l.StartsWith("HTTP \"POST\" \"/api/v1/plans\" responded", StringComparison.Ordinal)).ToList();

    private static async Task WriteChunkedAsync(Stream stream, int total, byte fill = (byte)' ')
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, fill);
        var size = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
        var crlf = "\r\n"u8.ToArray();
        for (var sent = 0; sent < total; sent += chunk.Length)
        {
            await stream.WriteAsync(size);
            await stream.WriteAsync(chunk);
            await stream.WriteAsync(crlf);
        }

        await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
    }
}
