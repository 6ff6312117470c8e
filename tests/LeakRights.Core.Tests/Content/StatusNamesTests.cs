using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

/// <summary>The one name mapping of each status enum, used by seeds, the database, backups and the API.</summary>
public class StatusNamesTests
{
    [Fact]
    public void All_AreTheOnesTheSeedsAndEditorUse()
    {
        Assert.Equal(["in-force", "superseded"], LawStatusNames.All);
        Assert.Equal(["confirmed-law-text", "confirmed-official-page", "confirmed-third-party", "not-confirmed"], ConfirmationStatusNames.All);
    }

    [Theory]
    [InlineData(LawStatus.InForce, "in-force")]
    [InlineData(LawStatus.Superseded, "superseded")]
    public void LawStatus_ToNameAndTryParse_RoundTrip(LawStatus status, string name)
    {
        Assert.Equal(name, status.ToName());
        Assert.True(LawStatusNames.TryParse(name, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData(ConfirmationStatus.ConfirmedLawText, "confirmed-law-text")]
    [InlineData(ConfirmationStatus.ConfirmedOfficialPage, "confirmed-official-page")]
    [InlineData(ConfirmationStatus.ConfirmedThirdParty, "confirmed-third-party")]
    [InlineData(ConfirmationStatus.NotConfirmed, "not-confirmed")]
    public void ConfirmationStatus_ToNameAndTryParse_RoundTrip(ConfirmationStatus status, string name)
    {
        Assert.Equal(name, status.ToName());
        Assert.True(ConfirmationStatusNames.TryParse(name, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("In-Force")]
    [InlineData("InForce")]
    [InlineData("repealed")]
    public void LawStatus_TryParse_UnknownName_IsFalse(string? name) => Assert.False(LawStatusNames.TryParse(name, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Not-Confirmed")]
    [InlineData("NotConfirmed")]
    [InlineData("confirmed")]
    public void ConfirmationStatus_TryParse_UnknownName_IsFalse(string? name) => Assert.False(ConfirmationStatusNames.TryParse(name, out _));

    [Fact]
    public void ToName_ValueOutsideTheEnum_IsItsNumberNotAKnownName()
    {
        // What Data/ reads from a row whose stored status is unreadable: shown and exported as such, never as a real status.
        Assert.Equal("-1", ((LawStatus)(-1)).ToName());
        Assert.Equal("-1", ((ConfirmationStatus)(-1)).ToName());
    }
}
