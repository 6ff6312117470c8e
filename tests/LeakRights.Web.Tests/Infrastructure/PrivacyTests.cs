using System.Text;
using LeakRights.Web.Infrastructure;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>A portal about leaks must not leak: answers and plan links never reach the logs.</summary>
public sealed class PrivacyTests
{
    [Fact]
    public async Task Logs_WholeCheckAndApi_ContainNoAnswerValuesOrLinks()
    {
        using var factory = new LeakRightsFactory();
        const string marker = "泄露测试单位ZQX8841";
        var answers = new Dictionary<string, string[]>(CheckFlow.BankFraud) { ["organisation-name"] = [marker], ["loss-amount"] = ["73519"] };
        using var s = new WebSession(factory);

        var link = await CheckFlow.PlanLinkAsync(s, answers);
        await s.GetAsync(link);
        using var client = factory.CreateClient();
        await client.PostAsync("/api/v1/plans", new StringContent("{\"answers\":{\"organisation-name\":\"" + marker + "\",\"your-name\":\"王小明\"}}", Encoding.UTF8, "application/json"));

        // The request log line is written as the response completes; wait for the last request's line.
        for (var i = 0; i < 100 && !factory.Logs.All.Contains("/api/v1/plans", StringComparison.Ordinal); i++)
        {
            await Task.Delay(20);
        }

        var logs = factory.Logs.All;
        Assert.NotEmpty(factory.Logs.Lines);
        Assert.Contains("/plan/{token}", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("73519", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("王小明", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(link["/plan/".Length..][..40], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(AnswerDraftStore.CookieName + "=", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("RequestPath", logs, StringComparison.Ordinal);
    }
}
