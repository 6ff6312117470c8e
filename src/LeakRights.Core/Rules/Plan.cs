using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LeakRights.Core.Answers;
using LeakRights.Core.Cases;
using LeakRights.Core.Content;

namespace LeakRights.Core.Rules;

/// <summary>
/// A personal action plan: everything the rules concluded from one answer set, decided once by <see cref="PlanBuilder"/>.
/// The web page, the API, the PDF with its letters and the calendar only format this; none of them decides anything.
/// </summary>
public sealed record Plan(
    DateTimeOffset GeneratedAt,
    DateOnly Today,
    AnswerSet Answers,
    IReadOnlyList<PlanSituationItem> Situation,
    IReadOnlyList<PlanTodo> FirstThings,
    IReadOnlyList<PlanUrgent> Urgent,
    IReadOnlyList<PlanPath> Paths,
    IReadOnlyList<Authority> Authorities,
    IReadOnlyList<PlanCitation> Citations,
    IReadOnlyList<PlanEvidenceItem> EvidenceChecklist,
    IReadOnlyList<PlanDeadline> Deadlines,
    IReadOnlyList<PlanFlag> Flags,
    IReadOnlyList<PlanLetter> Letters,
    IReadOnlyList<PlanCalendarEvent> Calendar,
    DerivedFacts Facts,
    DateOnly? TextsAsOf)
{
    /// <summary>
    /// The published incident the check was started from (its <c>incident</c> answer), when it is still published; the
    /// letters name it and the public-interest step offers the referral letter for it. Null for any other plan.
    /// </summary>
    public Incidents.Incident? Incident { get; init; }

    /// <summary>The case's contact log, oldest first, as the plan reads it (empty for a plan without a case).</summary>
    public IReadOnlyList<PlanLogEntry> Log { get; init; } = [];

    /// <summary>Every step of the plan, in the plan's order.</summary>
    public IEnumerable<PlanStep> Steps => Paths.SelectMany(p => p.Steps);

    public Authority Authority(AuthorityId id) => Authorities.First(a => a.Id == id);

    public PlanCitation Citation(CitationRef reference) => Citations.First(c => c.Ref == reference);
}

/// <summary>One answer the plan relies on, as the person gave it (labels of the options, months as 2026年10月).</summary>
public sealed record PlanSituationItem(string QuestionId, string Question, string Answer);

/// <summary>One line of "先做这几件事": an urgent action or the first step of a recommended path, with its date if it has one.</summary>
public sealed record PlanTodo(string Title, string Anchor, PlanDue? Due);

public sealed record PlanUrgent(string Key, string Title, string Text, IReadOnlyList<AuthorityId> Authorities, IReadOnlyList<CitationRef> Citations);

public sealed record PlanPath(string Id, string Title, bool Recommended, int Priority, string Why, IReadOnlyList<PlanStep> Steps, IReadOnlyList<AuthorityId> Authorities);

/// <summary>A step; <see cref="Deadline"/> is the deadline that runs from it (rules.json <c>deadlines[].step</c>), if any.</summary>
public sealed record PlanStep(string Key, string Title, string Text, IReadOnlyList<CitationRef> Citations, PlanDeadline? Deadline = null)
{
    /// <summary>Legal words this step uses for the first time in the plan, with their plain explanation (seeds/glossary.json).</summary>
    public IReadOnlyList<GlossaryTerm> Terms { get; init; } = [];

    /// <summary>Where the case's contact log stands on this step; <see cref="StepProgress.None"/> without a case.</summary>
    public StepProgress Progress { get; init; } = StepProgress.None;
}

/// <summary>Where a step stands in the case's contact log.</summary>
public enum StepState
{
    /// <summary>Not marked done.</summary>
    Open,

    /// <summary>Done; no reply yet and its deadline (if any) not passed.</summary>
    Waiting,

    /// <summary>Done; its deadline passed without a recorded reply.</summary>
    Overdue,

    /// <summary>A reply was recorded.</summary>
    Replied,
}

/// <summary>
/// A step's progress: the entry that first marked it done, the latest reply, and the replies the step can receive
/// (seeds/progress.json) for the "对方答复了" form.
/// </summary>
public sealed record StepProgress(StepState State, PlanLogEntry? Done, PlanLogEntry? Reply, IReadOnlyList<ProgressOption> Replies)
{
    public static readonly StepProgress None = new(StepState.Open, null, null, []);

    /// <summary>The step's own words for "done" in its form (我已经递交了复议申请), when seeds/progress.json gives them.</summary>
    public string? DoneLabel { get; init; }

    /// <summary>The step's own label for the reference field (受案回执编号…), when seeds/progress.json gives one.</summary>
    public string? ReferenceLabel { get; init; }
}

/// <summary>One entry of the contact log with what people read: the step's title, the channel's and the reply's labels.</summary>
public sealed record PlanLogEntry(ProgressEntry Entry, string StepTitle, string? ChannelLabel, string? ReplyLabel)
{
    public string OnDisplay => ChineseDates.Format(Entry.On);
}

/// <summary>A cited article with its current verbatim text. <see cref="AsOf"/> is the date the text was last checked or edited.</summary>
public sealed record PlanCitation(CitationRef Ref, string Law, string Article, string Text, int Revision, DateOnly Effective, DateOnly AsOf);

public sealed record PlanEvidenceItem(string Key, string Text, bool Have);

public enum DatePrecision
{
    Day,

    /// <summary>Only the month is known (counted from a month the person gave); <see cref="PlanDue.Date"/> is its first day.</summary>
    Month,
}

/// <summary>How the start of a deadline's clock was dated.</summary>
public enum DueBasis
{
    /// <summary>From a month the person gave.</summary>
    Answer,

    /// <summary>As if the person does it today (they have not yet).</summary>
    IfStartedToday,

    /// <summary>As if the person acts when another deadline of the plan runs out.</summary>
    AfterDeadline,

    /// <summary>From a date recorded in the case's contact log (the request really sent on …).</summary>
    Recorded,
}

/// <summary>
/// A computed due date. <see cref="Date"/> is the last day (for a month, its first day: the safe reading); <see cref="Display"/>
/// is how people read it; <see cref="Text"/> is the full line (如果今天发出要求，答复期限为 …); <see cref="Estimated"/> when the
/// count passed through a year the holiday calendar does not cover, explained by <see cref="Note"/>.
/// </summary>
public sealed record PlanDue(DateOnly Date, DatePrecision Precision, DueBasis Basis, string FromEvent, bool Estimated, string Display, string Text, string? Note)
{
    /// <summary>ISO form for the API: 2026-12-13, or 2029-10 for a month.</summary>
    public string Iso => Precision == DatePrecision.Month
        ? Date.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A deadline with its computed <see cref="Due"/> date; null when it has no clock or its start is not known.</summary>
public sealed record PlanDeadline(string Key, PlanDue? Due, string Title, string Text, IReadOnlyList<CitationRef> Citations, string? Step)
{
    /// <summary>Why there is no date, and what would tell it (诉讼时效从您知道是谁泄露之日起算…); null when there is a date or no clock.</summary>
    public string? NoDate { get; init; }

    /// <summary>Counted from a date in the contact log, passed, and no reply recorded for its step.</summary>
    public bool Overdue { get; init; }

    /// <summary>Its step has received a reply: the deadline no longer matters (it leaves the calendar).</summary>
    public bool Settled { get; init; }

    /// <summary>The v1 API's <c>date</c>: the month (YYYY-MM) of a month-precision due date, else null (see docs/api.md).</summary>
    public string? Date => Due is { Precision: DatePrecision.Month } d ? d.Iso : null;
}

public sealed record PlanFlag(string Id, string Label, string Explain, IReadOnlyList<CitationRef> Citations);

/// <summary>A piece of a letter line: text, or a blank the person fills in by hand (the value was not given).</summary>
public sealed record LetterSegment(string Text, bool Blank);

/// <summary>One line (paragraph) of a letter.</summary>
public sealed record LetterLine(IReadOnlyList<LetterSegment> Segments)
{
    public string Text => string.Concat(Segments.Select(s => s.Text));

    public bool HasBlanks => Segments.Any(s => s.Blank);
}

/// <summary>A filled letter: every value the person gave is in, every other one is a visible blank.</summary>
public sealed record PlanLetter(string Id, string ForStep, LetterLine Title, IReadOnlyList<LetterLine> Paragraphs, IReadOnlyList<LetterLine> Closing, IReadOnlyList<LetterLine> Signature)
{
    /// <summary>The articles the letter names itself (its 'cites' bindings), in order; their verbatim text is in the plan's citations.</summary>
    public IReadOnlyList<CitationRef> Citations { get; init; } = [];
}

/// <summary>A calendar reminder for a due date: no names, organisations or answers, only the deadline's own wording.</summary>
public sealed record PlanCalendarEvent(string Uid, DateOnly Date, string Title, string Description, int RemindDaysBefore)
{
    /// <summary>The step the deadline runs from, if any (a case's calendar may add what was recorded for it, when the person opts in).</summary>
    public string? Step { get; init; }

    /// <summary>Counted from a date in the contact log and passed without a reply.</summary>
    public bool Overdue { get; init; }
}

/// <summary>
/// Where the rules service reads the current statute texts and authority details (the database snapshot in the app, the
/// seed files in tests). An article comes with its law, as the one Core <see cref="Law"/>/<see cref="Article"/> shape.
/// </summary>
public interface IContentCatalog
{
    bool TryFindArticle(CitationRef reference, [NotNullWhen(true)] out Law? law, [NotNullWhen(true)] out Article? article);

    Authority? FindAuthority(AuthorityId id);
}

/// <summary>The content does not hold what the rules need (an article they cite, an authority they name): never silently left out.</summary>
public sealed class MissingContentException(string message) : Exception(message);
