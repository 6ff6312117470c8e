namespace LeakRights.Core.Content;

/// <summary>Everything loaded from <c>seeds/</c>: questionnaire, rules, wording, authorities and statutes, validated together.</summary>
public sealed class ContentBundle(
    Questionnaire questionnaire,
    RuleSet rules,
    TextCatalog texts,
    IReadOnlyList<Authority> authorities,
    IReadOnlyList<Law> laws,
    LetterSet letters)
{
    public Questionnaire Questionnaire { get; } = questionnaire;

    public RuleSet Rules { get; } = rules;

    public TextCatalog Texts { get; } = texts;

    public IReadOnlyList<Authority> Authorities { get; } = authorities;

    public IReadOnlyList<Law> Laws { get; } = laws;

    public LetterSet Letters { get; } = letters;
}
