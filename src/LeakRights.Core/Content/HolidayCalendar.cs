namespace LeakRights.Core.Content;

/// <summary>One year of the State Council's holiday notice: the days off and the weekend days that are working days.</summary>
public sealed record HolidayYear(int Year, string Source, IReadOnlySet<DateOnly> DaysOff, IReadOnlySet<DateOnly> WorkingWeekendDays);

/// <summary>
/// The PRC public-holiday calendar of <c>seeds/holidays.json</c>, for counting working days (工作日). Years it does not cover
/// are counted Monday to Friday without the holidays fixed by date in every year (元旦 1 January, 劳动节 1-2 May, 国庆节 1-3 October:
/// 全国年节及纪念日放假办法), and a count that passes through such a year is reported as an estimate.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly Dictionary<int, HolidayYear> _years;
    private readonly HashSet<(int Month, int Day)> _fixedDaysOff;

    public HolidayCalendar(IEnumerable<HolidayYear> years, IEnumerable<(int Month, int Day)>? fixedDaysOff = null)
    {
        _years = years.ToDictionary(y => y.Year);
        Years = [.. _years.Values.OrderBy(y => y.Year)];
        _fixedDaysOff = [.. fixedDaysOff ?? []];
    }

    public static HolidayCalendar None { get; } = new([]);

    public IReadOnlyList<HolidayYear> Years { get; }

    public bool Covers(int year) => _years.ContainsKey(year);

    /// <summary>
    /// Whether <paramref name="date"/> is a working day; <paramref name="known"/> is false when its year is not in the calendar
    /// (then a weekday is a working day unless it is a holiday fixed by date; the year's other holidays and 调休 are not known).
    /// </summary>
    public bool IsWorkingDay(DateOnly date, out bool known)
    {
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (!_years.TryGetValue(date.Year, out var year))
        {
            known = false;
            return !weekend && !_fixedDaysOff.Contains((date.Month, date.Day));
        }

        known = true;
        return weekend ? year.WorkingWeekendDays.Contains(date) : !year.DaysOff.Contains(date);
    }

    /// <summary>
    /// The day on which <paramref name="count"/> working days after <paramref name="start"/> have passed. The start day itself is
    /// not counted (Civil Code Art. 201: a period counted in days starts on the next day). <paramref name="estimated"/> is true
    /// when a day counted or skipped lies in a year the calendar does not cover.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int count, out bool estimated)
    {
        estimated = false;
        var d = start;
        while (count > 0)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d, out var known))
            {
                count--;
            }

            estimated |= !known;
        }

        return d;
    }
}
