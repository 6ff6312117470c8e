using System.Globalization;

namespace LeakRights.Core.Content;

/// <summary>A calendar month (YYYY-MM), as asked by month questions.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public static YearMonth FromDate(DateOnly date) => new(date.Year, date.Month);

    public static bool TryParse(string? value, out YearMonth month)
    {
        month = default;
        if (value is null || value.Length != 7 || value[4] != '-')
        {
            return false;
        }

        if (!int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || y < 1 || m is < 1 or > 12)
        {
            return false;
        }

        month = new YearMonth(y, m);
        return true;
    }

    public YearMonth AddMonths(int months)
    {
        var total = (Year * 12) + (Month - 1) + months;
        return new YearMonth(total / 12, (total % 12) + 1);
    }

    /// <summary>Whole months from this month to <paramref name="other"/> (negative when other is earlier).</summary>
    public int MonthsUntil(YearMonth other) => ((other.Year * 12) + other.Month) - ((Year * 12) + Month);

    public int CompareTo(YearMonth other) => ((Year * 12) + Month).CompareTo((other.Year * 12) + other.Month);

    public static bool operator <(YearMonth a, YearMonth b) => a.CompareTo(b) < 0;

    public static bool operator >(YearMonth a, YearMonth b) => a.CompareTo(b) > 0;

    public static bool operator <=(YearMonth a, YearMonth b) => a.CompareTo(b) <= 0;

    public static bool operator >=(YearMonth a, YearMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
