using LeakRights.Core.Content;

namespace LeakRights.Web.Pages.Check;

/// <summary>What the question partial needs to render one question with its current values and error.</summary>
public sealed record QuestionField(Question Question, IReadOnlyList<string> Values, string? Error, string MaxMonth)
{
    public string Id => Question.Id;

    public string HintId => $"h-{Question.Id}";

    public string ErrorId => $"e-{Question.Id}";

    /// <summary>The element the error summary links to: the first option of a choice, else the input.</summary>
    public static string TargetId(Question q) => q.Type is QuestionType.SingleChoice or QuestionType.MultiChoice ? $"f-{q.Id}-0" : $"f-{q.Id}";

    public string? DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (Error is not null)
            {
                ids.Add(ErrorId);
            }

            if (Question.Hint is not null)
            {
                ids.Add(HintId);
            }

            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }

    public bool IsChecked(string optionId) => Values.Contains(optionId, StringComparer.Ordinal);

    public string Value => Values.Count > 0 ? Values[0] : string.Empty;
}
