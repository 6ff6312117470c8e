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
    private Pdf.PdfFontSet? _pdfFonts;

    public Questionnaire Questionnaire { get; } = questionnaire;

    public RuleSet Rules { get; } = rules;

    public IReadOnlyList<Authority> Authorities { get; } = authorities;

    public IReadOnlyList<Law> Laws { get; } = laws;

    public LetterSet Letters { get; } = letters;

    /// <summary>The contact log's channels and replies (seeds/progress.json).</summary>
    public ProgressCatalog Progress { get; init; } = ProgressCatalog.Empty;

    /// <summary>The public-interest route and the referral letter's template (seeds/public-interest.json, issue 16).</summary>
    public PublicInterestContent PublicInterest { get; init; } = PublicInterestContent.Empty;

    /// <summary>
    /// Every character of the seeds' texts, each once, in code point order: public text only. The PDFs' shared font is made from it
    /// (<see cref="PdfFonts"/>), so it never holds a glyph because of what a person typed.
    /// </summary>
    public string PublicCharacters { get; init; } = string.Empty;

    /// <summary>The fonts every PDF of this content shares, built on first use (<see cref="Pdf.PdfFontSet"/>).</summary>
    public Pdf.PdfFontSet PdfFonts => _pdfFonts ??= Pdf.PdfFontSet.For(PublicCharacters);
}
