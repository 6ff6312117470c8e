using System.Text.Encodings.Web;
using System.Text.Unicode;
using AngleSharp.Html.Parser;
using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Web.Pages.Check;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Pages.Check;

/// <summary>
/// The step page's questions are written by <see cref="QuestionMarkup"/>, which keeps each question's fixed markup and
/// writes only the person's values, the error and the shown state per request (issue 15). These tests render the same
/// question object in different states one after another: nothing of one request may appear in the next.
/// </summary>
public sealed class QuestionMarkupTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private IEnumerable<Question> AllQuestions
    {
        get
        {
            var questionnaire = factory.Services.GetRequiredService<QuestionnaireWalker>().Questionnaire;
            return questionnaire.Steps.SelectMany(s => s.QuestionIds).Select(questionnaire.Get);
        }
    }

    private static AngleSharp.Dom.IElement Render(QuestionField field)
    {
        using var writer = new StringWriter();
        new QuestionMarkup(field).WriteTo(writer, Encoder);
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + writer + "</body></html>");
        return Assert.Single(document.Body!.Children);
    }

    [Fact]
    public void WriteTo_SameChoiceQuestionInTurn_CarriesNoStateFromTheRenderBefore()
    {
        var q = AllQuestions.First(q => q.Type == QuestionType.MultiChoice && q.Hint is not null);
        var picked = new[] { q.Options[1].Id, q.Options[2].Id };

        var withError = Render(new QuestionField(q, picked, "请选择至少一项。", "2026-12") { IsNew = true, Disabled = true });
        var clean = Render(new QuestionField(q, [], null, "2026-12"));
        var otherPick = Render(new QuestionField(q, [q.Options[0].Id], null, "2026-12"));

        Assert.Equal("fieldset", withError.LocalName);
        Assert.Equal(["question", "has-error", "is-new"], withError.ClassList);
        Assert.Equal($"e-{q.Id} h-{q.Id}", withError.GetAttribute("aria-describedby"));
        Assert.Equal("错误：请选择至少一项。", withError.QuerySelector($"p.field-error#e-{q.Id}")!.TextContent);
        Assert.Equal(picked, withError.QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value")));
        Assert.All(withError.QuerySelectorAll("input"), i =>
        {
            Assert.Equal("true", i.GetAttribute("aria-invalid"));
            Assert.True(i.HasAttribute("disabled"));
        });

        Assert.Equal(["question"], clean.ClassList);
        Assert.Equal($"h-{q.Id}", clean.GetAttribute("aria-describedby"));
        Assert.Null(clean.QuerySelector(".field-error"));
        Assert.Empty(clean.QuerySelectorAll("input[checked], input[aria-invalid], input[disabled]"));
        Assert.Equal([q.Options[0].Id], otherPick.QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value")));

        // The fixed parts are the questionnaire's: every option labelled, in order, linked to its input.
        Assert.Equal(q.Label, clean.QuerySelector("legend")!.TextContent.Trim());
        Assert.Equal(q.Hint, clean.QuerySelector($"p.hint#h-{q.Id}")!.TextContent);
        Assert.Equal("true", clean.GetAttribute("data-multi"));
        var options = clean.QuerySelectorAll("label.option").ToList();
        Assert.Equal(q.Options.Select(o => o.Label), options.Select(l => l.TextContent.Trim()));
        Assert.All(options.Select((l, i) => (l, i)), x =>
        {
            var input = x.l.QuerySelector("input")!;
            Assert.Equal($"f-{q.Id}-{x.i}", x.l.GetAttribute("for"));
            Assert.Equal($"f-{q.Id}-{x.i}", input.Id);
            Assert.Equal("checkbox", input.GetAttribute("type"));
            Assert.Equal(q.Id, input.GetAttribute("name"));
            Assert.Equal(q.Options[x.i].Id, input.GetAttribute("value"));
            Assert.Equal(q.Options[x.i].Exclusive ? "true" : "false", input.GetAttribute("data-exclusive"));
        });
    }

    [Fact]
    public void WriteTo_TextAnswerWithMarkup_IsEncodedAndTheNextRenderIsEmpty()
    {
        var q = AllQuestions.First(q => q.Type == QuestionType.Text);
        const string typed = "\"><script>alert(1)</script>张三 & 李四";

        using var writer = new StringWriter();
        new QuestionMarkup(new QuestionField(q, [typed], "太长了。", "2026-12")).WriteTo(writer, Encoder);
        var markup = writer.ToString();
        var withValue = Render(new QuestionField(q, [typed], "太长了。", "2026-12"));
        var empty = Render(new QuestionField(q, [], null, "2026-12"));

        Assert.DoesNotContain("<script>", markup, StringComparison.Ordinal);
        var input = withValue.QuerySelector($"input#f-{q.Id}")!;
        Assert.Equal(typed, input.GetAttribute("value"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal(((q.MaxLength ?? 100) * 2).ToString(System.Globalization.CultureInfo.InvariantCulture), input.GetAttribute("maxlength"));
        Assert.Equal(q.Id, input.GetAttribute("name"));
        Assert.Equal($"f-{q.Id}", withValue.QuerySelector("label.q-label")!.GetAttribute("for"));

        var emptyInput = empty.QuerySelector($"input#f-{q.Id}")!;
        Assert.Equal(string.Empty, emptyInput.GetAttribute("value"));
        Assert.False(emptyInput.HasAttribute("aria-invalid"));
        Assert.Null(empty.QuerySelector(".field-error"));
        Assert.Equal(["question"], empty.ClassList);
    }

    [Fact]
    public void WriteTo_MonthQuestion_CarriesThisMonthAsMaxAndTheRequiredFlag()
    {
        var q = AllQuestions.First(q => q.Type == QuestionType.Month && q.Required);

        var input = Render(new QuestionField(q, ["2024-03"], null, "2026-12")).QuerySelector($"input#f-{q.Id}")!;
        var later = Render(new QuestionField(q, [], null, "2027-01")).QuerySelector($"input#f-{q.Id}")!;

        Assert.Equal("month", input.GetAttribute("type"));
        Assert.Equal("1990-01", input.GetAttribute("min"));
        Assert.Equal("2026-12", input.GetAttribute("max"));
        Assert.Equal("2024-03", input.GetAttribute("value"));
        Assert.Equal("true", input.GetAttribute("aria-required"));
        Assert.Equal("2027-01", later.GetAttribute("max"));
        Assert.Equal(string.Empty, later.GetAttribute("value"));
    }

    [Fact]
    public void WriteTo_EveryQuestionOfTheQuestionnaire_IsOneLabelledFieldNamedByItsId()
    {
        foreach (var q in AllQuestions)
        {
            var element = Render(new QuestionField(q, [], null, "2026-12"));

            Assert.Equal($"q-{q.Id}", element.Id);
            var inputs = element.QuerySelectorAll("input").ToList();
            Assert.All(inputs, i => Assert.Equal(q.Id, i.GetAttribute("name")));
            Assert.All(inputs, i => Assert.NotNull(element.QuerySelector($"label[for='{i.Id}']")));
            Assert.Equal(q.Type is QuestionType.SingleChoice or QuestionType.MultiChoice ? q.Options.Count : 1, inputs.Count);
        }
    }
}
