using LeakRights.Core.Content;
using LeakRights.Web.Data;

namespace LeakRights.Web.Tests.Data;

/// <summary>The column conversions: the same TEXT as before, and text that does not read never throws.</summary>
public sealed class StoredValuesTests
{
    [Theory]
    [InlineData(2021, 11, 1, "2021-11-01")]
    [InlineData(2026, 2, 28, "2026-02-28")]
    [InlineData(987, 1, 2, "0987-01-02")]
    public void Date_ToAndFromProvider_IsTheSeedFormat(int year, int month, int day, string stored)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal(stored, StoredValues.Date.ConvertToProvider(date));
        Assert.Equal(date, StoredValues.Date.ConvertFromProvider(stored));
        Assert.True(StoredValues.IsReadable(date));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2021-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("2021/11/01")]
    [InlineData("2021-11-1")]
    [InlineData(" 2021-11-01")]
    [InlineData("2021-11-01T00:00:00")]
    public void Date_FromProviderText_ThatIsNotADate_IsTheUnreadableDate(string stored)
    {
        var date = (DateOnly)StoredValues.Date.ConvertFromProvider(stored)!;

        Assert.Equal(StoredValues.UnreadableDate, date);
        Assert.False(StoredValues.IsReadable(date));
        Assert.False(StoredValues.IsReadable((DateOnly?)date));
    }

    [Fact]
    public void IsReadable_NoDate_IsReadable() => Assert.True(StoredValues.IsReadable((DateOnly?)null));

    [Theory]
    [InlineData(LawStatus.InForce, "in-force")]
    [InlineData(LawStatus.Superseded, "superseded")]
    public void LawStatusName_ToAndFromProvider_IsTheSeedName(LawStatus status, string stored)
    {
        Assert.Equal(stored, StoredValues.LawStatusName.ConvertToProvider(status));
        Assert.Equal(status, StoredValues.LawStatusName.ConvertFromProvider(stored));
        Assert.True(StoredValues.IsReadable(status));
    }

    [Theory]
    [InlineData(ConfirmationStatus.ConfirmedLawText, "confirmed-law-text")]
    [InlineData(ConfirmationStatus.NotConfirmed, "not-confirmed")]
    public void ConfirmationStatusName_ToAndFromProvider_IsTheSeedName(ConfirmationStatus status, string stored)
    {
        Assert.Equal(stored, StoredValues.ConfirmationStatusName.ConvertToProvider(status));
        Assert.Equal(status, StoredValues.ConfirmationStatusName.ConvertFromProvider(stored));
        Assert.True(StoredValues.IsReadable(status));
    }

    [Theory]
    [InlineData("")]
    [InlineData("InForce")]
    [InlineData("repealed")]
    [InlineData("not-confirmed")]
    public void LawStatusName_FromProviderText_ThatIsNoStatus_IsUnreadable(string stored) =>
        Assert.False(StoredValues.IsReadable((LawStatus)StoredValues.LawStatusName.ConvertFromProvider(stored)!));

    [Theory]
    [InlineData("")]
    [InlineData("NotConfirmed")]
    [InlineData("confirmed")]
    [InlineData("in-force")]
    public void ConfirmationStatusName_FromProviderText_ThatIsNoStatus_IsUnreadable(string stored) =>
        Assert.False(StoredValues.IsReadable((ConfirmationStatus)StoredValues.ConfirmationStatusName.ConvertFromProvider(stored)!));
}
