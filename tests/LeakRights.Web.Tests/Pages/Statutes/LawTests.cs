using System.Net;

namespace LeakRights.Web.Tests.Pages.Statutes;

public sealed class LawTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    [Fact]
    public async Task Get_Index_ListsEverySeededLaw()
    {
        using var s = new WebSession(factory);

        var (response, page) = await s.GetAsync("/statutes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(12, page.QuerySelectorAll(".law-list li").Length);
    }

    [Fact]
    public async Task Get_Law_ShowsArticlesWithAnchorsAndSourceNoteApart()
    {
        using var s = new WebSession(factory);

        var (response, page) = await s.GetAsync("/statutes/civil-code");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var article = page.QuerySelector("#a-1038")!;
        Assert.StartsWith("信息处理者不得泄露或者篡改", article.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("LawRefBook", article.TextContent, StringComparison.Ordinal);
        Assert.Contains("LawRefBook", page.QuerySelector(".source-note")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SupersededLaw_PointsToCurrentText()
    {
        using var s = new WebSession(factory);

        var (_, page) = await s.GetAsync("/statutes/cybersecurity-law-2016");

        Assert.Equal("/statutes/cybersecurity-law", page.QuerySelector(".superseded a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_UnknownLaw_Returns404()
    {
        using var s = new WebSession(factory);

        var (response, _) = await s.GetAsync("/statutes/no-such-law");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
