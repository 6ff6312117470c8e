namespace LeakRights.Core.Content;

/// <summary>Mainland China has one time zone, UTC+8, without daylight saving; "this month" and dates shown to people use it.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(TimeProvider time) => time.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);

    public static YearMonth CurrentMonth(TimeProvider time) => YearMonth.FromDate(Today(time));
}
