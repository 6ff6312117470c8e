using System.Globalization;
using LeakRights.Core.Content;

namespace LeakRights.Core.Answers;

/// <summary>Formats an answer for people: option labels, amounts in yuan, months as 2026年10月.</summary>
public static class AnswerDisplay
{
    public static string Format(Question question, AnswerValue value) => value switch
    {
        ChoiceAnswer c => question.FindOption(c.OptionId)?.Label ?? c.OptionId,
        ChoicesAnswer m => string.Join("、", m.OptionIds.Select(o => question.FindOption(o)?.Label ?? o)),
        NumberAnswer n => n.Value.ToString("#,0.##", CultureInfo.InvariantCulture) + (question.Unit is null ? string.Empty : " " + question.Unit),
        MonthAnswer mo => ChineseDates.Format(mo.Value),
        TextAnswer t => t.Value,
        _ => string.Empty,
    };

    /// <summary>The raw form values of an answer, to pre-fill a form field.</summary>
    public static IReadOnlyList<string> FormValues(AnswerValue? value) => value switch
    {
        ChoiceAnswer c => [c.OptionId],
        ChoicesAnswer m => m.OptionIds,
        NumberAnswer n => [n.Value.ToString(CultureInfo.InvariantCulture)],
        MonthAnswer mo => [mo.Value.ToString()],
        TextAnswer t => [t.Value],
        _ => [],
    };
}
