using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class LetterTemplateTests
{
    [Fact]
    public void Bindings_CoverEveryPlaceholderOfEveryLetter()
    {
        var letters = TestContent.Bundle.Letters;
        var used = letters.Letters
            .SelectMany(l => l.Templates)
            .SelectMany(t => t.Placeholders)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Subset(letters.Bindings.Keys.ToHashSet(StringComparer.Ordinal), used);
        Assert.Equal(LetterPlanValue.Date, letters.Bindings["date"].PlanValue);
        Assert.Equal("organisation-name", letters.Bindings["organisation"].Question);
        Assert.Equal("（财产损失约 {value}）", letters.Bindings["loss"].Wrap?.Source);
    }

    [Fact]
    public void Templates_AreEveryParagraphClosingSignatureAndTheTitle()
    {
        var letter = TestContent.Bundle.Letters.Letters[0];

        Assert.Equal(letter.Paragraphs.Count + letter.Closing.Count + letter.Signature.Count + 1, letter.Templates.Count());
        Assert.Same(letter.Title, letter.Templates.Last());
    }
}
