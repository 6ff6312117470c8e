namespace LeakRights.Web.Data;

/// <summary>A law or judicial interpretation. Seeded from seeds/statutes/; the metadata is not edited in the app.</summary>
public sealed class LawEntity
{
    public required string Id { get; set; }

    public required string Title { get; set; }

    public required string ShortTitle { get; set; }

    public string? DocumentNumber { get; set; }

    public required string Issuer { get; set; }

    public string? Adopted { get; set; }

    public string? Amended { get; set; }

    public required string Effective { get; set; }

    /// <summary>in-force or superseded.</summary>
    public required string Status { get; set; }

    public string? SupersededBy { get; set; }

    public string? InForceUntil { get; set; }

    public required string TextAsOf { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Provenance of the text (sources, verification); never shown as statute text.</summary>
    public required string SourceNote { get; set; }

    public List<ArticleEntity> Articles { get; set; } = [];
}

/// <summary>An article with its current text. Every change adds an <see cref="ArticleRevisionEntity"/>; <see cref="CurrentRevision"/> guards concurrent edits.</summary>
public sealed class ArticleEntity
{
    public int Id { get; set; }

    public required string LawId { get; set; }

    public LawEntity? Law { get; set; }

    /// <summary>Citation number: 1038, 253-1, 8, preamble.</summary>
    public required string Number { get; set; }

    public required string Label { get; set; }

    public int SortOrder { get; set; }

    public bool IsRepealed { get; set; }

    public required string Text { get; set; }

    public int CurrentRevision { get; set; }

    /// <summary>The date the current text was checked against its source or last edited (YYYY-MM-DD).</summary>
    public required string TextAsOf { get; set; }

    public List<ArticleRevisionEntity> Revisions { get; set; } = [];
}

public sealed class ArticleRevisionEntity
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public ArticleEntity? Article { get; set; }

    public int Revision { get; set; }

    public required string Text { get; set; }

    public required string Editor { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string ChangeNote { get; set; }

    /// <summary>The date from which this wording is in force (YYYY-MM-DD).</summary>
    public required string EffectiveDate { get; set; }
}

/// <summary>A competent authority or channel, seeded from seeds/authorities.json and correctable by admins.</summary>
public sealed class AuthorityEntity
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? Hotline { get; set; }

    public string? Website { get; set; }

    public required string Handles { get; set; }

    public required string HowTo { get; set; }

    public required string Status { get; set; }

    public required string StatusNote { get; set; }

    public string? LastVerified { get; set; }

    public int Revision { get; set; }

    public int SortOrder { get; set; }
}
