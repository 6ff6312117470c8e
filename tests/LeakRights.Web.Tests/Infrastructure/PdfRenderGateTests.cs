using System.Net;
using System.Text;
using LeakRights.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>PDFs are rendered a few at a time in arrival order; a full queue is a Chinese 503 with Retry-After (issue 15).</summary>
public sealed class PdfRenderGateTests
{
    private static PdfRenderGate Gate(int concurrency, int queue) =>
        new(Options.Create(new PerformanceOptions { PdfConcurrency = concurrency, PdfQueue = queue }));

    /// <summary>Starts a render that holds its slot until <paramref name="release"/> is set; returns once it is running.</summary>
    private static async Task<Task<byte[]>> HoldSlotAsync(PdfRenderGate gate, ManualResetEventSlim release, byte mark = 1)
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var render = Task.Run(() => gate.RenderAsync(() =>
        {
            running.SetResult();
            release.Wait(TimeSpan.FromSeconds(30));
            return [mark];
        }, CancellationToken.None));
        await running.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return render;
    }

    [Fact]
    public async Task RenderAsync_SlotsAndQueueFull_RefusesAtOnce()
    {
        using var gate = Gate(concurrency: 1, queue: 0);
        using var release = new ManualResetEventSlim();
        var first = await HoldSlotAsync(gate, release);

        await Assert.ThrowsAsync<ServerBusyException>(() => gate.RenderAsync(() => [2], CancellationToken.None));

        release.Set();
        Assert.Equal([1], await first);
    }

    [Fact]
    public async Task RenderAsync_Queued_RunsInArrivalOrderWhenASlotFrees()
    {
        using var gate = Gate(concurrency: 1, queue: 2);
        using var release = new ManualResetEventSlim();
        var first = await HoldSlotAsync(gate, release);
        var order = new List<int>();
        var second = gate.RenderAsync(() => { lock (order) { order.Add(2); } return [2]; }, CancellationToken.None);
        var third = gate.RenderAsync(() => { lock (order) { order.Add(3); } return [3]; }, CancellationToken.None);
        await Assert.ThrowsAsync<ServerBusyException>(() => gate.RenderAsync(() => [4], CancellationToken.None));
        Assert.False(second.IsCompleted);

        release.Set();

        Assert.Equal([2], await second.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal([3], await third.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal([2, 3], order);
        Assert.Equal([1], await first);
    }

    [Fact]
    public async Task PdfApi_QueueFull_AnswersChinese503WithRetryAfter_AndWorksAgainAfterwards()
    {
        using var factory = new LeakRightsFactory().With("LeakRights:Performance:PdfConcurrency", "1").With("LeakRights:Performance:PdfQueue", "0");
        using var client = factory.CreateClient();
        var gate = factory.Services.GetRequiredService<PdfRenderGate>();
        using var scenario = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "scenarios", "courier-waybill-leak-spam-calls-only.json")));
        var body = "{\"answers\":" + scenario.RootElement.GetProperty("answers").GetRawText() + "}";
        using var release = new ManualResetEventSlim();
        var held = await HoldSlotAsync(gate, release);

        using var busy = await client.PostAsync("/api/v1/plans/pdf", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("30", busy.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
        Assert.Contains(ServerBusyException.Message503, await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        release.Set();
        await held;
        using var ok = await client.PostAsync("/api/v1/plans/pdf", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("application/pdf", ok.Content.Headers.ContentType?.MediaType);
    }
}
