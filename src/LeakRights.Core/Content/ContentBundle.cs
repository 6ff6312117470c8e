namespace LeakRights.Core.Content;

/// <summary>
/// Everything loaded from <c>seeds/</c>, compiled and validated together: the questionnaire, the rules with their wording
/// and deadline clocks attached, authorities, statutes and letters with their bindings.
/// </summary>
public sealed class ContentBundle(
    Questionnaire questionnaire,
    RuleSet rules,
    IReadOnlyList<Authority> authorities,
    IReadOnlyList<Law> laws,
    LetterSet letters)
{
    public Questionnaire Questionnaire { get; } = questionnaire;

    public RuleSet Rules { get; } = rules;

    public IReadOnlyList<Authority> Authorities { get; } = authorities;

    public IReadOnlyList<Law> Laws { get; } = laws;

    public LetterSet Letters { get; } = letters;

    /// <summary>The contact log's channels and replies (seeds/progress.json).</summary>
    public ProgressCatalog Progress { get; init; } = ProgressCatalog.Empty;

    /// <summary>The public-interest route and the referral letter's template (seeds/public-interest.json, issue 16).</summary>
    public PublicInterestContent PublicInterest { get; init; } = PublicInterestContent.Empty;
}
