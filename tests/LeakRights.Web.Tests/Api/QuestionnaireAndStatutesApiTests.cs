using System.Net;
using System.Text.Json;

namespace LeakRights.Web.Tests.Api;

public sealed class QuestionnaireAndStatutesApiTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    private async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(string url)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(url);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task GetQuestionnaire_ReturnsEveryQuestionWithContractIds()
    {
        var (response, body) = await GetAsync("/api/v1/questionnaire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = body.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()).ToList();
        Assert.Equal(["source", "insider", "organisation-name", "data-types", "scale", "discovery", "discovered-on", "infringer-known", "infringer-known-on", "evidence", "harms", "loss-amount", "ongoing-danger", "organisation-notified", "contacted-organisation", "police-report", "refusal-notice", "last-claim-on", "your-name", "your-contact", "organisation-address", "what-happened", "government-body", "leaker-conduct", "incident"], ids);
        var insider = body.GetProperty("questions")[1];
        Assert.Equal("single", insider.GetProperty("type").GetString());
        Assert.Equal("not", insider.GetProperty("showIf").GetProperty("op").GetString());
        Assert.Equal(["yes", "no", "unsure"], insider.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        Assert.True(body.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "evidence").GetProperty("options").EnumerateArray().Last().GetProperty("exclusive").GetBoolean());
    }

    [Fact]
    public async Task GetStatutes_ListsLawsWithArticles()
    {
        var (response, body) = await GetAsync("/api/v1/statutes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pipl = body.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "pipl");
        Assert.Equal("2021-11-01", pipl.GetProperty("effective").GetString());
        Assert.Equal("全国人民代表大会常务委员会", pipl.GetProperty("issuer").GetString());
        Assert.Contains(pipl.GetProperty("articles").EnumerateArray(), a => a.GetProperty("ref").GetString() == "pipl#47");
    }

    [Theory]
    [InlineData("criminal-law", "253-1", "第二百五十三条之一")]
    [InlineData("npc-decision-2012", "8", "第八项")]
    [InlineData("cybersecurity-law", "45", "第四十五条")]
    public async Task GetArticle_ReturnsMarkdownHtmlAndRevision(string law, string article, string label)
    {
        var (response, body) = await GetAsync($"/api/v1/statutes/{law}/{article}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{law}#{article}", body.GetProperty("ref").GetString());
        Assert.Equal(label, body.GetProperty("article").GetString());
        Assert.StartsWith("<p>", body.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, body.GetProperty("revision").GetInt32());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", body.GetProperty("lastEdited").GetString());
    }

    [Theory]
    [InlineData("/api/v1/statutes/pipl/999")]
    [InlineData("/api/v1/statutes/nope/1")]
    public async Task GetArticle_Unknown_Returns404Problem(string url)
    {
        var (response, body) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task GetUnknownApiPath_Returns404Problem()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
