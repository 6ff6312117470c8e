using System.Text.Json.Nodes;
using LeakRights.Core.Content;
using LeakRights.Core.Rules;
using LeakRights.Web.Data;

namespace LeakRights.Web.Api;

// The JSON shapes of shared/spec/api.md. Ids are a contract; see docs/api.md.

public sealed record QuestionnaireResponse(int Version, IReadOnlyList<StepDto> Steps, IReadOnlyList<QuestionDto> Questions);

public sealed record StepDto(string Id, string Title, IReadOnlyList<string> Questions);

public sealed record QuestionDto(
    string Id,
    string Type,
    string Label,
    string? Hint,
    bool Required,
    IReadOnlyList<OptionDto> Options,
    JsonObject? ShowIf,
    decimal? Min,
    decimal? Max,
    string? Unit,
    int? MaxLength,
    bool LetterOnly)
{
    /// <summary>Carried by the answers but never asked on a step (the <c>incident</c> a check was started from; additive, issue 16).</summary>
    public bool Hidden { get; init; }
}

public sealed record OptionDto(string Id, string Label, bool Exclusive);

public sealed record PlanResponse(
    DateTimeOffset GeneratedAt,
    IReadOnlyList<UrgentDto> Urgent,
    IReadOnlyList<PathDto> Paths,
    IReadOnlyList<AuthorityDto> Authorities,
    CitationList Citations,
    IReadOnlyList<EvidenceDto> EvidenceChecklist,
    IReadOnlyList<DeadlineDto> Deadlines,
    IReadOnlyList<string> Flags,
    IReadOnlyList<TodoDto> FirstThings,
    IReadOnlyList<LetterDto> Letters)
{
    /// <summary>The published incident the answers name (<c>incident</c>), when it is published; null otherwise (additive, issue 16).</summary>
    public PlanIncidentDto? Incident { get; init; }
}

/// <summary>The incident a plan was made for: its slug (see <c>GET /api/v1/incidents/{slug}</c>), organisation and the day it became public.</summary>
public sealed record PlanIncidentDto(string Slug, string Organisation, string BecamePublicOn);

public sealed record UrgentDto(string Key, string Title, string Text, IReadOnlyList<string> Authorities, IReadOnlyList<string> Citations);

/// <summary>A remedy path. The array stays in the v1 contract's priority order; <see cref="Order"/> is the plan's order for this person (1 = first).</summary>
public sealed record PathDto(string Id, string Title, bool Recommended, int Priority, string Why, IReadOnlyList<StepItemDto> Steps, IReadOnlyList<string> Authorities, int Order);

public sealed record StepItemDto(string Key, string Title, string Text, IReadOnlyList<string> Citations, string? Deadline, DueDto? Due)
{
    /// <summary>Legal words this step uses first in the plan, with their plain explanation (additive).</summary>
    public IReadOnlyList<TermDto> Terms { get; init; } = [];
}

public sealed record TermDto(string Term, string Explanation);

public sealed record AuthorityDto(string Id, string Name, string? Hotline, string? Website, string Handles, string HowTo, string Status, string StatusNote);

public sealed record CitationDto(string Ref, string Law, string Article, string Text, int Revision, string Effective);

public sealed record EvidenceDto(string Key, string Text, bool Have);

/// <summary><c>date</c> keeps its v1 meaning (YYYY-MM of a month-precision date, else null); <c>due</c> is the full computed date.</summary>
public sealed record DeadlineDto(string Key, string? Date, string Title, string Text, IReadOnlyList<string> Citations, DueDto? Due, string? Step, string? NoDate);

/// <summary>A computed due date: <c>date</c> is YYYY-MM-DD (precision day) or YYYY-MM (precision month).</summary>
public sealed record DueDto(string Date, string Precision, string Basis, string From, bool Estimated, string Text);

public sealed record TodoDto(string Title, string Anchor, DueDto? Due);

/// <summary>A filled letter; a detail the person did not give is printed as the blank (＿＿＿＿＿＿).</summary>
public sealed record LetterDto(string Id, string ForStep, string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Closing, IReadOnlyList<string> Signature, bool HasBlanks, IReadOnlyList<string> Citations);

public sealed record LawDto(
    string Id,
    string Title,
    string ShortTitle,
    string? DocumentNumber,
    string Issuer,
    string? Adopted,
    string? Amended,
    string Effective,
    string Status,
    string? SupersededBy,
    string TextAsOf,
    IReadOnlyList<ArticleSummaryDto> Articles);

public sealed record ArticleSummaryDto(string Ref, string Number, string Label, int Revision, bool Repealed);

public sealed record ArticleDto(
    string Ref,
    string Law,
    string LawTitle,
    string Number,
    string Article,
    string Markdown,
    string Html,
    int Revision,
    string LastEdited,
    string Effective,
    bool Repealed);

internal static class ApiMapping
{
    public static QuestionnaireResponse ToResponse(Questionnaire q) => new(
        1,
        q.Steps.Select(s => new StepDto(s.Id, s.Title, s.QuestionIds)).ToList(),
        q.Questions.Select(x => new QuestionDto(
            x.Id,
            x.Type.ToSeedName(),
            x.Label,
            x.Hint,
            x.Required,
            x.Options.Select(o => new OptionDto(o.Id, o.Label, o.Exclusive)).ToList(),
            x.ShowIf is null ? null : ToJson(x.ShowIf),
            x.Min,
            x.Max,
            x.Unit,
            x.MaxLength,
            x.LetterOnly)
        {
            Hidden = x.Hidden,
        }).ToList());

    /// <summary>Writes a condition back in the grammar of seeds/ (docs/rules-format.md), so other UIs can evaluate show-if.</summary>
    public static JsonObject ToJson(Condition c) => c switch
    {
        AllOfCondition all => new JsonObject { ["allOf"] = new JsonArray(all.Conditions.Select(x => (JsonNode)ToJson(x)).ToArray()) },
        AnyOfCondition any => new JsonObject { ["anyOf"] = new JsonArray(any.Conditions.Select(x => (JsonNode)ToJson(x)).ToArray()) },
        NoneOfCondition none => new JsonObject { ["noneOf"] = new JsonArray(none.Conditions.Select(x => (JsonNode)ToJson(x)).ToArray()) },
        FactCondition f => new JsonObject { ["fact"] = f.Fact },
        PathRecommendedCondition p => new JsonObject { ["pathRecommended"] = p.Path },
        QuestionCondition q => new JsonObject
        {
            ["question"] = q.Question,
            ["op"] = q.Operator.ToSeedName(),
            ["value"] = q.Operator switch
            {
                ConditionOperator.Eq => JsonValue.Create(q.Values[0]),
                ConditionOperator.Gte or ConditionOperator.Lte => JsonValue.Create(q.Number),
                ConditionOperator.Answered => JsonValue.Create(true),
                _ => new JsonArray(q.Values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
            },
        },
        _ => [],
    };

    public static PlanResponse ToResponse(Plan p, ContentSnapshot content) => new(
        p.GeneratedAt,
        p.Urgent.Select(u => new UrgentDto(u.Key, u.Title, u.Text, Ids(u.Authorities), Refs(u.Citations))).ToList(),
        p.Paths.Select((x, i) => new PathDto(x.Id, x.Title, x.Recommended, x.Priority, x.Why, x.Steps.Select(s => new StepItemDto(s.Key, s.Title, s.Text, Refs(s.Citations), s.Deadline?.Key, Due(s.Deadline?.Due)) { Terms = [.. s.Terms.Select(t => new TermDto(t.Term, t.Explanation))] }).ToList(), Ids(x.Authorities), i + 1)).OrderBy(x => x.Priority).ToList(),
        p.Authorities.Select(a => new AuthorityDto(a.Id.Value, a.Name, a.Hotline, a.Website, a.Handles, a.HowTo, a.Status.ToName(), a.StatusNote)).ToList(),
        ApiJson.Citations(content, p.Citations),
        p.EvidenceChecklist.Select(e => new EvidenceDto(e.Key, e.Text, e.Have)).ToList(),
        p.Deadlines.Select(d => new DeadlineDto(d.Key, d.Date, d.Title, d.Text, Refs(d.Citations), Due(d.Due), d.Step, d.NoDate)).ToList(),
        p.Flags.Select(f => f.Id).ToList(),
        p.FirstThings.Select(t => new TodoDto(t.Title, t.Anchor, Due(t.Due))).ToList(),
        p.Letters.Select(l => new LetterDto(l.Id, l.ForStep, l.Title.Text, Lines(l.Paragraphs), Lines(l.Closing), Lines(l.Signature), l.Paragraphs.Concat(l.Closing).Concat(l.Signature).Append(l.Title).Any(x => x.HasBlanks), [.. l.Citations.Select(c => c.ToString())])).ToList())
    {
        Incident = p.Incident is { } i ? new PlanIncidentDto(i.Slug, i.Organisation, ContentRules.FormatDate(i.BecamePublicOn)) : null,
    };

    private static DueDto? Due(PlanDue? d) => d is null ? null : new(
        d.Iso,
        d.Precision == DatePrecision.Month ? "month" : "day",
        d.Basis switch { DueBasis.Answer => "answer", DueBasis.AfterDeadline => "after-deadline", _ => "if-started-today" },
        d.FromEvent,
        d.Estimated,
        d.Text);

    private static List<string> Lines(IEnumerable<LetterLine> lines) => lines.Select(l => l.Text).ToList();

    private static List<string> Ids(IEnumerable<AuthorityId> ids) => ids.Select(i => i.Value).ToList();

    private static List<string> Refs(IEnumerable<CitationRef> refs) => refs.Select(r => r.ToString()).ToList();

    public static LawDto ToDto(Law l) => new(
        l.Id,
        l.Title,
        l.ShortTitle,
        l.DocumentNumber,
        l.Issuer,
        Date(l.Adopted),
        Date(l.Amended),
        ContentRules.FormatDate(l.Effective),
        l.Status.ToName(),
        l.SupersededBy,
        ContentRules.FormatDate(l.TextAsOf),
        l.Articles.Select(a => new ArticleSummaryDto(l.Ref(a).ToString(), a.Number, a.Label, a.Revision, a.Repealed)).ToList());

    public static ArticleDto ToDto(Law l, Article a, string html) => new(
        l.Ref(a).ToString(),
        l.Id,
        l.Title,
        a.Number,
        a.Label,
        a.Text,
        html,
        a.Revision,
        ContentRules.FormatDate(a.TextAsOf),
        ContentRules.FormatDate(a.Effective),
        a.Repealed);

    private static string? Date(DateOnly? date) => date is { } d ? ContentRules.FormatDate(d) : null;
}
