namespace LeakRights.Core.Content;

/// <summary>A prefilled letter of the PDF plan (<c>seeds/letters.json</c>), included when the plan has <see cref="ForStep"/>.</summary>
public sealed record LetterTemplate(
    string Id,
    string ForStep,
    IReadOnlyList<string> CiteSteps,
    string Title,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Closing,
    IReadOnlyList<string> Signature)
{
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "your-name", "your-contact", "organisation", "organisation-address", "date", "discovered-on", "data-types",
        "discovery", "harms", "loss", "evidence", "authority", "contact-status", "citations", "scale",
    };
}

/// <summary>The letters and the blank printed where a value is missing (＿＿＿＿＿＿).</summary>
public sealed record LetterSet(string Blank, IReadOnlyList<LetterTemplate> Letters);
