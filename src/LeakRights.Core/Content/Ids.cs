namespace LeakRights.Core.Content;

/// <summary>
/// A citation of one article: law id and article number, written <c>law-id#number</c> in seeds and the API
/// (<c>pipl#47</c>, <c>criminal-law#253-1</c>). Compared as a pair, so <c>pipl#4</c> never matches <c>pipl#47</c>.
/// </summary>
public readonly record struct CitationRef(string LawId, string Number)
{

    public static string Format(string lawId, string articleNumber) => $"{lawId}#{articleNumber}";

    public static bool TryParse(string? value, out CitationRef reference)
    {
        var ok = TryParse(value ?? string.Empty, out var lawId, out var number);
        reference = ok ? new CitationRef(lawId, number) : default;
        return ok;
    }

    public static CitationRef Parse(string value) =>
        TryParse(value, out CitationRef reference) ? reference : throw new FormatException($"'{value}' is not a citation (law-id#article).");

    public static bool TryParse(string value, out string lawId, out string articleNumber)
    {
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        if (hash <= 0 || hash == value.Length - 1 || value.IndexOf('#', hash + 1) >= 0)
        {
            lawId = articleNumber = string.Empty;
            return false;
        }

        lawId = value[..hash];
        articleNumber = value[(hash + 1)..];
        return true;
    }

    public override string ToString() => Format(LawId, Number);
}

/// <summary>The id of an authority of <c>seeds/authorities.json</c> (<c>cac-12377</c>, <c>police</c>).</summary>
public readonly record struct AuthorityId(string Value)
{

    public override string ToString() => Value;
}

/// <summary>The id of a question of <c>seeds/questionnaire.json</c> (<c>discovered-on</c>).</summary>
public readonly record struct QuestionId(string Value)
{

    public override string ToString() => Value;
}
