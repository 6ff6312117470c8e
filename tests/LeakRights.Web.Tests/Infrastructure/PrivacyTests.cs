using System.Text;
using LeakRights.Web.Infrastructure;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>A portal about leaks must not leak: answers and plan links never reach the logs.</summary>
[Collection(ReadOnlyApp.Name)]
public sealed class PrivacyTests(LeakRightsFactory factory)
{
    [Fact]
    public async Task Logs_WholeCheckAndApi_ContainNoAnswerValuesOrLinks()
    {
        const string marker = "泄露测试单位ZQX8841";
        var answers = new Dictionary<string, string[]>(CheckFlow.BankFraud) { ["organisation-name"] = [marker], ["loss-amount"] = ["73519"] };
        using var s = new WebSession(factory);

        var link = await CheckFlow.PlanLinkAsync(s, answers);
        var pageTrace = new Trace();
        pageTrace.Apply(s.Client);
        await s.GetAsync(link);
        Assert.Contains("\"/plan/{token}\" responded 200", await factory.Logs.WaitForRequestAsync(pageTrace), StringComparison.Ordinal);
        using var client = factory.CreateClient();
        var apiTrace = new Trace();
        apiTrace.Apply(client);
        await client.PostAsync("/api/v1/plans", new StringContent("{\"answers\":{\"organisation-name\":\"" + marker + "\",\"your-name\":\"王小明\"}}", Encoding.UTF8, "application/json"));

        // Everything a request logs comes before its completion line: once the API request's line is in, absence means something.
        Assert.Contains("\"/api/v1/plans\" responded 400", await factory.Logs.WaitForRequestAsync(apiTrace), StringComparison.Ordinal);

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
