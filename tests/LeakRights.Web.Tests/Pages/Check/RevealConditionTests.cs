using System.Text.RegularExpressions;
using LeakRights.Core.Answers;
using LeakRights.Web.Pages.Check;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Pages.Check;

public sealed partial class RevealConditionTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    [GeneratedRegex("\"q\":\"([^\"]+)\"")]
    private static partial Regex NamedQuestion();

    [Fact]
    public void ForStep_EveryStep_NamesOnlyItsOwnQuestionsAndIsComputedOnce()
    {
        // site.js can only decide a condition on the answers of the page it is on: a step's reveal conditions name only that
        // step's questions, and one naming another step's answers is left to the server (null). Cached per step (issue 15).
        var questionnaire = factory.Services.GetRequiredService<QuestionnaireWalker>().Questionnaire;
        var revealed = 0;
        var leftToServer = 0;

        foreach (var step in questionnaire.Steps)
        {
            var reveals = RevealCondition.ForStep(step, questionnaire);

            Assert.Same(reveals, RevealCondition.ForStep(step, questionnaire));
            Assert.Equal(step.QuestionIds.Order(StringComparer.Ordinal), reveals.Keys.Order(StringComparer.Ordinal));
            foreach (var (id, json) in reveals)
            {
                var condition = questionnaire.Get(id).ShowIf;
                if (json is null)
                {
                    leftToServer += condition is null ? 0 : 1;
                    continue;
                }

                revealed++;
                Assert.NotNull(condition);
                Assert.All(NamedQuestion().Matches(json).Select(m => m.Groups[1].Value), q => Assert.Contains(q, step.QuestionIds));
            }
        }

        Assert.True(revealed > 0, "no question is revealed on its own step");
        Assert.True(leftToServer > 0, "no condition depends on another step's answers");
    }
}
