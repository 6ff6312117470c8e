using LeakRights.Core.Answers;

namespace LeakRights.Core.Cases;

/// <summary>Whether a contact-log entry records doing a step (sent, filed, called) or a reply to it.</summary>
public enum ProgressKind
{
    /// <summary>The person did the step on <see cref="ProgressEntry.On"/> (sent the request, filed the complaint, reported).</summary>
    Done,

    /// <summary>The other side replied on <see cref="ProgressEntry.On"/> (<see cref="ProgressEntry.Reply"/>: answered, refused, 已受案…).</summary>
    Reply,
}

/// <summary>
/// One line of a case's contact log: a step of the plan done, or a reply to it, on a day (China time), with the channel
/// (seeds/progress.json <c>channels</c>), a reference (EMS number, 工单号, 受案回执 number) and a short note. The plan is
/// recomputed from these entries; they are stored only inside the encrypted case.
/// </summary>
public sealed record ProgressEntry(string Id, string Step, ProgressKind Kind, DateOnly On, string? Channel, string? Reference, string? Note, string? Reply);

/// <summary>
/// A saved case: the answers, the letter details (name, contact, address, account of events), the contact log and the
/// person's choices. This is the whole plaintext of a case; it exists only in memory while a request is served and inside
/// the ciphertext at rest (docs/decisions/0009).
/// </summary>
public sealed record CaseFile(
    AnswerSet Answers,
    IReadOnlyDictionary<string, string> LetterFields,
    IReadOnlyList<ProgressEntry> Progress,
    DateOnly CreatedOn)
{
    /// <summary>The payload version this app writes (<see cref="CaseFileJson"/> reads every earlier one).</summary>
    public const int CurrentVersion = 1;

    /// <summary>The person chose to have organisation names and reference numbers in the subscribed calendar's events.</summary>
    public bool CalendarDetails { get; init; }

    public CaseFile WithEntry(ProgressEntry entry) => this with { Progress = [.. Progress, entry] };

    public CaseFile WithoutEntry(string entryId) => this with { Progress = [.. Progress.Where(e => e.Id != entryId)] };
}
