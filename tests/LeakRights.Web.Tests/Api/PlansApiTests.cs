using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LeakRights.Core.Answers;
using LeakRights.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Api;

public sealed class PlansApiTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    private const string BankFraud = """{"answers":{"source":"bank","insider":"yes","organisation-name":"某银行某支行","data-types":["identity","contact","property"],"scale":"unknown","discovery":["fraud-contact"],"evidence":["call-sms-records","loss-proof"],"harms":["financial-loss"],"loss-amount":20000,"ongoing-danger":"no","contacted-organisation":"not-yet","police-report":"no","discovered-on":"2026-10","infringer-known":"yes","infringer-known-on":"2026-10"}}""";

    /// <summary>A v1 request: none of the questions added later (who the infringer is, since when).</summary>
    private const string BankFraudV1 = """{"answers":{"source":"bank","insider":"yes","organisation-name":"某银行某支行","data-types":["identity","contact","property"],"scale":"unknown","discovery":["fraud-contact"],"evidence":["call-sms-records","loss-proof"],"harms":["financial-loss"],"loss-amount":20000,"ongoing-danger":"no","contacted-organisation":"not-yet","police-report":"no","discovered-on":"2026-10"}}""";

    [Fact]
    public async Task Post_V1RequestWithoutTheNewQuestions_StillGetsAPlanSayingWhatItCouldNotDetermine()
    {
        var (response, plan) = await PostAsync(Json(BankFraudV1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var limitation = plan.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("key").GetString() == "limitation");
        Assert.Equal(JsonValueKind.Null, limitation.GetProperty("date").ValueKind);
        Assert.Equal(JsonValueKind.Null, limitation.GetProperty("due").ValueKind);
        Assert.StartsWith("现在还算不出诉讼时效", limitation.GetProperty("noDate").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("limitation-passed", plan.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(HttpContent content)
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/api/v1/plans", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Post_ValidAnswers_ReturnsPlanInContractShape()
    {
        var (response, plan) = await PostAsync(Json(BankFraud));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The v1 contract's fields first, in order; then the additive ones (docs/api.md).
        Assert.Equal(["generatedAt", "urgent", "paths", "authorities", "citations", "evidenceChecklist", "deadlines", "flags", "firstThings", "letters", "incident"], plan.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["request-stop", "complain", "legal-action"], plan.GetProperty("paths").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        // The array keeps v1's priority order; 'order' is this person's (money lost to fraud: the police route first).
        Assert.Equal([2, 3, 1], plan.GetProperty("paths").EnumerateArray().Select(p => p.GetProperty("order").GetInt32()));
        Assert.Equal("freeze-accounts", plan.GetProperty("urgent")[0].GetProperty("key").GetString());
        var citation = plan.GetProperty("citations").EnumerateArray().First(c => c.GetProperty("ref").GetString() == "pipl#47");
        Assert.Equal("中华人民共和国个人信息保护法", citation.GetProperty("law").GetString());
        Assert.Equal("第四十七条", citation.GetProperty("article").GetString());
        Assert.Equal(1, citation.GetProperty("revision").GetInt32());
        Assert.Equal("2021-11-01", citation.GetProperty("effective").GetString());
        Assert.Contains(plan.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("key").GetString() == "limitation" && d.GetProperty("date").GetString() == "2029-10");
        Assert.Contains("fraud-loss", plan.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Post_SameAnswersAsWebPage_GivesSamePlan()
    {
        var (_, api) = await PostAsync(Json(BankFraud));
        var plans = factory.Services.GetRequiredService<PlanService>();
        var walker = factory.Services.GetRequiredService<QuestionnaireWalker>();
        using var doc = JsonDocument.Parse(BankFraud);
        var (raw, _) = AnswerJson.ReadObject(doc.RootElement.GetProperty("answers"));
        var core = plans.Build(walker.ParseAll(raw, acceptLetterFields: false).Answers);

        Assert.Equal(core.Paths.SelectMany(p => p.Steps).Select(s => s.Key), api.GetProperty("paths").EnumerateArray().OrderBy(p => p.GetProperty("order").GetInt32()).SelectMany(p => p.GetProperty("steps").EnumerateArray()).Select(s => s.GetProperty("key").GetString()));
        Assert.Equal(core.Citations.Select(c => c.Ref.ToString()), api.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("ref").GetString()));
    }

    [Fact]
    public async Task Post_Plan_IsByteForByteWhatTheReflectionSerializerWrites()
    {
        // The plans API writes through generated code and pre-encoded citations (issue 15): the same bytes as the general
        // serializer with the API's settings (camelCase, Chinese unescaped), whatever the path.
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/api/v1/plans", Json(BankFraud));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var plans = factory.Services.GetRequiredService<PlanService>();
        var walker = factory.Services.GetRequiredService<QuestionnaireWalker>();
        using var doc = JsonDocument.Parse(BankFraud);
        var (raw, _) = AnswerJson.ReadObject(doc.RootElement.GetProperty("answers"));
        var generatedAt = JsonDocument.Parse(bytes).RootElement.GetProperty("generatedAt").GetDateTimeOffset();
        var expected = Web.Api.ApiMapping.ToResponse(plans.Build(walker.ParseAll(raw, acceptLetterFields: false).Answers), plans.Content) with { GeneratedAt = generatedAt };
        var reflection = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };

        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(JsonSerializer.Serialize(expected, reflection), Encoding.UTF8.GetString(bytes));
        Assert.Equal(JsonSerializer.Serialize(expected.Citations.ToList(), reflection), JsonDocument.Parse(bytes).RootElement.GetProperty("citations").GetRawText());
        Assert.Contains("个人信息", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_LetterFields_AreIgnoredNotEchoed()
    {
        var body = BankFraud.Replace("\"source\":\"bank\"", "\"source\":\"bank\",\"your-name\":\"王小明\",\"your-contact\":\"13800000000\"", StringComparison.Ordinal);

        var (response, plan) = await PostAsync(Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("王小明", plan.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", plan.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"source\":\"bank\"", "\"source\":\"moon\"", "source")]
    [InlineData("\"source\":\"bank\"", "\"source\":\"bank\",\"shoe-size\":42", "shoe-size")]
    [InlineData("\"data-types\":[\"identity\",\"contact\",\"property\"]", "\"data-types\":\"identity\"", "data-types")]
    [InlineData("\"loss-amount\":20000", "\"loss-amount\":\"20000\"", "loss-amount")]
    [InlineData("\"loss-amount\":20000", "\"loss-amount\":0", "loss-amount")]
    [InlineData("\"loss-amount\":20000", "\"loss-amount\":1e12", "loss-amount")]
    [InlineData("\"discovered-on\":\"2026-10\"", "\"discovered-on\":\"2030-01\"", "discovered-on")]
    [InlineData("\"discovered-on\":\"2026-10\"", "\"discovered-on\":\"October\"", "discovered-on")]
    [InlineData(",\"police-report\":\"no\"", "", "police-report")]
    [InlineData("\"evidence\":[\"call-sms-records\",\"loss-proof\"]", "\"evidence\":[\"none\",\"loss-proof\"]", "evidence")]
    [InlineData("\"organisation-name\":\"某银行某支行\"", "\"organisation-name\":{\"a\":1}", "organisation-name")]
    [InlineData("\"source\":\"bank\"", "\"source\":\"bank\",\"source\":\"app\"", "source")]
    public async Task Post_BadAnswer_Returns400NamingTheField(string from, string to, string field)
    {
        var (response, problem) = await PostAsync(Json(BankFraud.Replace(from, to, StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("提交的内容有误", problem.GetProperty("title").GetString());
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Matches("[\u4e00-\u9fff]", message);
    }

    [Fact]
    public async Task Post_HiddenQuestionAnswered_IsIgnored()
    {
        var body = BankFraud.Replace("\"source\":\"bank\"", "\"source\":\"unknown\"", StringComparison.Ordinal);

        var (response, plan) = await PostAsync(Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(plan.GetProperty("paths")[0].GetProperty("recommended").GetBoolean());
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"answers\":[]}")]
    [InlineData("{\"answers\":{}, \"extra\":1}")]
    [InlineData("null")]
    public async Task Post_MalformedBody_Returns400(string body)
    {
        var (response, problem) = await PostAsync(Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any());
    }

    [Fact]
    public async Task Post_DeeplyNestedJson_Returns400()
    {
        var deep = "{\"answers\":{\"source\":" + new string('[', 500) + new string(']', 500) + "}}";

        var (response, _) = await PostAsync(Json(deep));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_InvalidUtf8_Returns400()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"answers\":{\"organisation-name\":\"AB\"}}");
        bytes[33] = 0xC3;
        bytes[34] = 0x28;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var (response, problem) = await PostAsync(content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task Post_BodyOver64KiB_Returns400()
    {
        var big = BankFraud.Replace("某银行某支行", new string('x', 70_000), StringComparison.Ordinal);

        var (response, problem) = await PostAsync(Json(big));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("64 KiB", problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NotJson_Returns415()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/api/v1/plans", new StringContent("source=bank", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
