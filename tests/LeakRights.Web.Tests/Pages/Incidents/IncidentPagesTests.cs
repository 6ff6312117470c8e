using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using LeakRights.Web.Tests.Pages.Admin;

namespace LeakRights.Web.Tests.Pages.Incidents;

/// <summary>
/// The public incident pages, the Atom feed and the API (issue 16): newest first, search, unconfirmed label, sources, 404s,
/// ETag/304, output caching and its eviction by an admin edit. The incidents are made once through the admin forms.
/// </summary>
public sealed class IncidentPagesTests(IncidentPagesTests.App app) : IClassFixture<IncidentPagesTests.App>
{
    public sealed class App : LeakRightsFactory
    {
        private readonly SemaphoreSlim _once = new(1, 1);
        private bool _created;

        /// <summary>Three published incidents (older confirmed, newer reported, newest disputed) and one unpublished.</summary>
        public async Task EnsureIncidentsAsync()
        {
            await _once.WaitAsync();
            try
            {
                if (_created)
                {
                    return;
                }

                using var s = await AdminSession.SignedInAsync(this);
                await IncidentAdmin.CreateAsync(s, "courier-waybills", "顺达快递", true, ("Input.BecamePublicOn", "2026-10-10"), ("Input.Status", "confirmed-by-authority"),
                    ("Input.Sources[1].Kind", "press"), ("Input.Sources[1].Title", "新闻：快递面单遭倒卖"), ("Input.Sources[1].Url", "https://news.example.org/2026/waybills"), ("Input.Sources[1].PublishedOn", "2026-10-11"));
                await IncidentAdmin.CreateAsync(s, "hotel-guests", "Grand Hotel 集团", true, ("Input.Source", "app"), ("Input.BecamePublicOn", "2026-11-01"), ("Input.Status", "reported"),
                    ("Input.DataTypes", "identity,accommodation"), ("Input.OccurredOn", ""));
                await IncidentAdmin.CreateAsync(s, "bank-disputed", "某某银行", true, ("Input.Source", "bank"), ("Input.BecamePublicOn", "2026-11-20"), ("Input.Status", "disputed"));
                await IncidentAdmin.CreateAsync(s, "not-yet-public", "未发布公司", false);
                _created = true;
            }
            finally
            {
                _once.Release();
            }
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                _once.Dispose();
            }
        }
    }

    private async Task<WebSession> VisitorAsync()
    {
        await app.EnsureIncidentsAsync();
        return new WebSession(app);
    }

    [Fact]
    public async Task List_PublishedOnly_NewestFirst()
    {
        using var s = await VisitorAsync();

        var (response, page) = await s.GetAsync("/incidents");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = page.QuerySelectorAll(".incident-card h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["某某银行", "Grand Hotel 集团", "顺达快递"], names.Where(n => n is "某某银行" or "Grand Hotel 集团" or "顺达快递"));
        Assert.DoesNotContain("未发布公司", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grand", "Grand Hotel 集团")]
    [InlineData("HOTEL", "Grand Hotel 集团")]
    [InlineData("快递", "顺达快递")]
    [InlineData("  某某 ", "某某银行")]
    public async Task List_SearchByOrganisation_CaseInsensitiveChineseSubstring(string q, string expected)
    {
        using var s = await VisitorAsync();

        var (_, page) = await s.GetAsync("/incidents?q=" + Uri.EscapeDataString(q));

        Assert.Equal([expected], page.QuerySelectorAll(".incident-card h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task List_SearchWithoutMatch_ShowsEmptyStateWithTheQuery()
    {
        using var s = await VisitorAsync();

        var (response, page) = await s.GetAsync("/incidents?q=" + Uri.EscapeDataString("不存在的单位<b>"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll(".incident-card"));
        Assert.Contains("没有找到单位名称中包含“不存在的单位<b>”的事件", page.QuerySelector("[data-empty]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-empty] b"));
    }

    [Fact]
    public async Task Show_Reported_SaysUnconfirmedWithDataTypesInChineseAndTheCheckButton()
    {
        using var s = await VisitorAsync();

        var (response, page) = await s.GetAsync("/incidents/hotel-guests");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("未经证实", page.QuerySelector("[data-unconfirmed]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["姓名、身份证号", "住宿记录"], page.QuerySelectorAll("[data-data-types] li").Select(l => l.TextContent.Trim()));
        Assert.Contains("目前不清楚", page.QuerySelector(".incident-facts")!.TextContent, StringComparison.Ordinal);
        var button = page.QuerySelector("a[data-start-check]")!;
        Assert.Equal("按这次泄露开始自查", button.TextContent.Trim());
        Assert.Equal("/check/incident/hotel-guests", button.GetAttribute("href"));
        Assert.DoesNotContain("内部：", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Disputed_IsAlsoUnconfirmed_ConfirmedIsNot()
    {
        using var s = await VisitorAsync();

        var (_, disputed) = await s.GetAsync("/incidents/bank-disputed");
        var (_, confirmed) = await s.GetAsync("/incidents/courier-waybills");

        Assert.Contains("不同说法", disputed.QuerySelector("[data-unconfirmed]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(confirmed.QuerySelector("[data-unconfirmed]"));
        Assert.Contains("有关部门已确认", confirmed.QuerySelector("[data-status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Sources_WithKindTitleDateAndNofollowLinks()
    {
        using var s = await VisitorAsync();

        var (_, page) = await s.GetAsync("/incidents/courier-waybills");

        var items = page.QuerySelectorAll("[data-sources] li").ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains("涉事单位的公告", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("2026年11月20日", items[0].TextContent, StringComparison.Ordinal);
        var press = items[1].QuerySelector("a")!;
        Assert.Equal("https://news.example.org/2026/waybills", press.GetAttribute("href"));
        Assert.Equal("新闻：快递面单遭倒卖", press.TextContent);
        Assert.Contains("noopener", press.GetAttribute("rel")!, StringComparison.Ordinal);
        Assert.Contains("nofollow", press.GetAttribute("rel")!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/incidents/no-such-incident")]
    [InlineData("/incidents/not-yet-public")]
    [InlineData("/incidents/Hotel-Guests")]
    [InlineData("/incidents/hotel_guests")]
    [InlineData("/incidents/%E9%85%92%E5%BA%97")]
    [InlineData("/incidents/a")]
    [InlineData("/incidents/hotel-guests%2500")]
    [InlineData("/incidents/not-yet-public/affected")]
    public async Task Show_MissingUnpublishedOrMalformed_IsTheFriendly404(string url)
    {
        using var s = await VisitorAsync();

        await s.GetAsync("/incidents/hotel-guests");
        var (response, page) = await s.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("找不到这个页面", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_VeryLongSlug_IsNotFound()
    {
        using var s = await VisitorAsync();

        var (response, _) = await s.GetAsync("/incidents/" + new string('a', 5000));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Show_TrailingSlash_IsThePage()
    {
        using var s = await VisitorAsync();

        Assert.Equal(HttpStatusCode.OK, (await s.GetAsync("/incidents/hotel-guests/")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.GetAsync("/incidents/")).Response.StatusCode);
    }

    [Fact]
    public async Task Show_SecondRequest_IsServedFromTheOutputCacheWithoutACookieOrToken()
    {
        using var s = await VisitorAsync();

        var first = await s.Client.GetAsync("/incidents/courier-waybills");
        var second = await s.Client.GetAsync("/incidents/courier-waybills");

        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.NotNull(second.Headers.Age);
        var html = await second.Content.ReadAsStringAsync();
        Assert.DoesNotContain("CfDJ8", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminEdit_CachedPageFeedAndApi_ShowTheNewTextAtOnce()
    {
        using var s = await VisitorAsync();
        using var staff = await AdminSession.SignedInAsync(app);
        await IncidentAdmin.CreateAsync(staff, "cache-evicted", "寅物业公司");
        Assert.Contains("寅物业公司的寄件人", (await s.GetAsync("/incidents/cache-evicted")).Document.Body!.TextContent, StringComparison.Ordinal);
        await s.Client.GetAsync("/incidents/feed.atom");
        await s.Client.GetAsync("/api/v1/incidents/cache-evicted");
        await s.Client.GetAsync("/incidents");

        await IncidentAdmin.EditAsync(staff, "cache-evicted", ("Input.Summary", "更新后的说明：物业确认业主信息被泄露。"), ("Input.Note", "新公告"), ("Input.Organisation", "寅物业服务公司"));

        Assert.Contains("更新后的说明", (await s.GetAsync("/incidents/cache-evicted")).Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("更新后的说明", await s.Client.GetStringAsync("/incidents/feed.atom"), StringComparison.Ordinal);
        Assert.Contains("更新后的说明", await s.Client.GetStringAsync("/api/v1/incidents/cache-evicted"), StringComparison.Ordinal);
        Assert.Contains("寅物业服务公司", (await s.GetAsync("/incidents")).Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_IsValidAtomWithAnEntryPerPublishedIncident()
    {
        using var s = await VisitorAsync();

        var response = await s.Client.GetAsync("/incidents/feed.atom");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        XNamespace a = "http://www.w3.org/2005/Atom";
        var feed = xml.Root!;
        Assert.Equal(a + "feed", feed.Name);
        Assert.Equal("http://localhost/incidents", feed.Element(a + "id")!.Value);
        Assert.True(DateTimeOffset.TryParse(feed.Element(a + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
        Assert.NotEmpty(feed.Element(a + "title")!.Value);
        Assert.NotNull(feed.Element(a + "author")?.Element(a + "name"));
        var entries = feed.Elements(a + "entry").ToList();
        var hotel = entries.Single(e => e.Element(a + "id")!.Value == "http://localhost/incidents/hotel-guests");
        Assert.Equal("http://localhost/incidents/hotel-guests", hotel.Element(a + "link")!.Attribute("href")!.Value);
        Assert.Contains("未经证实", hotel.Element(a + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains("Grand Hotel 集团的寄件人", hotel.Element(a + "summary")!.Value, StringComparison.Ordinal);
        Assert.NotNull(hotel.Element(a + "updated"));
        Assert.DoesNotContain(entries, e => e.Element(a + "id")!.Value.EndsWith("not-yet-public", StringComparison.Ordinal));
        Assert.DoesNotContain("内部：", xml.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_ListAndDetail_InTheApiShapeWithoutTheModerationNote()
    {
        using var s = await VisitorAsync();

        var list = JsonDocument.Parse(await s.Client.GetStringAsync("/api/v1/incidents")).RootElement;
        var detail = JsonDocument.Parse(await s.Client.GetStringAsync("/api/v1/incidents/hotel-guests")).RootElement;

        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("slug").GetString() == "hotel-guests");
        Assert.DoesNotContain(list.EnumerateArray(), e => e.GetProperty("slug").GetString() == "not-yet-public");
        Assert.Equal("Grand Hotel 集团", detail.GetProperty("organisation").GetString());
        Assert.Equal("app", detail.GetProperty("source").GetProperty("id").GetString());
        Assert.Equal(["identity", "accommodation"], detail.GetProperty("dataTypes").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal("住宿记录", detail.GetProperty("dataTypes")[1].GetProperty("label").GetString());
        Assert.Equal("reported", detail.GetProperty("status").GetString());
        Assert.True(detail.GetProperty("unconfirmed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("occurredOn").ValueKind);
        Assert.Equal("2026-11-01", detail.GetProperty("becamePublicOn").GetString());
        Assert.Equal("https://example.com/notice/1", detail.GetProperty("sources")[0].GetProperty("url").GetString());
        Assert.Equal("http://localhost/incidents/hotel-guests", detail.GetProperty("url").GetString());
        Assert.DoesNotContain("moderation", detail.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("内部：", detail.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/incidents/no-such-incident")]
    [InlineData("/api/v1/incidents/not-yet-public")]
    [InlineData("/api/v1/incidents/BAD")]
    public async Task Api_MissingOrMalformed_Is404ProblemDetails(string url)
    {
        using var s = await VisitorAsync();

        var response = await s.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/incidents")]
    [InlineData("/api/v1/incidents/courier-waybills")]
    [InlineData("/incidents/feed.atom")]
    public async Task ETag_IfNoneMatch_Is304UntilAnAdminEdit(string url)
    {
        using var s = await VisitorAsync();
        var first = await s.Client.GetAsync(url);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await s.Client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, url);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await s.Client.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task ETag_AfterAnEdit_Changes()
    {
        using var s = await VisitorAsync();
        using var staff = await AdminSession.SignedInAsync(app);
        await IncidentAdmin.CreateAsync(staff, "etag-changes", "卯公司");
        var before = (await s.Client.GetAsync("/api/v1/incidents/etag-changes")).Headers.ETag!;
        var listBefore = (await s.Client.GetAsync("/api/v1/incidents")).Headers.ETag!;

        await IncidentAdmin.EditAsync(staff, "etag-changes", ("Input.Note", "改一下"), ("Input.Summary", "卯公司更新了公告内容，确认泄露。"));
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents/etag-changes");
        conditional.Headers.IfNoneMatch.Add(before);
        var after = await s.Client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before, after.Headers.ETag);
        Assert.NotEqual(listBefore, (await s.Client.GetAsync("/api/v1/incidents")).Headers.ETag);
    }

    [Fact]
    public async Task Landing_AndFooter_LinkToTheIncidents()
    {
        using var s = await VisitorAsync();

        var (_, page) = await s.GetAsync("/");

        Assert.NotNull(page.QuerySelector("main a[href='/incidents']"));
        Assert.Equal("重大泄露事件", page.QuerySelector("footer a[href='/incidents']")!.TextContent);
    }
}
