namespace LeakRights.Core.Content;

/// <summary>A prefilled letter of the PDF plan (<c>seeds/letters.json</c>), included when the plan has <see cref="ForStep"/>.</summary>
public sealed record LetterTemplate(
    string Id,
    string ForStep,
    TextTemplate Title,
    IReadOnlyList<LetterParagraph> Paragraphs,
    IReadOnlyList<TextTemplate> Closing,
    IReadOnlyList<TextTemplate> Signature)
{
    /// <summary>When set, the letter is in the plan only if this holds too (besides its step being in the plan).</summary>
    public Condition? When { get; init; }

    /// <summary>Every template of the letter, for checks of its placeholders.</summary>
    public IEnumerable<TextTemplate> Templates => Paragraphs.Select(p => p.Text).Concat(Closing).Concat(Signature).Append(Title);
}

/// <summary>A paragraph of a letter, printed only when <see cref="When"/> holds (the closed condition grammar of rules.json).</summary>
public sealed record LetterParagraph(TextTemplate Text, Condition? When = null);

/// <summary>The values of the plan a letter placeholder can be bound to (the closed vocabulary of <c>"plan"</c> bindings).</summary>
public enum LetterPlanValue
{
    /// <summary>The date the plan was made, 2026年11月28日.</summary>
    Date,

    /// <summary>The name of the first authority of the path that has the letter's step.</summary>
    FirstAuthority,
}

/// <summary>
/// Where one letter placeholder's value comes from: an answer (<see cref="Question"/>, shown as the person gave it, or in the
/// letter's own words per option, <see cref="Labels"/>), a value of the plan, or a fixed list of citations
/// (<see cref="Cites"/>); <see cref="Wrap"/> (with <c>{value}</c>) surrounds a value that is there.
/// </summary>
public sealed record LetterBinding(string Placeholder, string? Question, LetterPlanValue? PlanValue, TextTemplate? Wrap)
{
    /// <summary>The articles this placeholder names, as 《法》第…条、第…条 (validated against seeds/statutes like rule citations).</summary>
    public IReadOnlyList<string> Cites { get; init; } = [];

    /// <summary>
    /// The letter's wording per option of a choice question (or per authority id for the plan's first authority, e.g. the
    /// addressee "中国人民银行＿＿分行" rather than a hotline's name); an option mapped to the empty string (or left out when the map is
    /// set) is not stated, so the letter never prints a label as a fact the person did not give (e.g. "其他").
    /// </summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>When the value is missing, print nothing instead of the blank (e.g. a loss amount that was not given).</summary>
    public bool OmitWhenMissing { get; init; }

    /// <summary>A value of the check's published incident (issue 16): its organisation, dates, sources or status.</summary>
    public LetterIncidentField? Incident { get; init; }

    /// <summary>A value of the case's contact log (issue 13): the date, channel or reference of a step done, or its reply.</summary>
    public LetterProgressValue? Progress { get; init; }
}

/// <summary>
/// What an <c>"incident"</c> binding reads from the published incident the check was started from (the registry's words,
/// never the person's): without an incident the value is missing, like an answer not given.
/// </summary>
public enum LetterIncidentField
{
    /// <summary>The organisation as the registry names it.</summary>
    Organisation,

    /// <summary>The day it became public (2026年11月3日).</summary>
    BecamePublicOn,

    /// <summary>The day it happened, when the registry knows it.</summary>
    OccurredOn,

    /// <summary>The published sources: 《title》（2026年11月3日）, joined by 、.</summary>
    Sources,

    /// <summary>The status, in the binding's own words per status id (<see cref="Incidents.IncidentLetterValues.StatusIds"/>).</summary>
    Status,
}

/// <summary>What a <c>"progress"</c> binding reads from the contact log, about the first of its steps that was done.</summary>
public enum LetterProgressField
{
    /// <summary>The day it was first done (2026年11月28日).</summary>
    DoneOn,

    /// <summary>The channel it was done by (its label, 邮寄/EMS).</summary>
    Channel,

    /// <summary>The reference recorded with it (EMS number, 工单号, 受案回执 number).</summary>
    Reference,

    /// <summary>The day of the latest reply to these steps.</summary>
    ReplyOn,

    /// <summary>The latest reply (its label, or the binding's label for it).</summary>
    Reply,

    /// <summary>The due date of the deadline attached to the step that was done.</summary>
    Due,
}

/// <summary>
/// A <c>"progress": {"steps": […], "value": "done-on"}</c> binding; <see cref="Replies"/> (optional) counts only replies of
/// these ids for <c>reply</c> and <c>reply-on</c> (the day the 不予立案通知书 was received, not of a later reply).
/// </summary>
public sealed record LetterProgressValue(IReadOnlyList<string> Steps, LetterProgressField Field)
{
    public IReadOnlyList<string> Replies { get; init; } = [];
}

/// <summary>The letters, their placeholder bindings and the blank printed where a value is missing (＿＿＿＿＿＿).</summary>
public sealed record LetterSet(string Blank, IReadOnlyList<LetterTemplate> Letters, IReadOnlyDictionary<string, LetterBinding> Bindings);
