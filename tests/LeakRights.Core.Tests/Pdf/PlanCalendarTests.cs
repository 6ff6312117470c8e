using System.Text;
using LeakRights.Core.Pdf;

namespace LeakRights.Core.Tests.Pdf;

public class PlanCalendarTests
{
    [Fact]
    public void ToIcs_BankScenario_IsValidICalendarWithEveryDeadline()
    {
        var plan = PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss");

        var ics = PlanCalendar.ToIcs(plan);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(3, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART;VALUE=DATE:20291001", ics, StringComparison.Ordinal); // limitation 2029-10
        Assert.Contains("DTSTART;VALUE=DATE:20261212", ics, StringComparison.Ordinal); // 15 days after 2026-11-27
        Assert.Contains("DTSTART;VALUE=DATE:20261208", ics, StringComparison.Ordinal); // 7 working days after Friday 2026-11-27
    }

    [Fact]
    public void ToIcs_Lines_AreFoldedAt75OctetsWithoutSplittingCharacters()
    {
        var ics = PlanCalendar.ToIcs(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss"));

        foreach (var line in ics.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line);
        }

        var unfolded = ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:诉讼时效：最晚在2029年10月前起诉", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public void ToIcs_HoldsNoPersonalAnswers()
    {
        var ics = PlanCalendar.ToIcs(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss")).Replace("\r\n ", string.Empty, StringComparison.Ordinal);

        Assert.DoesNotContain("某银行某支行", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("损失约", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("20,000", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-27", 7, "2026-12-08")]
    [InlineData("2026-11-30", 5, "2026-12-07")]
    [InlineData("2026-11-28", 1, "2026-11-30")]
    public void AddWorkingDays_SkipsWeekends(string start, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PlanCalendar.AddWorkingDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));
    }
}
