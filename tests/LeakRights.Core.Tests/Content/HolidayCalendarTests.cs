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
    public void AddWorkingDays_IntoAnUncoveredYear_IsAnEstimate()
    {
        Assert.Equal(new DateOnly(2027, 1, 5), Seeds.AddWorkingDays(new DateOnly(2026, 12, 29), 5, out var estimated));
        Assert.True(estimated);
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
