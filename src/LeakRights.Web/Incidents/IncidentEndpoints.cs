using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using LeakRights.Core.Content;
using LeakRights.Core.Incidents;
using LeakRights.Web.Admin;
using LeakRights.Web.Api;
using LeakRights.Web.Data;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LeakRights.Web.Incidents;

/// <summary>One incident as the API shows it (never the moderation note; never the counter).</summary>
public sealed record IncidentDto(
    string Slug,
    string Url,
    string Organisation,
    OptionRefDto Source,
    string? OccurredOn,
    string BecamePublicOn,
    IReadOnlyList<OptionRefDto> DataTypes,
    OptionRefDto Scale,
    string Summary,
    string Status,
    string StatusLabel,
    bool Unconfirmed,
    IReadOnlyList<IncidentSourceDto> Sources,
    int Revision,
    DateTimeOffset UpdatedAt);

public sealed record OptionRefDto(string Id, string Label);

public sealed record IncidentSourceDto(string Kind, string KindLabel, string Title, string Url, string PublishedOn);

/// <summary>The counter challenge for the page's script: the challenge, the work it needs and the antiforgery token for the post.</summary>
public sealed record AffectedChallengeDto(string Challenge, int Bits, string Token);

/// <summary>
/// The incident registry's services and endpoints (issue 16): the editor, the counter, the read view as
/// <see cref="IIncidentCatalog"/>, output caching, the counter's rate limit; the Atom feed, the JSON API and the counter
/// challenge.
/// </summary>
public static class IncidentEndpoints
{
    public const string AtomContentType = "application/atom+xml; charset=utf-8";

    private static readonly string[] CachedPages = ["/Incidents/Index", "/Incidents/Show"];

    public static IServiceCollection AddLeakRightsIncidents(this IServiceCollection services)
    {
        services.AddValidatedOptions<IncidentOptions>(IncidentOptions.Section);
        services.AddScoped<IncidentEditor>();
        services.AddScoped<AffectedCounter>();
        services.AddSingleton<IIncidentCatalog, CurrentIncidentCatalog>();
        services.AddOutputCache(o =>
        {
            o.AddPolicy(IncidentCachePolicy.Name, new IncidentCachePolicy());

            // Slugs are lower case: /incidents/Hotel-Guests is a 404, and must not be answered from the cache of /incidents/hotel-guests.
            o.UseCaseSensitivePaths = true;
        });
        services.AddHostedService<IncidentCacheEviction>();
        services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var page in CachedPages)
            {
                o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = IncidentCachePolicy.Name }));
            }
        });
        return services;
    }

    public static IEndpointRouteBuilder MapLeakRightsIncidents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/incidents/feed.atom", (HttpContext context, ContentSnapshotProvider content, Questionnaire questionnaire) =>
        {
            var (snapshot, version) = content.CurrentWithVersion;
            var etag = $"\"incidents-{version}\"";
            if (NotModified(context, etag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            context.Response.Headers.ETag = etag;
            return Results.Text(Atom(snapshot.PublishedIncidents, BaseUrl(context), questionnaire), AtomContentType, Encoding.UTF8);
        }).CacheOutput(IncidentCachePolicy.Name);

        var api = app.MapGroup("/api/v1/incidents");
        api.MapGet("/", (HttpContext context, ContentSnapshotProvider content, Questionnaire questionnaire) =>
        {
            var (snapshot, version) = content.CurrentWithVersion;
            var etag = $"\"incidents-{version}\"";
            if (NotModified(context, etag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            context.Response.Headers.ETag = etag;
            return Results.Ok(snapshot.PublishedIncidents.Select(i => ToDto(i, BaseUrl(context), questionnaire)).ToList());
        }).CacheOutput(IncidentCachePolicy.Name);

        api.MapGet("/{slug}", (string slug, HttpContext context, ContentSnapshotProvider content, Questionnaire questionnaire) =>
        {
            var incident = IncidentRules.IsValidSlug(slug) ? content.Current.FindIncident(slug) : null;
            if (incident is null)
            {
                return Problems.NotFound("没有找到这个泄露事件（可能尚未发布或已撤下）。");
            }

            var etag = $"\"{incident.Slug}-{incident.Revision.ToString(CultureInfo.InvariantCulture)}\"";
            if (NotModified(context, etag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            context.Response.Headers.ETag = etag;
            return Results.Ok(ToDto(incident, BaseUrl(context), questionnaire));
        }).CacheOutput(IncidentCachePolicy.Name);

        // The counter's challenge, fetched by the page's script when the button is pressed: never cached (it carries a
        // per-browser antiforgery token), rate-limited with the post it is for.
        app.MapGet("/incidents/{slug}/affected/challenge", (string slug, HttpContext context, ContentSnapshotProvider content, AffectedCounter counter, IAntiforgery antiforgery) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var incident = IncidentRules.IsValidSlug(slug) ? content.Current.FindIncident(slug) : null;
            if (incident is null)
            {
                return Problems.NotFound("没有找到这个泄露事件。");
            }

            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Ok(new AffectedChallengeDto(counter.IssueChallenge(incident.Slug), counter.DifficultyBits, tokens.RequestToken!));
        }).RequireRateLimiting(RateLimiting.Affected);

        return app;
    }

    /// <summary>True when the request's If-None-Match names <paramref name="etag"/> (or is *): the caller answers 304.</summary>
    public static bool NotModified(HttpContext context, string etag)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.IfNoneMatch.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        var match = header.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == etag || t == "W/" + etag);
        if (match)
        {
            context.Response.Headers.ETag = etag;
        }

        return match;
    }

    public static IncidentDto ToDto(Incident i, string baseUrl, Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new IncidentDto(
            i.Slug,
            $"{baseUrl}/incidents/{i.Slug}",
            i.Organisation,
            Option(questionnaire, IncidentRules.SourceQuestion, i.Source),
            i.OccurredOn is { } o ? ContentRules.FormatDate(o) : null,
            ContentRules.FormatDate(i.BecamePublicOn),
            i.DataTypes.Select(d => Option(questionnaire, IncidentRules.DataTypesQuestion, d)).ToList(),
            Option(questionnaire, IncidentRules.ScaleQuestion, i.Scale),
            i.Summary,
            i.Status.ToName(),
            i.Status.Label(),
            i.IsUnconfirmed,
            i.Sources.Select(s => new IncidentSourceDto(s.Kind.ToName(), s.Kind.Label(), s.Title, s.Url.OriginalString, ContentRules.FormatDate(s.PublishedOn))).ToList(),
            i.Revision,
            i.UpdatedAt);
    }

    /// <summary>The Atom (RFC 4287) feed of the published incidents, newest first.</summary>
    public static string Atom(IReadOnlyList<Incident> incidents, string baseUrl, Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        XNamespace a = "http://www.w3.org/2005/Atom";
        var updated = incidents.Count == 0 ? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) : incidents.Max(i => i.UpdatedAt);
        var feed = new XElement(
            a + "feed",
            new XElement(a + "id", $"{baseUrl}/incidents"),
            new XElement(a + "title", "重大泄露事件 · 个人信息泄露维权助手"),
            new XElement(a + "updated", Rfc3339(updated)),
            new XElement(a + "author", new XElement(a + "name", "个人信息泄露维权助手")),
            new XElement(a + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{baseUrl}/incidents/feed.atom")),
            new XElement(a + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{baseUrl}/incidents")),
            incidents.Select(i => new XElement(
                a + "entry",
                new XElement(a + "id", $"{baseUrl}/incidents/{i.Slug}"),
                new XElement(a + "title", $"{i.Organisation}（{i.Status.Label()}）"),
                new XElement(a + "updated", Rfc3339(i.UpdatedAt)),
                new XElement(a + "published", Rfc3339(new DateTimeOffset(i.BecamePublicOn.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset))),
                new XElement(a + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{baseUrl}/incidents/{i.Slug}")),
                new XElement(a + "category", new XAttribute("term", i.Source), new XAttribute("label", IncidentRules.Label(questionnaire, IncidentRules.SourceQuestion, i.Source))),
                new XElement(a + "summary", new XAttribute("type", "text"), i.Summary))));
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CheckCharacters = true };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Save(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The site's own scheme and host (after forwarded headers), for absolute links in the feed and API.</summary>
    public static string BaseUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"{context.Request.Scheme}://{context.Request.Host.Value}{context.Request.PathBase.Value}";
    }

    private static OptionRefDto Option(Questionnaire questionnaire, string question, string id) => new(id, IncidentRules.Label(questionnaire, question, id));

    private static string Rfc3339(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
