using System.Globalization;
using System.Text;
using LeakRights.Core.Content;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Pdf;

/// <summary>
/// The plan's deadlines as an iCalendar file (RFC 5545): follow up the organisation's reply (15 days), the regulator's
/// reply (7 working days) and the limitation date. It holds nothing personal: no names, organisations or answers.
/// </summary>
public static class PlanCalendar
{
    public static string FileName(Plan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"leakrights-deadlines-{plan.GeneratedAt.ToOffset(ChinaTime.Offset):yyyyMMdd}.ics");

    public static string ToIcs(Plan plan)
    {
        var today = DateOnly.FromDateTime(plan.GeneratedAt.ToOffset(ChinaTime.Offset).DateTime);
        var stamp = plan.GeneratedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//LeakRights//Action plan//ZH");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        foreach (var d in plan.Deadlines)
        {
            DateOnly? date = d.Key switch
            {
                "limitation" when d.Date is not null && YearMonth.TryParse(d.Date, out var m) => new DateOnly(m.Year, m.Month, 1),
                "organisation-reply" => today.AddDays(15),
                "regulator-reply" => AddWorkingDays(today, 7),
                _ => null,
            };
            if (date is null)
            {
                continue;
            }

            Line(sb, "BEGIN:VEVENT");
            Line(sb, $"UID:{Guid.NewGuid():N}@leakrights");
            Line(sb, $"DTSTAMP:{stamp}");
            Line(sb, $"DTSTART;VALUE=DATE:{date.Value:yyyyMMdd}");
            Line(sb, $"DTEND;VALUE=DATE:{date.Value.AddDays(1):yyyyMMdd}");
            Line(sb, $"SUMMARY:{Escape(d.Title)}");
            Line(sb, $"DESCRIPTION:{Escape(d.Text)}");
            Line(sb, "TRANSP:TRANSPARENT");
            Line(sb, "BEGIN:VALARM");
            Line(sb, "ACTION:DISPLAY");
            Line(sb, $"DESCRIPTION:{Escape(d.Title)}");
            Line(sb, d.Key == "limitation" ? "TRIGGER:-P30D" : "TRIGGER:-P1D");
            Line(sb, "END:VALARM");
            Line(sb, "END:VEVENT");
        }

        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>Adds working days, skipping Saturdays and Sundays (public holidays are not known here).</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var d = start;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return d;
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Writes a content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence, ending in CRLF.</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        var i = 0;
        while (i < line.Length)
        {
            var len = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(line.AsSpan(i, len));
            if (octets + bytes > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
                limit = 75;
            }

            sb.Append(line, i, len);
            octets += bytes;
            i += len;
        }

        sb.Append("\r\n");
    }
}
