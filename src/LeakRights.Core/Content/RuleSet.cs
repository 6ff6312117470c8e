namespace LeakRights.Core.Content;

// The compiled rules of seeds/rules.json. Positional members come from rules.json; the wording (TextTemplate properties)
// is attached from seeds/texts.json by RuleCompiler when the content is loaded, so every rule carries its own resolved
// texts and a missing text fails at load, never at request time. Text keys are built only in RuleCompiler.

/// <summary>A derived fact that holds when its condition holds (for example organisation-known, sensitive).</summary>
public sealed record FactRule(string Id, Condition When, bool Flag, IReadOnlyList<string> Cites);

public sealed record ThresholdTier(IReadOnlyList<string> DataTypes, int Threshold);

/// <summary>A range of counts that one option of the scale question stands for; <see cref="Max"/> null means unbounded.</summary>
public sealed record ScaleRange(int Min, int? Max);

/// <summary>
/// The count thresholds of the 2017 judicial interpretation (Art. 5 para 1): the most sensitive leaked type sets the threshold,
/// which is multiplied by <see cref="ReducedFactor"/> when <see cref="ReducedWhen"/> holds (insiders, item 8).
/// </summary>
public sealed record CriminalThresholdRule(
    string DataQuestion,
    IReadOnlyList<ThresholdTier> Tiers,
    int DefaultThreshold,
    Condition? ReducedWhen,
    decimal ReducedFactor,
    string ScaleQuestion,
    IReadOnlyDictionary<string, ScaleRange> ScaleRanges,
    string LikelyFlag,
    string PossiblyFlag,
    IReadOnlyList<string> Cites);

/// <summary>
/// The limitation flags: <see cref="NearFlag"/> when the due date of deadline <see cref="Deadline"/> is less than
/// <see cref="NearMonths"/> months away, <see cref="PassedFlag"/> when it has passed (Civil Code Art. 188). When that
/// deadline has no date, the optional <see cref="EarliestDeadline"/>'s date — the earliest the period can end (from the month
/// the person knew, leaving out an interruption whose date they did not give: one only ever moves the end later) — can
/// raise the near flag (near or past), never the passed one.
/// </summary>
public sealed record LimitationRule(string Deadline, int NearMonths, string NearFlag, string PassedFlag, IReadOnlyList<string> Cites, string? EarliestDeadline = null);

/// <summary>A flag the plan can raise, with its wording: a flagged fact, a criminal-threshold flag or a limitation flag.</summary>
public sealed record FlagRule(string Id, IReadOnlyList<string> Cites)
{
    public TextTemplate Label { get; init; } = TextTemplate.Empty;

    public TextTemplate Explain { get; init; } = TextTemplate.Empty;
}

public sealed record UrgentRule(string Key, Condition When, IReadOnlyList<string> Authorities, IReadOnlyList<string> Cites)
{
    public TextTemplate Title { get; init; } = TextTemplate.Empty;

    public TextTemplate Text { get; init; } = TextTemplate.Empty;
}

/// <summary>An extra paragraph of a step, with its own citations, shown only when its condition holds.</summary>
public sealed record StepAddition(string TextKey, Condition When, IReadOnlyList<string> Cites)
{
    public TextTemplate Text { get; init; } = TextTemplate.Empty;
}

public sealed record StepRule(string Key, Condition? When, IReadOnlyList<string> Cites, IReadOnlyList<string> Authorities, IReadOnlyList<StepAddition> Additions)
{
    public TextTemplate Title { get; init; } = TextTemplate.Empty;

    public TextTemplate Text { get; init; } = TextTemplate.Empty;
}

public sealed record AuthorityRule(Condition? When, IReadOnlyList<string> Authorities);

public sealed record PathRule(string Id, int Priority, Condition? RecommendedWhen, IReadOnlyList<StepRule> Steps, IReadOnlyList<AuthorityRule> Authorities)
{
    public TextTemplate Title { get; init; } = TextTemplate.Empty;

    public TextTemplate WhyRecommended { get; init; } = TextTemplate.Empty;

    public TextTemplate WhyNotRecommended { get; init; } = TextTemplate.Empty;

    /// <summary>
    /// When this holds (and the path is recommended), the path comes first in the plan, before the others' fixed priority:
    /// what matters for this case first (danger and money: the police route).
    /// </summary>
    public Condition? LeadWhen { get; init; }
}

public sealed record EvidenceRule(string Key, Condition? When, Condition? HaveWhen)
{
    public TextTemplate Text { get; init; } = TextTemplate.Empty;
}

/// <summary>The units a deadline can be counted in (the closed clock vocabulary of rules.json's <c>due</c>).</summary>
public enum ClockUnit
{
    Days,
    WorkingDays,
    Months,
    Years,
}

/// <summary>How a start event gets its date when the plan is made: from a month answer, today, or when another deadline ends.</summary>
public enum EventSource
{
    /// <summary>The month the person gave in answer to a month question (month precision).</summary>
    Answer,

    /// <summary>Something the person is about to do: the plan counts as if they do it today.</summary>
    Today,

    /// <summary>Something the person does once another deadline has run out (for example complain when the organisation has not replied).</summary>
    AfterDeadline,

    /// <summary>Known only from the case's contact log (a reply received): without an entry the deadline has no date.</summary>
    Recorded,
}

/// <summary>
/// A start event of a deadline (rules.json <c>events</c>). <see cref="Question"/> is set for <see cref="EventSource.Answer"/>,
/// <see cref="AfterDeadline"/> for <see cref="EventSource.AfterDeadline"/> (which falls back to today when that deadline is not in the plan).
/// </summary>
public sealed record EventRule(string Id, EventSource Source, string? Question, string? AfterDeadline)
{
    /// <summary>
    /// For an answer event: the month questions it is read from; the latest month answered counts (a limitation period
    /// restarts with each demand, complaint or report). By default just <see cref="Question"/>.
    /// </summary>
    public IReadOnlyList<string> Questions { get; init; } = Question is null ? [] : [Question];

    /// <summary>For an answer event: the answers count only when this holds (for example: the person knows who the infringer is).</summary>
    public Condition? When { get; init; }

    /// <summary>How the plan words the assumption behind a date counted from this event (如今天发出…); empty for answers.</summary>
    public TextTemplate Assumed { get; init; } = TextTemplate.Empty;

    /// <summary>Used instead of <see cref="Assumed"/> when an after-deadline event falls back to today.</summary>
    public TextTemplate AssumedToday { get; init; } = TextTemplate.Empty;

    /// <summary>
    /// The contact-log entries that date this event (issue 13): the earliest entry of these steps in these states (<c>done</c>
    /// or replies). When there is one, the event happened that day, whatever <see cref="Source"/> would assume.
    /// </summary>
    public ProgressCondition? Recorded { get; init; }

    /// <summary>How the plan words a date counted from a recorded entry ({recorded-date}: 您于2026年11月28日发出要求).</summary>
    public TextTemplate RecordedText { get; init; } = TextTemplate.Empty;
}

/// <summary>A deadline's clock: <see cref="Amount"/> <see cref="Unit"/> after event <see cref="From"/>.</summary>
public sealed record DueRule(int Amount, ClockUnit Unit, string From);

/// <summary>
/// A deadline of the plan. With <see cref="Due"/> the plan computes its date; <see cref="Step"/> attaches it to a step; when its
/// event has no date (an unanswered month) it is left out if <see cref="OmitWithoutDate"/>, else shown without a date.
/// </summary>
public sealed record DeadlineRule(string Key, Condition? When, DueRule? Due, string? Step, bool OmitWithoutDate, int RemindDaysBefore, IReadOnlyList<string> Cites)
{
    public TextTemplate Title { get; init; } = TextTemplate.Empty;

    public TextTemplate Text { get; init; } = TextTemplate.Empty;

    /// <summary>The line with the computed date ({due-date}, {assumption}); empty when the deadline has no clock.</summary>
    public TextTemplate DueText { get; init; } = TextTemplate.Empty;

    /// <summary>Shown instead of a date when its answer event has no date: why it cannot be computed and what would tell.</summary>
    public TextTemplate NoDateText { get; init; } = TextTemplate.Empty;
}

/// <summary>A legal word and its explanation in plain words for a worried non-lawyer.</summary>
public sealed record GlossaryTerm(string Term, string Explanation);

/// <summary>Wording used by the plan outside any single rule.</summary>
public sealed record CommonTexts(
    string OrganisationDefault,
    TextTemplate EstimatedNote);

public sealed record RuleSet(
    IReadOnlyList<FactRule> Facts,
    CriminalThresholdRule CriminalThreshold,
    LimitationRule Limitation,
    IReadOnlyList<UrgentRule> Urgent,
    IReadOnlyList<PathRule> Paths,
    IReadOnlyList<EvidenceRule> Evidence,
    IReadOnlyList<EventRule> Events,
    IReadOnlyList<DeadlineRule> Deadlines)
{
    /// <summary>Every flag the rules can raise with its wording, in a stable order (filled by <see cref="RuleCompiler"/>).</summary>
    public IReadOnlyList<FlagRule> Flags { get; init; } = [];

    public CommonTexts Common { get; init; } = new(string.Empty, TextTemplate.Empty);

    public HolidayCalendar Holidays { get; init; } = HolidayCalendar.None;

    /// <summary>Legal words the steps use, each with a plain explanation shown on its first use in a plan (seeds/glossary.json).</summary>
    public IReadOnlyList<GlossaryTerm> Glossary { get; init; } = [];

    /// <summary>
    /// Every flag the rules can raise with its citations, before wording is attached: flagged facts, then the threshold and
    /// limitation flags. The one list of flags; <see cref="Flags"/> is this list with its wording.
    /// </summary>
    public IEnumerable<FlagRule> FlagSources() =>
        Facts.Where(f => f.Flag).Select(f => new FlagRule(f.Id, f.Cites))
            .Concat([
                new FlagRule(CriminalThreshold.LikelyFlag, CriminalThreshold.Cites),
                new FlagRule(CriminalThreshold.PossiblyFlag, CriminalThreshold.Cites),
                new FlagRule(Limitation.NearFlag, Limitation.Cites),
                new FlagRule(Limitation.PassedFlag, Limitation.Cites),
            ]);

    public EventRule? FindEvent(string id) => Events.FirstOrDefault(e => e.Id == id);

    public DeadlineRule? FindDeadline(string key) => Deadlines.FirstOrDefault(d => d.Key == key);
}
