using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class LetterTemplateTests
{
    [Fact]
    public void Placeholders_AreTheValuesThePdfComposerFillsIn()
    {
        string[] expected =
        [
            "authority", "citations", "contact-status", "data-types", "date", "discovered-on", "discovery", "evidence", "harms",
            "loss", "organisation", "organisation-address", "scale", "your-contact", "your-name",
        ];

        Assert.Equal(expected, LetterTemplate.Placeholders.Order(StringComparer.Ordinal));
    }
}
