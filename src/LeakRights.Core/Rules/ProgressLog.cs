using LeakRights.Core.Answers;
using LeakRights.Core.Cases;
using LeakRights.Core.Content;

namespace LeakRights.Core.Rules;

/// <summary>
/// The contact log of a case read for the plan (issue 13): for each step, the first time it was done and the latest reply;
/// which steps are waiting or overdue (their deadline, counted from the recorded date, has passed without a reply); the
/// dates of recorded events; and what the log means for the questionnaire's "您已经做了什么" (seeds/progress.json).
/// Used only by <see cref="PlanBuilder"/>.
/// </summary>
internal sealed class ProgressLog
{
    private readonly IReadOnlyList<ProgressEntry> _entries;
    private readonly ProgressCatalog _catalog;
    private readonly DateOnly _today;
    private readonly HashSet<string> _overdue = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);

    public ProgressLog(IReadOnlyList<ProgressEntry> entries, RuleSet rules, ProgressCatalog catalog, DateOnly today)
    {
        // Entries dated after today (a clock moved back, an import from another time zone) count from today.
        _entries = [.. entries.Select((e, i) => (e, i)).OrderBy(x => x.e.On).ThenBy(x => x.i).Select(x => x.e.On > today ? x.e with { On = today } : x.e)];
        _catalog = catalog;
        _today = today;

        foreach (var step in _entries.Select(e => e.Step).Distinct(StringComparer.Ordinal))
        {
            if (LatestReply(step) is { Reply: { } reply })
            {
                _tokens.Add(ProgressCondition.Token(step, reply));
            }

            if (FirstDone(step) is not { } done)
            {
                continue;
            }

            _tokens.Add(ProgressCondition.Token(step, "done"));
            if (HasReplySince(step, done.On))
            {
                continue;
            }

            // Waiting or overdue: the deadline of this step counted from an event this step's entry dates.
            var overdue = rules.Deadlines
                .Where(d => d.Step == step && d.Due is not null)
                .Select(d => (Rule: d, Event: rules.FindEvent(d.Due!.From)))
                .Where(x => x.Event?.Recorded is { } r && r.Steps.Contains(step) && r.States.Contains("done"))
                .Any(x => DeadlineClock.Add(done.On, x.Rule.Due!, rules.Holidays, out _) < today);
            _tokens.Add(ProgressCondition.Token(step, overdue ? "overdue" : "waiting"));
            if (overdue)
            {
                _overdue.Add(step);
            }
        }
    }

    public IReadOnlyList<ProgressEntry> Entries => _entries;

    /// <summary>The progress tokens the plan's conditions read (<see cref="ProgressCondition.Token"/>).</summary>
    public IReadOnlySet<string> Tokens => _tokens;

    public bool IsEmpty => _entries.Count == 0;

    public ProgressEntry? FirstDone(string step) => _entries.Count == 0 ? null : _entries.FirstOrDefault(e => e.Step == step && e.Kind == ProgressKind.Done);

    public ProgressEntry? FirstDone(IEnumerable<string> steps) =>
        _entries.FirstOrDefault(e => e.Kind == ProgressKind.Done && steps.Contains(e.Step, StringComparer.Ordinal));

    public ProgressEntry? LatestReply(string step) => _entries.Count == 0 ? null : _entries.LastOrDefault(e => e.Step == step && e.Kind == ProgressKind.Reply && e.Reply is not null);

    /// <summary>The latest reply to any of <paramref name="steps"/>; only of the ids in <paramref name="replies"/> when it is not empty.</summary>
    public ProgressEntry? LatestReply(IEnumerable<string> steps, IReadOnlyCollection<string>? replies = null) =>
        _entries.LastOrDefault(e => e.Kind == ProgressKind.Reply && e.Reply is not null && steps.Contains(e.Step, StringComparer.Ordinal)
            && (replies is null || replies.Count == 0 || replies.Contains(e.Reply, StringComparer.Ordinal)));

    public bool IsOverdue(string step) => _overdue.Contains(step);

    /// <summary>A reply has been recorded since the step was done (or at all, when it was never marked done).</summary>
    public bool HasReplySince(string step, DateOnly since) => _entries.Count > 0 && _entries.Any(e => e.Step == step && e.Kind == ProgressKind.Reply && e.On >= since);

    /// <summary>The date of the earliest entry matching <paramref name="recorded"/> (done entries for "done", replies for reply ids).</summary>
    public DateOnly? EventDate(ProgressCondition recorded) => Matching(recorded).Select(e => (DateOnly?)e.On).FirstOrDefault();

    /// <summary>
    /// Whether <paramref name="c"/> holds with its day windows: the entry that puts a step in the state (its first done entry,
    /// or its latest reply) is at most <c>withinDays</c> / more than <c>afterDays</c> days old.
    /// </summary>
    public bool Holds(ProgressCondition c)
    {
        foreach (var step in c.Steps)
        {
            foreach (var state in c.States.Where(s => _tokens.Contains(ProgressCondition.Token(step, s))))
            {
                var entry = ProgressCondition.StepStates.Contains(state) ? FirstDone(step) : LatestReply(step);
                if (entry is null)
                {
                    continue;
                }

                var age = _today.DayNumber - entry.On.DayNumber;
                if ((c.WithinDays is not { } within || age <= within) && (c.AfterDays is not { } after || age > after))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The answers as the log updates them: each answer rule that holds sets its questions (later rules win), and the
    /// latest claim (a demand, a report, a refusal to file learnt of) becomes the limitation's last-claim month when it is
    /// later than the one answered.
    /// </summary>
    public AnswerSet Apply(AnswerSet answers)
    {
        foreach (var rule in _catalog.Answers.Where(r => Holds(r.When)))
        {
            foreach (var (question, option) in rule.Set)
            {
                answers = answers.With(question, new ChoiceAnswer(option));
            }
        }

        if (_catalog.Claims is { } claims
            && claims.When.SelectMany(Matching).Where(e => e.Channel is null || !claims.NotByChannels.Contains(e.Channel, StringComparer.Ordinal)).Select(e => (DateOnly?)e.On).Max() is { } latest)
        {
            var month = YearMonth.FromDate(latest);
            if (answers.Month(claims.Question) is not { } answered || answered < month)
            {
                answers = answers.With(claims.Question, new MonthAnswer(month));
            }
        }

        return answers;
    }

    private IEnumerable<ProgressEntry> Matching(ProgressCondition c) => _entries.Where(e => c.Steps.Contains(e.Step, StringComparer.Ordinal)
        && (e.Kind == ProgressKind.Done ? c.States.Contains("done") : e.Reply is not null && c.States.Contains(e.Reply)));
}
