using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>
/// Seeded random, malformed and hostile input to every questionnaire step and to the API. Whatever is sent, the answer is
/// one of 200/302/400/413/415/429 — never a 500 — and the app serves normally afterwards.
/// </summary>
[Collection(ReadOnlyApp.Name)]
public sealed class FuzzTests(LeakRightsFactory factory, ITestOutputHelper output)
{
    private const int Seed = 20261127;
    private const int Cases = 2400;
    private static readonly HashSet<HttpStatusCode> Allowed = [HttpStatusCode.OK, HttpStatusCode.Found, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.TooManyRequests];

    private static readonly string[] Questions = ["source", "insider", "organisation-name", "data-types", "scale", "discovery", "discovered-on", "evidence", "harms", "loss-amount", "ongoing-danger", "contacted-organisation", "police-report", "your-name", "your-contact", "organisation-address", "what-happened"];
    private static readonly string[] Options = ["bank", "unknown", "individual", "identity", "location", "biometric", "5000-plus", "only-me", "spam", "found-online", "none", "none-yet", "financial-loss", "yes", "no", "not-filed", "refused"];
    private static readonly string[] Nasty =
    [
        "", " ", "\u0000", "\u0007bell", "\uFEFF", "\u202Eevil", "😀", "𠮷野家", "<script>alert(1)</script>", "'; DROP TABLE Laws; --", "../../etc/passwd", "%00", "%s%s%s%n",
        "2026-13", "2026-00", "9999-12", "0001-01", "1e400", "-1", "NaN", "Infinity", "0x10", "20,000,000,000", "１２３", "null", "true", "{}", "[]", "\\ud800", "a\r\nb",
    ];

    [Fact]
    public async Task Post_RandomAndHostileInput_NeverFailsAndAppKeepsServing()
    {
        using var session = new WebSession(factory);
        var (_, step1) = await session.GetAsync("/check/1");
        var token = step1.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var api = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var random = new Random(Seed);
        var counts = new Dictionary<string, int>();
        var failures = new List<string>();

        for (var i = 0; i < Cases; i++)
        {
            var kind = random.Next(10);
            HttpResponseMessage response;
            string label;
            if (kind < 4)
            {
                (label, response) = await PostFormAsync(session, random, token);
            }
            else if (kind < 9)
            {
                (label, response) = await PostApiAsync(api, random, pdf: kind == 8 && random.Next(4) == 0);
            }
            else
            {
                (label, response) = await PostGarbageAsync(api, random);
            }

            counts[$"{label} {(int)response.StatusCode}"] = counts.GetValueOrDefault($"{label} {(int)response.StatusCode}") + 1;
            if (!Allowed.Contains(response.StatusCode))
            {
                var text = $"case {i} ({label}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                failures.Add(text.Length > 300 ? text[..300] : text);
            }

            response.Dispose();
        }

        foreach (var (k, v) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{k}: {v}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        Assert.Equal(Cases, counts.Values.Sum());

        // Still serving normally.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/")).StatusCode);
        var ok = await api.PostAsync("/api/v1/plans", new StringContent("""{"answers":{"source":"unknown","data-types":["contact"],"scale":"unknown","discovery":["spam"],"evidence":["none"],"harms":["spam"],"ongoing-danger":"no","police-report":"no","discovered-on":"2026-11"}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Healthy", await api.GetStringAsync("/healthz"));
    }

    private static async Task<(string, HttpResponseMessage)> PostFormAsync(WebSession session, Random random, string token)
    {
        var step = random.Next(1, 6);
        var fields = new List<KeyValuePair<string, string>>();
        if (random.Next(10) > 0)
        {
            fields.Add(new("__RequestVerificationToken", token));
        }

        var count = random.Next(0, 12);
        for (var f = 0; f < count; f++)
        {
            var name = random.Next(8) == 0 ? RandomString(random, random.Next(1, 40)) : Questions[random.Next(Questions.Length)];
            fields.Add(new(name, RandomValue(random)));
        }

        if (random.Next(3) == 0)
        {
            fields.Add(new("nav", random.Next(2) == 0 ? "back" : RandomString(random, 5)));
        }

        var url = $"/check/{step}" + (random.Next(6) == 0 ? "?return=" + Uri.EscapeDataString(RandomValue(random)) : string.Empty);
        return ("form", await session.Client.PostAsync(url, new FormUrlEncodedContent(fields)));
    }

    private static async Task<(string, HttpResponseMessage)> PostApiAsync(HttpClient api, Random random, bool pdf)
    {
        var sb = new StringBuilder("{\"answers\":{");
        var count = random.Next(0, 16);
        for (var f = 0; f < count; f++)
        {
            if (f > 0)
            {
                sb.Append(',');
            }

            var name = random.Next(10) == 0 ? RandomString(random, random.Next(1, 20)) : Questions[random.Next(Questions.Length)];
            sb.Append(JsonString(name)).Append(':').Append(RandomJson(random, 0));
        }

        sb.Append("}}");
        var body = sb.ToString();
        if (random.Next(20) == 0)
        {
            body = body[..random.Next(body.Length)]; // truncated
        }

        var content = new StringContent(body, Encoding.UTF8, "application/json");
        return (pdf ? "api-pdf" : "api", await api.PostAsync(pdf ? "/api/v1/plans/pdf" : "/api/v1/plans", content));
    }

    private static async Task<(string, HttpResponseMessage)> PostGarbageAsync(HttpClient api, Random random)
    {
        byte[] bytes = random.Next(6) switch
        {
            0 => RandomBytes(random, random.Next(0, 2000)),
            1 => Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
            2 => Encoding.UTF8.GetBytes("{\"answers\":{\"organisation-name\":\"" + new string('x', 70_000) + "\"}}"),
            3 => [.. "{\"answers\":{\"organisation-name\":\""u8, .. RandomBytes(random, 40), .. "\"}}"u8],
            4 => Encoding.UTF8.GetBytes("{\"answers\":{\"source\":\"bank\",\"source\":\"app\"},\"answers\":{}}"),
            _ => Encoding.UTF8.GetBytes("{\"answers\":{\"organisation-name\":\"\\ud800\\udc00\\ud800\"}}"),
        };
        var content = new ByteArrayContent(bytes);
        var types = new[] { "application/json", "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded", "application/problem+json", "multipart/form-data; boundary=x" };
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(types[random.Next(types.Length)]);
        return ("garbage", await api.PostAsync(random.Next(5) == 0 ? "/api/v1/plans/pdf" : "/api/v1/plans", content));
    }

    private static string RandomJson(Random random, int depth) => random.Next(depth > 3 ? 5 : 9) switch
    {
        0 => JsonString(Options[random.Next(Options.Length)]),
        1 => JsonString(RandomValue(random)),
        2 => "[" + string.Join(',', Enumerable.Range(0, random.Next(0, 6)).Select(_ => JsonString(Options[random.Next(Options.Length)]))) + "]",
        3 => random.Next(-5, 200_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        4 => random.Next(3) switch { 0 => "null", 1 => "true", _ => "1e400" },
        5 => "{\"a\":" + RandomJson(random, depth + 1) + "}",
        6 => "[" + RandomJson(random, depth + 1) + "," + RandomJson(random, depth + 1) + "]",
        7 => "\"\\ud800\"",
        _ => JsonString(new string('长', random.Next(90, 130))),
    };

    private static string RandomValue(Random random) => random.Next(4) switch
    {
        0 => Options[random.Next(Options.Length)],
        1 => Nasty[random.Next(Nasty.Length)],
        2 => RandomString(random, random.Next(0, 300)),
        _ => random.Next(-10, 1_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string RandomString(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(5) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x4E00, 0x9FFF),
                2 => (char)random.Next(0xD800, 0xE000),
                _ => (char)random.Next(32, 127),
            };
        }

        return new string(chars);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string JsonString(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= '\uD800' and <= '\uDFFF') => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }
}
