using System.Globalization;
using System.Text;
using LeakRights.Core.Content;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Pdf;

/// <summary>
/// The plan's calendar events (decided by the plan: one per deadline with a date, in date order) as an iCalendar file
/// (RFC 5545). It holds nothing personal: no names, organisations or answers.
/// </summary>
public static class PlanCalendar
{
    public static string FileName(Plan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"leakrights-deadlines-{plan.GeneratedAt.ToOffset(ChinaTime.Offset):yyyyMMdd}.ics");

    public static string ToIcs(Plan plan) => ToIcs(plan, null, null);

    /// <summary>
    /// The calendar; a subscribed case calendar gives it a <paramref name="name"/> (and asks clients to refresh it twice a day)
    /// and may add <paramref name="details"/> to an event's description (only what the person opted in to).
    /// </summary>
    public static string ToIcs(Plan plan, string? name, Func<PlanCalendarEvent, string?>? details)
    {
        var stamp = plan.GeneratedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//LeakRights//Action plan//ZH");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        if (name is not null)
        {
            Line(sb, $"X-WR-CALNAME:{Escape(name)}");
            Line(sb, "X-WR-TIMEZONE:Asia/Shanghai");
            Line(sb, "REFRESH-INTERVAL;VALUE=DURATION:PT12H");
            Line(sb, "X-PUBLISHED-TTL:PT12H");
        }

        foreach (var e in plan.Calendar)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, $"UID:{e.Uid}");
            Line(sb, $"DTSTAMP:{stamp}");
            Line(sb, string.Create(CultureInfo.InvariantCulture, $"DTSTART;VALUE=DATE:{e.Date:yyyyMMdd}"));
            Line(sb, string.Create(CultureInfo.InvariantCulture, $"DTEND;VALUE=DATE:{e.Date.AddDays(1):yyyyMMdd}"));
            Line(sb, $"SUMMARY:{Escape(e.Title)}");
            Line(sb, $"DESCRIPTION:{Escape(details?.Invoke(e) is { Length: > 0 } extra ? e.Description + "\n" + extra : e.Description)}");
            Line(sb, "TRANSP:TRANSPARENT");
            Line(sb, "BEGIN:VALARM");
            Line(sb, "ACTION:DISPLAY");
            Line(sb, $"DESCRIPTION:{Escape(e.Title)}");
            Line(sb, string.Create(CultureInfo.InvariantCulture, $"TRIGGER:-P{e.RemindDaysBefore}D"));
            Line(sb, "END:VALARM");
            Line(sb, "END:VEVENT");
        }

        Line(sb, "END:VCALENDAR");
        return sb.ToString();
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
