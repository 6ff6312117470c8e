using LeakRights.Core.Content;
using LeakRights.Core.Rules;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Html;

namespace LeakRights.Web.Pages.Plan;

/// <summary>
/// What the plan's body partials (_PlanTop, _PlanRest) show, for the plan link's page and the case page alike: the plan
/// itself, where its downloads live (<see cref="BasePath"/>: <c>/plan/{token}</c> or <c>/case/{id}/{secret}</c>) and, on the
/// case page, the contact-log forms (<see cref="Case"/>). It only formats the plan; nothing is decided here.
/// </summary>
public sealed class PlanBodyView(LeakRights.Core.Rules.Plan plan, string basePath, ContentSnapshot content, CitationMarkup citations, DownloadForm download)
{
    public LeakRights.Core.Rules.Plan Plan { get; } = plan;

    public string BasePath { get; } = basePath;

    public DownloadForm Download { get; } = download;

    /// <summary>The case page's progress forms, or null on a plain plan link.</summary>
    public CaseProgressView? Case { get; init; }

    /// <summary>The single most urgent action (issue 12: the first phone screen), or null for a plan with nothing to do.</summary>
    public PlanTodo? First => Plan.FirstThings.Count > 0 ? Plan.FirstThings[0] : null;

    /// <summary>The urgent action <see cref="First"/> points at, when it is one (its hotlines go on the first screen).</summary>
    public PlanUrgent? FirstUrgent => First is null ? null : Plan.Urgent.FirstOrDefault(u => "urgent-" + u.Key == First.Anchor);

    /// <summary>The step <see cref="First"/> points at, when it is one.</summary>
    public PlanStep? FirstStep => First is null ? null : Plan.Steps.FirstOrDefault(s => "step-" + s.Key == First.Anchor);

    /// <summary>"接下来按顺序做": at most five of the plan's ordered first things after the first.</summary>
    public IReadOnlyList<PlanTodo> Next => [.. Plan.FirstThings.Skip(1).Take(5)];

    /// <summary>The urgent actions not already shown as the first action.</summary>
    public IReadOnlyList<PlanUrgent> OtherUrgent => [.. Plan.Urgent.Where(u => u != FirstUrgent)];

    /// <summary>The authorities of an urgent action that have a hotline to tap.</summary>
    public IReadOnlyList<Authority> Hotlines(PlanUrgent urgent) => [.. urgent.Authorities.Select(Plan.Authority).Where(a => a.Hotline is not null)];

    /// <summary>The collapsed "法律依据" group of a step or flag, each article verbatim (markup cached per content snapshot).</summary>
    public IHtmlContent Cites(IEnumerable<CitationRef> references) => citations.Group(content, Of(references));

    /// <summary>The cited articles one after another, without the group.</summary>
    public IHtmlContent CiteItems(IEnumerable<CitationRef> references) => citations.Items(content, Of(references));

    /// <summary>The printed appendix: every cited article in full, in order of first use.</summary>
    public IHtmlContent Appendix() => citations.Appendix(content, Plan.Citations);

    private List<PlanCitation> Of(IEnumerable<CitationRef> references) => [.. references.Select(Plan.Citation)];
}

/// <summary>The case page's contact-log forms: the channels, today's date (the forms' default), and a form shown again after a mistake.</summary>
public sealed record CaseProgressView(IReadOnlyList<ProgressOption> Channels, DateOnly Today, int Version)
{
    /// <summary>The step whose form is shown open again with <see cref="Values"/> and <see cref="Errors"/> (nothing is lost).</summary>
    public string? OpenStep { get; init; }

    public string? OpenKind { get; init; }

    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>A message about the whole form (another device saved first).</summary>
    public string? Notice { get; init; }

    public string TodayIso => Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string Value(string step, string kind, string field) =>
        OpenStep == step && OpenKind == kind && Values.TryGetValue(field, out var v) ? v : field == "on" ? TodayIso : string.Empty;

    public string? Error(string step, string kind, string field) => OpenStep == step && OpenKind == kind ? Errors.GetValueOrDefault(field) : null;
}
