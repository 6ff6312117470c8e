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
        // In date order: the organisation's reply 15 days after 27 Nov 2026; the regulator's 7 working days counted from then
        // (the complaint follows an unanswered request: Mon 14 … Tue 22 Dec); the limitation month 2029-10.
        var starts = ics.Split("\r\n").Where(l => l.StartsWith("DTSTART", StringComparison.Ordinal)).ToList();
        Assert.Equal(["DTSTART;VALUE=DATE:20261212", "DTSTART;VALUE=DATE:20261222", "DTSTART;VALUE=DATE:20291001"], starts);
        Assert.Contains("UID:organisation-reply-20261212@leakrights", ics, StringComparison.Ordinal);
        Assert.Contains("TRIGGER:-P30D", ics, StringComparison.Ordinal);
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
        Assert.Contains("SUMMARY:诉讼时效：要求赔偿的起诉期限", unfolded, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public void ToIcs_HoldsNoPersonalAnswers()
    {
        var ics = PlanCalendar.ToIcs(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss")).Replace("\r\n ", string.Empty, StringComparison.Ordinal);

        Assert.DoesNotContain("某银行某支行", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("损失约", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("20,000", ics, StringComparison.Ordinal);
    }

}
