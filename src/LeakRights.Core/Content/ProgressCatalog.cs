namespace LeakRights.Core.Content;

/// <summary>A channel (邮寄/EMS, 邮件…) or a reply (答复了, 不予立案…) of the contact log, with the label people read.</summary>
public sealed record ProgressOption(string Id, string Label);

/// <summary>The replies a step of the plan can receive (seeds/progress.json <c>steps</c>).</summary>
public sealed record ProgressStepRule(string Step, IReadOnlyList<string> Replies);

/// <summary>Length limits of the contact log: a reference number, a note, and the number of entries in one case.</summary>
public sealed record ProgressLimits(int Reference, int Note, int Entries);

/// <summary>seeds/progress.json: the vocabulary of the case file's contact log.</summary>
public sealed record ProgressCatalog(ProgressLimits Limits, IReadOnlyList<ProgressOption> Channels, IReadOnlyList<ProgressOption> Replies, IReadOnlyList<ProgressStepRule> Steps)
{
    public static readonly ProgressCatalog Empty = new(new ProgressLimits(60, 200, 200), [], [], []);

    public ProgressOption? Channel(string? id) => id is null ? null : Channels.FirstOrDefault(c => c.Id == id);

    public ProgressOption? Reply(string? id) => id is null ? null : Replies.FirstOrDefault(r => r.Id == id);

    /// <summary>The replies <paramref name="step"/> can receive, in the file's order; none for a step that only gets done.</summary>
    public IReadOnlyList<ProgressOption> RepliesFor(string step) =>
        Steps.FirstOrDefault(s => s.Step == step) is { } rule ? [.. rule.Replies.Select(Reply).OfType<ProgressOption>()] : [];
}
