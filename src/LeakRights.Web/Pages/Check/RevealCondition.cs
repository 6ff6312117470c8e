using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LeakRights.Core.Content;

namespace LeakRights.Web.Pages.Check;

/// <summary>
/// A question's show-if condition as JSON for site.js, so a follow-up question can appear under the answer that triggers
/// it without a reload (GOV.UK's conditional reveal). Only conditions that look at questions of the same step alone are
/// written (the page knows nothing else); any other question is shown or not by the server, as without JavaScript. The
/// server stays the judge: the posted answers are validated by the walker as before.
/// </summary>
public static class RevealCondition
{
    private static readonly ConditionalWeakTable<QuestionnaireStep, IReadOnlyDictionary<string, string?>> ByStep = new();

    /// <summary>
    /// Every question's condition on <paramref name="step"/> as JSON (null where there is none or the page cannot decide it),
    /// computed once per step of the loaded questionnaire: the same for every visitor (issue 15: rebuilding it for every view
    /// was ~4 % of a step page).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ForStep(QuestionnaireStep step, Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(questionnaire);
        return ByStep.GetValue(step, s =>
        {
            var onStep = s.QuestionIds.ToHashSet(StringComparer.Ordinal);
            return s.QuestionIds.ToDictionary(id => id, id => ToJson(questionnaire.Get(id).ShowIf, onStep), StringComparer.Ordinal);
        });
    }

    /// <summary>The condition as JSON (<c>{"q","op","v"}</c>, <c>{"anyOf"|"allOf"|"noneOf": [...]}</c>), or null when the page cannot decide it alone.</summary>
    private static string? ToJson(Condition? condition, IReadOnlySet<string> stepQuestions) =>
        condition is not null && Convert(condition, stepQuestions) is { } node ? node.ToJsonString() : null;

    private static JsonObject? Convert(Condition condition, IReadOnlySet<string> stepQuestions) => condition switch
    {
        QuestionCondition q when stepQuestions.Contains(q.Question) => new JsonObject
        {
            ["q"] = q.Question,
            ["op"] = q.Operator.ToString().ToLowerInvariant(),
            ["v"] = new JsonArray(q.Values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["n"] = q.Number is { } n ? JsonValue.Create(n.ToString(CultureInfo.InvariantCulture)) : null,
        },
        AnyOfCondition any => Group("anyOf", any.Conditions, stepQuestions),
        AllOfCondition all => Group("allOf", all.Conditions, stepQuestions),
        NoneOfCondition none => Group("noneOf", none.Conditions, stepQuestions),
        _ => null,
    };

    private static JsonObject? Group(string name, IReadOnlyList<Condition> conditions, IReadOnlySet<string> stepQuestions)
    {
        var parts = conditions.Select(c => Convert(c, stepQuestions)).ToList();
        return parts.Any(p => p is null) ? null : new JsonObject { [name] = new JsonArray(parts.ToArray()) };
    }
}
