using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Answers;

/// <summary>Tests <see cref="AnswerSet"/> and the answer value records of AnswerValue.cs.</summary>
public class AnswerSetTests
{
    private static readonly AnswerSet Answers = AnswerSet.Empty
        .With("single", new ChoiceAnswer("b"))
        .With("multi", new ChoicesAnswer(["x", "y"]))
        .With("number", new NumberAnswer(12.5m))
        .With("month", new MonthAnswer(new YearMonth(2026, 10)))
        .With("text", new TextAnswer("某银行"));

    [Fact]
    public void Accessors_MatchingKind_ReturnValue()
    {
        Assert.Equal("b", Answers.Choice("single"));
        Assert.Equal(["x", "y"], Answers.Choices("multi"));
        Assert.Equal(12.5m, Answers.Number("number"));
        Assert.Equal(new YearMonth(2026, 10), Answers.Month("month"));
        Assert.Equal("某银行", Answers.Text("text"));
        Assert.Equal(5, Answers.Count);
    }

    [Fact]
    public void Accessors_OtherKindOrMissing_ReturnNothing()
    {
        Assert.Null(Answers.Choice("multi"));
        Assert.Empty(Answers.Choices("single"));
        Assert.Null(Answers.Number("text"));
        Assert.Null(Answers.Month("number"));
        Assert.Null(Answers.Text("single"));
        Assert.Null(Answers.Get("missing"));
        Assert.False(Answers.Has("missing"));
        Assert.True(Answers.Has("text"));
    }

    [Fact]
    public void With_NullValue_RemovesTheAnswer()
    {
        var result = Answers.With("text", null);

        Assert.False(result.Has("text"));
        Assert.Equal(4, result.Count);
        Assert.True(Answers.Has("text"));
    }

    [Fact]
    public void With_ExistingQuestion_ReplacesTheAnswer()
    {
        var result = Answers.With("single", new ChoiceAnswer("c"));

        Assert.Equal("c", result.Choice("single"));
        Assert.Equal(5, result.Count);
        Assert.Equal("b", Answers.Choice("single"));
    }

    [Fact]
    public void Without_MissingQuestion_ReturnsSameSet()
    {
        Assert.Same(Answers, Answers.Without("missing"));
        Assert.Equal(4, Answers.Without("multi").Count);
    }

    [Fact]
    public void Values_AreInOrdinalKeyOrder()
    {
        Assert.Equal(["month", "multi", "number", "single", "text"], Answers.Values.Keys);
    }

    [Fact]
    public void ChoicesAnswer_SameOptionsInSameOrder_AreEqualWithEqualHash()
    {
        var a = new ChoicesAnswer(["x", "y"]);
        var b = new ChoicesAnswer(["x", "y"]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void ChoicesAnswer_DifferentOptionsOrOrder_AreNotEqual()
    {
        var a = new ChoicesAnswer(["x", "y"]);

        Assert.NotEqual(a, new ChoicesAnswer(["y", "x"]));
        Assert.NotEqual(a, new ChoicesAnswer(["x"]));
        Assert.False(a.Equals(null));
        Assert.NotEqual(a.GetHashCode(), new ChoicesAnswer(["y", "x"]).GetHashCode());
        Assert.NotEqual(new ChoicesAnswer([]).GetHashCode(), new ChoicesAnswer(["x"]).GetHashCode());
    }
}
