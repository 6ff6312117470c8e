using System.Net;
using LeakRights.Core.Answers;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>
/// Plan links expire after 30 days by the app's clock (<see cref="LeakRightsFactory.Clock"/>). The clock only moves forward:
/// each test measures from the time it starts at.
/// </summary>
[Collection(MovingClockApp.Name)]
public sealed class PlanLinksTests(MovingClockApp.App factory)
{
    /// <summary>A complete answer set, as the review page would make a link of.</summary>
    private AnswerSet Answers
    {
        get
        {
            using var doc = System.Text.Json.JsonDocument.Parse("""{"source":"courier","organisation-name":"某快递网点","data-types":["identity"],"scale":"unknown","discovery":["spam"],"evidence":["none"],"harms":["spam"],"ongoing-danger":"no","police-report":"no","discovered-on":"2026-09"}""");
            var parsed = factory.Services.GetRequiredService<QuestionnaireWalker>().ParseAll(AnswerJson.ReadObject(doc.RootElement).Raw, acceptLetterFields: false);
            Assert.True(parsed.IsValid);
            return parsed.Answers;
        }
    }

    [Fact]
    public async Task Open_JustBeforeThirtyDays_ShowsPlan_OneSecondAfter_ShowsFriendly404()
    {
        using var s = new WebSession(factory);
        var created = factory.Clock.GetUtcNow();
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);

        factory.Clock.SetUtcNow(created + TimeSpan.FromDays(30) - TimeSpan.FromHours(1));
        var (stillValid, page) = await s.GetAsync(link);
        factory.Clock.SetUtcNow(created + TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));
        var (expired, gone) = await s.GetAsync(link);
        var pdf = await s.SubmitAsync(page, [], "form[action$='/pdf']");
        // The download pages send an expired link back to the plan page, which explains that it has expired.
        var (pdfOutcome, _) = await s.FollowAsync(pdf);
        var (calendar, _) = await s.FollowAsync(await s.Client.GetAsync(link + "/calendar"));

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Contains((created + TimeSpan.FromDays(30)).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture), page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("无效或已过期", gone.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, pdfOutcome.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, calendar.StatusCode);
    }

    [Fact]
    public void Create_ExpiryIsThirtyDaysFromTheAppClock()
    {
        var links = factory.Services.GetRequiredService<PlanLinks>();
        var now = factory.Clock.GetUtcNow();

        var token = links.Create(Answers, out var expires);
        var opened = links.Open(token, out var openedExpires);

        Assert.Equal(now.AddDays(30), expires);
        Assert.Equal(expires, openedExpires);
        Assert.NotNull(opened);
    }

    /// <summary>Links made before the expiry moved into the app's clock (by ITimeLimitedDataProtector) still open, and the format is the same.</summary>
    [Fact]
    public void Open_LinkFromTimeLimitedDataProtector_StillOpens()
    {
        var provider = factory.Services.GetRequiredService<IDataProtectionProvider>();
        var old = provider.CreateProtector("LeakRights.PlanLink.v1").ToTimeLimitedDataProtector()
            .Protect(System.Text.Encoding.UTF8.GetString(AnswerJson.Write(Answers)), TimeSpan.FromDays(30));

        var answers = factory.Services.GetRequiredService<PlanLinks>().Open(old, out _);

        Assert.Equal("某快递网点", Assert.IsType<TextAnswer>(answers!.Get("organisation-name")).Value);
    }

    [Fact]
    public void Protect_ReadableByTimeLimitedDataProtector_WithTheSameExpiry()
    {
        var provider = factory.Services.GetRequiredService<IDataProtectionProvider>();
        var expires = DateTimeOffset.UtcNow.AddDays(1);
        var token = new ExpiringDataProtector(provider, "LeakRights.Test", TimeProvider.System).Protect("载荷", expires);

        var text = provider.CreateProtector("LeakRights.Test").ToTimeLimitedDataProtector().Unprotect(token, out var readExpiry);

        Assert.Equal("载荷", text);
        Assert.Equal(expires.UtcTicks, readExpiry.UtcTicks);
    }
}
