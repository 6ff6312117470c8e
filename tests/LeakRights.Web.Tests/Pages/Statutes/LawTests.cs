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
        Assert.Equal(25, page.QuerySelectorAll(".law-list li").Length);
    }

    [Fact]
    public async Task Get_Index_ListsLawsThenRegulationsThenInterpretationsThenRules()
    {
        using var s = new WebSession(factory);

        var (_, page) = await s.GetAsync("/statutes");

        var links = page.QuerySelectorAll(".law-list li a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal("/statutes/civil-code", links[0]);
        Assert.True(links.IndexOf("/statutes/civil-procedure-law") < links.IndexOf("/statutes/network-data-security-regulation"));
        Assert.True(links.IndexOf("/statutes/network-data-security-regulation") < links.IndexOf("/statutes/spc-limitation-2020"));
        Assert.True(links.IndexOf("/statutes/spc-limitation-2020") < links.IndexOf("/statutes/mps-criminal-procedure-rules-2020"));
        Assert.Equal("/statutes/cybersecurity-law-2016", links[^1]);
    }

    [Fact]
    public async Task Get_NewLaw_ShowsItsArticlesWithCitationKeys()
    {
        using var s = new WebSession(factory);

        var (response, page) = await s.GetAsync("/statutes/mps-criminal-procedure-rules-2020");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("公安机关办理刑事案件程序规定", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(10, page.QuerySelectorAll("section.article").Length);
        var article = page.QuerySelector("#a-179")!;
        Assert.Equal("第一百七十九条", article.QuerySelector("h2")!.TextContent);
        Assert.StartsWith("控告人对不予立案决定不服的，可以在收到不予立案通知书后七日以内向作出决定的公安机关申请复议", article.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("引用编号 mps-criminal-procedure-rules-2020#179", article.TextContent, StringComparison.Ordinal);
        Assert.Contains("not confirmed", page.QuerySelector(".source-note")!.TextContent, StringComparison.Ordinal);
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
