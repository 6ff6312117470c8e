namespace LeakRights.Core.Content;

/// <summary>A channel (邮寄/EMS, 邮件…) or a reply (答复了, 不予立案…) of the contact log, with the label people read.</summary>
public sealed record ProgressOption(string Id, string Label);

/// <summary>
/// The replies a step of the plan can receive (seeds/progress.json <c>steps</c>), and the step's own words for its form:
/// <see cref="DoneLabel"/> (我已经递交了复议申请), <see cref="ReferenceLabel"/> (受案回执编号…) and <see cref="ReplyLabels"/>
/// (拒绝 → 复议维持不予立案).
/// </summary>
public sealed record ProgressStepRule(string Step, IReadOnlyList<string> Replies)
{
    public string? DoneLabel { get; init; }

    public string? ReferenceLabel { get; init; }

    public IReadOnlyDictionary<string, string> ReplyLabels { get; init; } = new Dictionary<string, string>();
}

/// <summary>Length limits of the contact log: a reference number, a note, and the number of entries in one case.</summary>
public sealed record ProgressLimits(int Reference, int Note, int Entries);

/// <summary>
/// What a state of the contact log means for the questionnaire's "您已经做了什么": when <see cref="When"/> holds, each
/// single-choice question of <see cref="Set"/> is answered with its option (later rules win), so the rules react to what
/// was recorded exactly as to what was answered.
/// </summary>
public sealed record ProgressAnswerRule(ProgressCondition When, IReadOnlyDictionary<string, string> Set);

/// <summary>
/// Entries that restart the limitation period (a demand sent, a report made, a refusal to file the case learnt of): the
/// month question <see cref="Question"/> takes the latest month of an entry matching one of <see cref="When"/>, except a step
/// done by one of <see cref="NotByChannels"/> (a demand by telephone is no 主张权利文书, 诉讼时效规定第八条).
/// </summary>
public sealed record ProgressClaimRule(string Question, IReadOnlyList<ProgressCondition> When)
{
    public IReadOnlyList<string> NotByChannels { get; init; } = [];
}

/// <summary>seeds/progress.json: the vocabulary of the case file's contact log and what its entries mean for the plan.</summary>
public sealed record ProgressCatalog(ProgressLimits Limits, IReadOnlyList<ProgressOption> Channels, IReadOnlyList<ProgressOption> Replies, IReadOnlyList<ProgressStepRule> Steps)
{
    public static readonly ProgressCatalog Empty = new(new ProgressLimits(60, 200, 200), [], [], []);

    public IReadOnlyList<ProgressAnswerRule> Answers { get; init; } = [];

    public ProgressClaimRule? Claims { get; init; }

    /// <summary>How the log names an entry whose step is no longer in the rules (renamed or removed by an update).</summary>
    public string UnknownStep { get; init; } = string.Empty;

    public ProgressOption? Channel(string? id) => id is null ? null : Channels.FirstOrDefault(c => c.Id == id);

    public ProgressOption? Reply(string? id) => id is null ? null : Replies.FirstOrDefault(r => r.Id == id);

    /// <summary>The replies <paramref name="step"/> can receive, in the file's order; none for a step that only gets done.</summary>
    public IReadOnlyList<ProgressOption> RepliesFor(string step) =>
        Step(step) is { } rule ? [.. rule.Replies.Select(Reply).OfType<ProgressOption>().Select(o => rule.ReplyLabels.TryGetValue(o.Id, out var own) ? o with { Label = own } : o)] : [];

    public ProgressStepRule? Step(string step) => Steps.FirstOrDefault(s => s.Step == step);
}
