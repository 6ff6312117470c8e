using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class YearMonthTests
{
    [Theory]
    [InlineData("2026-03", 2026, 3)]
    [InlineData("2026-12", 2026, 12)]
    [InlineData("0001-01", 1, 1)]
    public void TryParse_WellFormedMonth_GivesYearAndMonth(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var value));
        Assert.Equal(new YearMonth(year, month), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-3")]
    [InlineData("2026-003")]
    [InlineData("2026/03")]
    [InlineData("202603-")]
    [InlineData("0000-05")]
    [InlineData("2026-00")]
    [InlineData("2026-13")]
    [InlineData("+026-05")]
    [InlineData("2026-+5")]
    [InlineData(" 026-05")]
    public void TryParse_Malformed_FailsWithDefault(string? text)
    {
        Assert.False(YearMonth.TryParse(text, out var value));
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData(2026, 11, 2, 2027, 1)]
    [InlineData(2026, 12, 0, 2026, 12)]
    [InlineData(2026, 1, -1, 2025, 12)]
    [InlineData(2023, 10, 36, 2026, 10)]
    [InlineData(2026, 6, 6, 2026, 12)]
    public void AddMonths_CrossesYearBoundaries(int year, int month, int add, int expectedYear, int expectedMonth)
    {
        Assert.Equal(new YearMonth(expectedYear, expectedMonth), new YearMonth(year, month).AddMonths(add));
    }

    [Theory]
    [InlineData(2026, 11, 2027, 2, 3)]
    [InlineData(2027, 2, 2026, 11, -3)]
    [InlineData(2026, 5, 2026, 5, 0)]
    [InlineData(2025, 1, 2026, 1, 12)]
    public void MonthsUntil_CountsWholeMonths(int y1, int m1, int y2, int m2, int expected)
    {
        Assert.Equal(expected, new YearMonth(y1, m1).MonthsUntil(new YearMonth(y2, m2)));
    }

    [Fact]
    public void Operators_CompareByYearThenMonth()
    {
        var earlier = new YearMonth(2025, 12);
        var later = new YearMonth(2026, 1);
        var same = new YearMonth(2026, 1);

        Assert.True(earlier < later);
        Assert.False(later < earlier);
        Assert.False(later < same);
        Assert.True(later > earlier);
        Assert.False(earlier > later);
        Assert.False(later > same);
        Assert.True(earlier <= later);
        Assert.True(later <= same);
        Assert.False(later <= earlier);
        Assert.True(later >= earlier);
        Assert.True(later >= same);
        Assert.False(earlier >= later);
        Assert.Equal(0, later.CompareTo(same));
        Assert.True(earlier.CompareTo(later) < 0);
        Assert.True(later.CompareTo(earlier) > 0);
    }

    [Theory]
    [InlineData(2026, 3, "2026-03")]
    [InlineData(999, 10, "0999-10")]
    public void ToString_IsZeroPaddedYearDashMonth(int year, int month, string expected)
    {
        Assert.Equal(expected, new YearMonth(year, month).ToString());
    }

    [Fact]
    public void FromDate_TakesYearAndMonth()
    {
        Assert.Equal(new YearMonth(2026, 2), YearMonth.FromDate(new DateOnly(2026, 2, 28)));
    }
}
