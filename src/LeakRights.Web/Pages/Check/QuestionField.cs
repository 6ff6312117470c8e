using LeakRights.Core.Content;

namespace LeakRights.Web.Pages.Check;

/// <summary>What <see cref="QuestionMarkup"/> needs to write one question with its current values and error.</summary>
public sealed record QuestionField(Question Question, IReadOnlyList<string> Values, string? Error, string MaxMonth)
{
    /// <summary>A follow-up question not shown yet: rendered hidden with its inputs disabled (nothing posts), for site.js to reveal.</summary>
    public bool Disabled { get; init; }

    /// <summary>The question appeared because of the answers just given (without JavaScript, after the reload).</summary>
    public bool IsNew { get; init; }

    /// <summary>
    /// The label's optional marker: none for a required question, and none when the label already says so (可不填, 选填),
    /// so a question never carries two.
    /// </summary>
    public string? OptionalMarker => Question.Required || Question.Label.Contains("可不填", StringComparison.Ordinal) || Question.Label.Contains("选填", StringComparison.Ordinal)
        ? null
        : "（选填）";

    /// <summary>
    /// How the error summary names the problem: the question and the message read as one sentence ("大约损失了多少元？请填写
    /// 一个数字……"), without a colon after a question mark and without the label's note in brackets.
    /// </summary>
    public static string SummaryText(Question question, string error)
    {
        var label = System.Text.RegularExpressions.Regex.Replace(question.Label, "（[^（）]*）$", string.Empty).Trim();
        return label.EndsWith('？') || label.EndsWith('?') ? label + error : label + "：" + error;
    }

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
