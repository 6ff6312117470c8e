using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Rules;

/// <summary>
/// The deadline arithmetic of the plan, for the clocks of rules.json (<c>due</c>): days, working days (the holiday calendar of
/// seeds/holidays.json), months and years. A period counted in days starts the day after its event (Civil Code Art. 201).
/// Used only by <see cref="PlanBuilder"/> and <see cref="FactEvaluator"/>.
/// </summary>
public static class DeadlineClock
{
    /// <summary>The last day of a clock started on <paramref name="start"/>; <paramref name="estimated"/> when working days ran past the calendar.</summary>
    public static DateOnly Add(DateOnly start, DueRule due, HolidayCalendar holidays, out bool estimated)
    {
        estimated = false;
        return due.Unit switch
        {
            ClockUnit.Days => start.AddDays(due.Amount),
            ClockUnit.WorkingDays => holidays.AddWorkingDays(start, due.Amount, out estimated),
            ClockUnit.Months => start.AddMonths(due.Amount),
            ClockUnit.Years => start.AddYears(due.Amount),
            _ => throw new ArgumentOutOfRangeException(nameof(due), due.Unit, "unknown clock"),
        };
    }

    /// <summary>
    /// The month an answer event happened: the latest of its questions the person answered, provided its condition holds
    /// with the answers and <paramref name="facts"/>; null when it cannot be told.
    /// </summary>
    public static YearMonth? AnsweredMonth(EventRule ev, AnswerSet answers, IReadOnlySet<string> facts)
    {
        if (ev.Source != EventSource.Answer || (ev.When is not null && !ConditionEvaluator.Evaluate(ev.When, answers, facts)))
        {
            return null;
        }

        var months = ev.Questions.Select(answers.Month).Where(m => m is not null).Select(m => m!.Value).ToList();
        return months.Count == 0 ? null : months.Max();
    }

    /// <summary>A months or years clock started in a month known only to the month: the month it ends in.</summary>
    public static YearMonth Add(YearMonth start, DueRule due) => due.Unit switch
    {
        ClockUnit.Months => start.AddMonths(due.Amount),
        ClockUnit.Years => start.AddMonths(due.Amount * 12),
        _ => throw new ArgumentOutOfRangeException(nameof(due), due.Unit, "a clock counted from a month must be in months or years"),
    };
}
