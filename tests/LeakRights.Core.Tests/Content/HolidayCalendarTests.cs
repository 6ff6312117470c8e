using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

/// <summary>The holiday calendar of seeds/holidays.json: days off, working weekends, and years it does not cover.</summary>
public class HolidayCalendarTests
{
    private static HolidayCalendar Seeds => TestContent.Bundle.Rules.Holidays;

    [Theory]
    [InlineData("2026-10-01", false)] // 国庆节
    [InlineData("2026-10-08", true)]  // Thursday after the holiday
    [InlineData("2026-10-10", true)]  // Saturday 调休上班
    [InlineData("2026-10-11", false)] // an ordinary Sunday
    [InlineData("2026-02-14", true)]  // Saturday 调休上班 before 春节
    [InlineData("2026-02-16", false)] // 春节, a Monday
    [InlineData("2025-01-01", false)] // 元旦 2025, a Wednesday
    [InlineData("2025-10-11", true)]  // Saturday 调休上班
    public void IsWorkingDay_CoveredYear_FollowsTheStateCouncilNotice(string date, bool working)
    {
        Assert.Equal(working, Seeds.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), out var known));
        Assert.True(known);
    }

    [Theory]
    [InlineData("2027-01-04", true)]  // a Monday in a year the calendar does not cover
    [InlineData("2027-01-02", false)] // a Saturday
    [InlineData("2024-12-31", true)]
    public void IsWorkingDay_UncoveredYear_IsMondayToFridayAndUnknown(string date, bool working)
    {
        Assert.Equal(working, Seeds.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), out var known));
        Assert.False(known);
    }

    [Fact]
    public void AddWorkingDays_OverTheNationalDayHoliday_SkipsItAndCountsTheWorkingSaturday()
    {
        // From Tue 29 Sep 2026: 30 Sep (1), 1–7 Oct off, 8 (2), 9 (3), Sat 10 (4, 调休), 12 (5).
        Assert.Equal(new DateOnly(2026, 10, 12), Seeds.AddWorkingDays(new DateOnly(2026, 9, 29), 5, out var estimated));
        Assert.False(estimated);
    }

    [Fact]
    public void AddWorkingDays_IntoAnUncoveredYear_IsAnEstimateThatSkipsNewYearsDay()
    {
        // From Tue 29 Dec 2026: 30 (1), 31 (2), Fri 1 Jan 2027 元旦 (fixed by date: off), 4 (3), 5 (4), 6 (5).
        Assert.Equal(new DateOnly(2027, 1, 6), Seeds.AddWorkingDays(new DateOnly(2026, 12, 29), 5, out var estimated));
        Assert.True(estimated);
    }

    [Theory]
    [InlineData("2027-01-01")] // 元旦, a Friday
    [InlineData("2027-05-03")] // not fixed: an ordinary Monday until the 2027 notice is added
    [InlineData("2028-05-01")] // 劳动节, a Monday
    [InlineData("2028-05-02")]
    [InlineData("2027-10-01")] // 国庆节, a Friday
    public void IsWorkingDay_UncoveredYear_TheHolidaysFixedByDateAreOff(string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var fixedByDate = day is { Month: 1, Day: 1 } or { Month: 5, Day: <= 2 } or { Month: 10, Day: <= 3 };

        Assert.Equal(!fixedByDate, Seeds.IsWorkingDay(day, out var known));
        Assert.False(known);
    }

    [Fact]
    public void AddWorkingDays_ConsumerComplaintAfterAnUnansweredRequest_NeverEndsOnNewYearsDay()
    {
        // Issue found in review (2026-12-07): 7 working days from Wed 23 Dec 2026 ended on Fri 1 Jan 2027.
        Assert.Equal(new DateOnly(2027, 1, 4), Seeds.AddWorkingDays(new DateOnly(2026, 12, 23), 7, out _));
        Assert.Equal(new DateOnly(2027, 1, 1), new HolidayCalendar(Seeds.Years).AddWorkingDays(new DateOnly(2026, 12, 23), 7, out _));
    }

    [Fact]
    public void Years_AreTheSeededYearsInOrder()
    {
        var calendar = new HolidayCalendar([Seeds.Years[1], Seeds.Years[0]]);

        Assert.Equal([2025, 2026], calendar.Years.Select(y => y.Year));
        Assert.True(calendar.Covers(2026));
        Assert.False(calendar.Covers(2027));
    }
}
