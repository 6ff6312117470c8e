using System.Net;

namespace LeakRights.Web.Tests.Pages;

/// <summary>Every public page: served, in Chinese, and loading nothing from another site.</summary>
public sealed class PagesTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    public static TheoryData<string> PublicPages() => new(["/", "/privacy", "/statutes", "/statutes/pipl", "/check/1", "/error/404"]);

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Get_PublicPage_IsChineseAndSelfContained(string url)
    {
        using var s = new WebSession(factory);

        var (response, page) = await s.GetAsync(url);

        Assert.True(response.IsSuccessStatusCode || url.StartsWith("/error", StringComparison.Ordinal), $"{url}: {(int)response.StatusCode}");
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        var external = page.QuerySelectorAll("script[src], link[href], img[src], iframe, style[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? "inline")
            .Where(u => u.Contains("//", StringComparison.Ordinal) || u == "inline")
            .ToList();
        Assert.Empty(external);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Get_Favicon_AnswersWithAnImage(string url, string contentType)
    {
        using var s = new WebSession(factory);

        var (_, home) = await s.GetAsync("/");
        var response = await s.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(home.QuerySelector($"head link[rel=icon][href='{url}']"));
    }

    [Theory]
    [InlineData("/", "link[rel=stylesheet]", "href", "/css/site.css")]
    [InlineData("/check/1", "script[defer]", "src", "/js/site.js")]
    [InlineData("/check/1", "link[rel=stylesheet]", "href", "/css/site.css")]
    public async Task Get_Page_LinksItsStylesAndScriptByTheirContentVersion(string url, string selector, string attribute, string asset)
    {
        // The layout writes the version itself (no tag helper, issue 15): a changed file must get a new address, or phones
        // keep the old script or style from their cache.
        using var s = new WebSession(factory);

        var (_, page) = await s.GetAsync(url);
        var link = page.QuerySelector($"head {selector}, body {selector}")!.GetAttribute(attribute)!;
        var file = await s.Client.GetByteArrayAsync(asset);

        Assert.Equal($"{asset}?v={Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Security.Cryptography.SHA256.HashData(file))}", link);
        Assert.Equal(file, await s.Client.GetByteArrayAsync(link));
    }

    [Fact]
    public async Task Get_Index_LinksToTheCheck()
    {
        using var s = new WebSession(factory);

        var (_, page) = await s.GetAsync("/");

        Assert.NotNull(page.QuerySelector("a.button.primary[href='/check/1']"));
        Assert.Contains("110", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownPage_ShowsChinese404()
    {
        using var s = new WebSession(factory);

        var (response, page) = await s.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("找不到这个页面", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task PostClear_OnPrivacyPage_DeletesTheAnswerCookie()
    {
        using var s = new WebSession(factory);
        await Check.StepTests.PassStepOne(s);
        var (_, page) = await s.GetAsync("/privacy");

        var response = await s.SubmitAsync(page, []);
        var step2 = await s.Client.GetAsync("/check/2");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/check/1", step2.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_Healthz_ReportsHealthyDatabase()
    {
        using var s = new WebSession(factory);

        var response = await s.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/readyz")]
    [InlineData("/READYZ/")]
    public async Task Get_Readyz_WarmUpOffAndDatabaseWritable_IsReady(string path)
    {
        using var s = new WebSession(factory);

        var response = await s.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
