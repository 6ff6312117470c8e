using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Answers;

public class AnswerDisplayTests
{
    private static Question Question(string id) => TestContent.Bundle.Questionnaire.Get(id);

    [Fact]
    public void Format_Choice_ShowsOptionLabel()
    {
        var q = Question("ongoing-danger");

        Assert.Equal(q.FindOption("yes")!.Label, AnswerDisplay.Format(q, new ChoiceAnswer("yes")));
    }

    [Fact]
    public void Format_UnknownOption_ShowsItsId()
    {
        Assert.Equal("gone", AnswerDisplay.Format(Question("ongoing-danger"), new ChoiceAnswer("gone")));
        Assert.Equal("a、gone", AnswerDisplay.Format(Question("data-types"), new ChoicesAnswer(["a", "gone"])));
    }

    [Fact]
    public void Format_Choices_JoinsLabelsWithEnumerationComma()
    {
        var q = Question("data-types");

        var text = AnswerDisplay.Format(q, new ChoicesAnswer(["identity", "contact"]));

        Assert.Equal($"{q.FindOption("identity")!.Label}、{q.FindOption("contact")!.Label}", text);
    }

    [Theory]
    [InlineData("20000", "20,000 元")]
    [InlineData("1234.5", "1,234.5 元")]
    [InlineData("0.25", "0.25 元")]
    public void Format_NumberWithUnit_GroupsDigitsAndAddsUnit(string value, string expected)
    {
        var amount = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, AnswerDisplay.Format(Question("loss-amount"), new NumberAnswer(amount)));
    }

    [Fact]
    public void Format_NumberWithoutUnit_IsJustTheNumber()
    {
        var q = Question("loss-amount") with { Unit = null };

        Assert.Equal("1,000", AnswerDisplay.Format(q, new NumberAnswer(1000)));
    }

    [Fact]
    public void Format_MonthAndText_ArePlain()
    {
        Assert.Equal("2026年10月", AnswerDisplay.Format(Question("discovered-on"), new MonthAnswer(new YearMonth(2026, 10))));
        Assert.Equal("某银行", AnswerDisplay.Format(Question("organisation-name"), new TextAnswer("某银行")));
    }

    [Fact]
    public void FormValues_EachKind_GivesRawFormValues()
    {
        Assert.Equal(["yes"], AnswerDisplay.FormValues(new ChoiceAnswer("yes")));
        Assert.Equal(["identity", "contact"], AnswerDisplay.FormValues(new ChoicesAnswer(["identity", "contact"])));
        Assert.Equal(["1234.5"], AnswerDisplay.FormValues(new NumberAnswer(1234.5m)));
        Assert.Equal(["2026-03"], AnswerDisplay.FormValues(new MonthAnswer(new YearMonth(2026, 3))));
        Assert.Equal(["某银行"], AnswerDisplay.FormValues(new TextAnswer("某银行")));
        Assert.Empty(AnswerDisplay.FormValues(null));
    }
}
