using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class ChinaTimeTests
{
    [Theory]
    [InlineData(15, 59, 2026, 12, 31)]
    [InlineData(16, 0, 2027, 1, 1)]
    public void Today_IsDateAtUtcPlusEight(int hour, int minute, int year, int month, int day)
    {
        var clock = TestContent.Clock(new DateTimeOffset(2026, 12, 31, hour, minute, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(year, month, day), ChinaTime.Today(clock));
        Assert.Equal(new YearMonth(year, month), ChinaTime.CurrentMonth(clock));
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.Now(clock).Offset);
    }
}
