using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeakRights.Web.Api;
using LeakRights.Web.Cases;
using LeakRights.Web.Tests.Cases;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Api;

/// <summary>A client of /api/v1/cases: creates cases and sends the secret as a Bearer token.</summary>
internal sealed class CaseApiClient(HttpClient client)
{
    public const string CreateBody = "{\"answers\":" + TestCases.BankFraudAnswers + ",\"letter\":{\"your-name\":\"王小明\",\"your-contact\":\"13800138000\"}}";

    public HttpClient Http => client;

    public async Task<(string Id, string Secret, JsonElement Body)> CreateAsync(string body = CreateBody)
    {
        var response = await client.PostAsync("/api/v1/cases", Json(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await ReadAsync(response);
        return (json.GetProperty("id").GetString()!, json.GetProperty("secret").GetString()!, json);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? secret, string? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) };
        if (secret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static string Entry(string step = "send-deletion-request", string kind = "done", string on = "2026-11-26", string? reference = "EA123456789CN", string? note = null, string? reply = null)
    {
        var o = new JsonObject { ["step"] = step, ["kind"] = kind, ["on"] = on, ["channel"] = "ems" };
        if (reference is not null)
        {
            o["reference"] = reference;
        }

        if (note is not null)
        {
            o["note"] = note;
        }

        if (reply is not null)
        {
            o["reply"] = reply;
        }

        return o.ToJsonString();
    }
}

public sealed class CasesApiTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    private readonly CaseApiClient _api = new(factory.CreateClient());

    [Fact]
    public async Task Create_AnswersAndLetter_201WithIdSecretLinkAndTheCase()
    {
        var response = await _api.Http.PostAsync("/api/v1/cases", CaseApiClient.Json(CaseApiClient.CreateBody));
        var body = await CaseApiClient.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["id", "secret", "link", "version", "case"], body.EnumerateObject().Select(p => p.Name));
        var id = body.GetProperty("id").GetString()!;
        var secret = body.GetProperty("secret").GetString()!;
        Assert.True(CaseCrypto.IsValidId(id));
        Assert.True(CaseCrypto.IsValidSecret(secret));
        Assert.Equal($"http://localhost/case/{id}/{secret}", body.GetProperty("link").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal($"/api/v1/cases/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag!.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var c = body.GetProperty("case");
        Assert.Equal(["id", "version", "createdOn", "answers", "letter", "progress", "plan", "droppedAnswers"], c.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11-27", c.GetProperty("createdOn").GetString());
        Assert.Equal("某银行某支行", c.GetProperty("answers").GetProperty("organisation-name").GetString());
        Assert.Equal(20000, c.GetProperty("answers").GetProperty("loss-amount").GetInt32());
        Assert.Equal("13800138000", c.GetProperty("letter").GetProperty("your-contact").GetString());
        Assert.Equal(0, c.GetProperty("progress").GetArrayLength());
        Assert.Contains(c.GetProperty("plan").GetProperty("paths").EnumerateArray().SelectMany(p => p.GetProperty("steps").EnumerateArray()), s => s.GetProperty("key").GetString() == "send-deletion-request");
    }

    [Fact]
    public async Task Create_LetterDetailsAmongTheAnswers_AreKeptLikeInLetter()
    {
        var body = "{\"answers\":" + TestCases.BankFraudAnswers[..^1] + ",\"your-name\":\"李四\"}}";

        var (_, _, created) = await _api.CreateAsync(body);

        Assert.Equal("李四", created.GetProperty("case").GetProperty("letter").GetProperty("your-name").GetString());
    }

    [Fact]
    public async Task Get_WithBearerSecret_ReturnsTheCaseWithETagAndNoSecret()
    {
        var (id, secret, _) = await _api.CreateAsync();

        var response = await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", secret);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag!.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(id, body.GetProperty("id").GetString());
        Assert.Equal("王小明", body.GetProperty("letter").GetProperty("your-name").GetString());
        Assert.Equal("freeze-accounts", body.GetProperty("plan").GetProperty("urgent")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task AddProgress_ValidEntry_201WithTheEntryAndVersion2()
    {
        var (id, secret, _) = await _api.CreateAsync();

        var response = await _api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, CaseApiClient.Entry(note: "挂号信"));
        var body = await CaseApiClient.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.ToString());
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        var entry = Assert.Single(body.GetProperty("progress").EnumerateArray());
        Assert.Equal(8, entry.GetProperty("id").GetString()!.Length);
        Assert.Equal("send-deletion-request", entry.GetProperty("step").GetString());
        Assert.Equal("done", entry.GetProperty("kind").GetString());
        Assert.Equal("2026-11-26", entry.GetProperty("on").GetString());
        Assert.Equal("ems", entry.GetProperty("channel").GetString());
        Assert.Equal("EA123456789CN", entry.GetProperty("reference").GetString());
        Assert.Equal("挂号信", entry.GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("reply").ValueKind);
        var read = await CaseApiClient.ReadAsync(await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", secret));
        Assert.Equal(entry.GetProperty("id").GetString(), read.GetProperty("progress")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task AddProgress_BadFields_400NamingEachField()
    {
        var (id, secret, _) = await _api.CreateAsync();

        var response = await _api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, """{"step":"not-a-step","kind":"maybe","on":"2026-13-40","channel":"pigeon","reference":"EA\u202E123","note":null}""");
        var body = await CaseApiClient.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["channel", "kind", "on", "reference", "step"], errors);
        Assert.Equal("这一步不在您的计划里，请从计划中选择。", body.GetProperty("errors").GetProperty("step")[0].GetString());
        Assert.Equal(1, (await CaseApiClient.ReadAsync(await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", secret))).GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("""{"step":"send-deletion-request","on":"2026-11-26","when":"today"}""", "when")]
    [InlineData("""{"step":"send-deletion-request","on":20261126}""", "on")]
    [InlineData("""{"step":"send-deletion-request","on":"2026-11-26","on":"2026-11-25"}""", "on")]
    [InlineData("""["send-deletion-request"]""", "body")]
    [InlineData("""{"step":"send-deletion-request","on":"2026-11-28"}""", "on")]
    [InlineData("""{"step":"send-deletion-request","kind":"reply","on":"2026-11-26"}""", "reply")]
    public async Task AddProgress_MalformedBody_400NamingTheField(string entry, string field)
    {
        var (id, secret, _) = await _api.CreateAsync();

        var response = await _api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, entry);
        var body = await CaseApiClient.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task AddProgress_StaleIfMatch_412WithAChineseDetailAndNothingAdded()
    {
        var (id, secret, _) = await _api.CreateAsync();
        var first = await _api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, CaseApiClient.Entry(), ifMatch: "\"1\"");

        var stale = await _api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, CaseApiClient.Entry(reference: "SECOND"), ifMatch: "\"1\"");
        var body = await CaseApiClient.ReadAsync(stale);
        var read = await CaseApiClient.ReadAsync(await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", secret));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(CaseEndpoints.StaleDetail, body.GetProperty("detail").GetString());
        Assert.Equal(2, read.GetProperty("version").GetInt32());
        Assert.Equal(["EA123456789CN"], read.GetProperty("progress").EnumerateArray().Select(e => e.GetProperty("reference").GetString()));
    }

    [Fact]
    public async Task AddProgress_WithoutIfMatch_AddsToTheNewestVersion()
    {
        var (id, secret, _) = await _api.CreateAsync();
        await _api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, CaseApiClient.Entry(reference: "A1"));

        var second = await _api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, CaseApiClient.Entry(reference: "B2"));
        var body = await CaseApiClient.ReadAsync(second);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(["A1", "B2"], body.GetProperty("progress").EnumerateArray().Select(e => e.GetProperty("reference").GetString()));
        Assert.Equal(3, body.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task DeleteEntry_ExistingEntry_204AndGone()
    {
        var (id, secret, _) = await _api.CreateAsync();
        var added = await CaseApiClient.ReadAsync(await _api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, CaseApiClient.Entry()));
        var entryId = added.GetProperty("progress")[0].GetProperty("id").GetString();

        var stale = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/cases/{id}/progress/{entryId}", secret, ifMatch: "\"1\"");
        var deleted = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/cases/{id}/progress/{entryId}", secret, ifMatch: "\"2\"");
        var again = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/cases/{id}/progress/{entryId}", secret);
        var read = await CaseApiClient.ReadAsync(await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", secret));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(0, read.GetProperty("progress").GetArrayLength());
        Assert.Equal(3, read.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task DeleteCase_WithItsSecret_204AndTheRowIsGone()
    {
        var (id, secret, _) = await _api.CreateAsync();

        var wrong = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/cases/{id}", CaseCrypto.NewSecret());
        var deleted = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/cases/{id}", secret);
        var read = await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", secret);

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        using var db = factory.CreateDbContext();
        Assert.False(await db.Cases.AnyAsync(c => c.Id == id));
    }

    /// <summary>No enumeration: every way of not opening a case gets the same status, type and body (only the per-request trace id differs).</summary>
    [Fact]
    public async Task Get_MissingIdWrongSecretMalformedOrNoAuthorization_IdenticalNotFound()
    {
        var (id, secret, _) = await _api.CreateAsync();

        var answers = new List<HttpResponseMessage>
        {
            await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{CaseCrypto.NewId()}", secret),
            await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", CaseCrypto.NewSecret()),
            await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", secret[..20]),
            await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}x", secret),
            await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", null),
            await _api.SendAsync(HttpMethod.Get, "/api/v1/cases/%27%20or%201=1", secret),
            await _api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{CaseCrypto.NewId()}/progress", secret, CaseApiClient.Entry()),
            await _api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", CaseCrypto.NewSecret(), CaseApiClient.Entry()),
            await _api.SendAsync(HttpMethod.Delete, $"/api/v1/cases/{id}", null),
            await _api.SendAsync(HttpMethod.Delete, $"/api/v1/cases/{id}/progress/abc", CaseCrypto.NewSecret()),
        };
        var basic = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{id}");
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", secret);
        answers.Add(await _api.Http.SendAsync(basic));

        var bodies = new List<string>();
        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType!.MediaType);
            var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsObject();
            body.Remove("traceId");
            Assert.Equal(CaseEndpoints.NotFoundDetail, body["detail"]!.GetValue<string>());
            bodies.Add(body.ToJsonString());
        }

        Assert.Single(bodies.Distinct());
        Assert.Equal(HttpStatusCode.OK, (await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", secret)).StatusCode);
    }

    [Theory]
    [InlineData("""{"answers":{"source":"bank"},"extra":1}""", "extra")]
    [InlineData("""{"letter":{}}""", "answers")]
    [InlineData("""{"answers":[]}""", "answers")]
    [InlineData("""{"answers":{"source":"bank"},"letter":{"your-name":"王小明","password":"x"}}""", "password")]
    [InlineData("""{"answers":{"source":"bank"},"letter":"王小明"}""", "letter")]
    [InlineData("""{"answers":{"source":"bank","your-name":"甲"},"letter":{"your-name":"乙"}}""", "your-name")]
    [InlineData("""{"answers":{"source":"mars"}}""", "source")]
    [InlineData("""[]""", "body")]
    public async Task Create_BadBody_400NamingTheField(string body, string field)
    {
        var response = await _api.Http.PostAsync("/api/v1/cases", CaseApiClient.Json(body));
        var problem = await CaseApiClient.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Create_NotJson_415AndBodyOverTheLimit_400()
    {
        var text = await _api.Http.PostAsync("/api/v1/cases", new StringContent(CaseApiClient.CreateBody, Encoding.UTF8, "text/plain"));
        var large = await _api.Http.PostAsync("/api/v1/cases", CaseApiClient.Json("{\"answers\":{\"organisation-name\":\"" + new string('甲', 30_000) + "\"}}"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        Assert.True((await CaseApiClient.ReadAsync(large)).GetProperty("errors").TryGetProperty("body", out _));
    }

    /// <summary>Seeded random and hostile entries and case bodies: only the statuses the API documents, and the case still reads.</summary>
    [Fact]
    public async Task AddProgressAndCreate_RandomAndHostileInput_OnlyDocumentedStatuses()
    {
        string[] names = ["step", "kind", "on", "channel", "reply", "reference", "note", "id", "answers", "letter", "your-name", "source"];
        string[] values =
        [
            "\"send-deletion-request\"", "\"report-to-police\"", "\"done\"", "\"reply\"", "\"answered\"", "\"not-filed\"", "\"ems\"", "\"2026-11-26\"", "\"2026/11/26\"", "\"1999-12-31\"",
            "\"2026-02-30\"", "\"\"", "\" \"", "null", "true", "1e400", "-1", "[]", "{}", "{\"a\":[1]}", "\"\\u0000\"", "\"\\ud800\"", "\"\\u202Eevil\"", "\"😀𠮷\"",
            "\"<script>alert(1)</script>\"", "\"'; DROP TABLE Cases; --\"", "\"" + new string('长', 250) + "\"", "\"a\\r\\nb\"",
        ];
        var (id, secret, _) = await _api.CreateAsync();
        var random = new Random(1313);
        var failures = new List<string>();
        HttpStatusCode[] allowed = [HttpStatusCode.Created, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.PreconditionFailed, HttpStatusCode.UnsupportedMediaType];
        for (var i = 0; i < 300; i++)
        {
            var fields = Enumerable.Range(0, random.Next(0, 9)).Select(_ => $"\"{names[random.Next(names.Length)]}\":{values[random.Next(values.Length)]}");
            var body = "{" + string.Join(',', fields) + "}";
            if (random.Next(15) == 0)
            {
                body = body[..random.Next(body.Length)];
            }

            var response = random.Next(5) switch
            {
                0 => await _api.Http.PostAsync("/api/v1/cases", CaseApiClient.Json(random.Next(2) == 0 ? body : "{\"answers\":" + body + "}")),
                1 => await _api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, body, ifMatch: random.Next(2) == 0 ? "\"1\"" : "garbage"),
                _ => await _api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, body),
            };
            if (!allowed.Contains(response.StatusCode))
            {
                failures.Add($"{i}: {(int)response.StatusCode} {body}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        var read = await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", secret);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task CreateAndAddProgress_DatabaseCannotBeWritten_503InChineseAndNothingWritten()
    {
        var readOnly = new QueryOnlySwitch();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddLeakRightsDbInterceptor(readOnly)));
        var api = new CaseApiClient(app.CreateClient());
        var (id, secret, _) = await api.CreateAsync();
        int before;
        using (var db = factory.CreateDbContext())
        {
            before = await db.Cases.CountAsync();
        }

        readOnly.On = true;
        var create = await api.Http.PostAsync("/api/v1/cases", CaseApiClient.Json(CaseApiClient.CreateBody));
        var add = await api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, CaseApiClient.Entry());
        readOnly.On = false;

        foreach (var response in new[] { create, add })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(CaseStoreUnavailableException.Message503, (await CaseApiClient.ReadAsync(response)).GetProperty("detail").GetString());
        }

        using (var db = factory.CreateDbContext())
        {
            Assert.Equal(before, await db.Cases.CountAsync());
        }

        var read = await CaseApiClient.ReadAsync(await api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", secret));
        Assert.Equal(1, read.GetProperty("version").GetInt32());
        Assert.Equal(0, read.GetProperty("progress").GetArrayLength());
    }
}
