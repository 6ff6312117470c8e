using LeakRights.Core.Content;

namespace LeakRights.Web.Data;

/// <summary>A law or judicial interpretation. Seeded from seeds/statutes/; the metadata is not edited in the app.</summary>
public sealed class LawEntity
{
    public required string Id { get; set; }

    public required string Title { get; set; }

    public required string ShortTitle { get; set; }

    public string? DocumentNumber { get; set; }

    public required string Issuer { get; set; }

    public DateOnly? Adopted { get; set; }

    public DateOnly? Amended { get; set; }

    public required DateOnly Effective { get; set; }

    /// <summary>Stored as its name (in-force, superseded).</summary>
    public required LawStatus Status { get; set; }

    public string? SupersededBy { get; set; }

    public DateOnly? InForceUntil { get; set; }

    public required DateOnly TextAsOf { get; set; }

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

    /// <summary>The date the current text was checked against its source or last edited.</summary>
    public required DateOnly TextAsOf { get; set; }

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

    /// <summary>The date from which this wording is in force.</summary>
    public required DateOnly EffectiveDate { get; set; }
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

    /// <summary>Stored as its name (confirmed-law-text, …, not-confirmed).</summary>
    public required ConfirmationStatus Status { get; set; }

    public required string StatusNote { get; set; }

    public DateOnly? LastVerified { get; set; }

    public int Revision { get; set; }

    public int SortOrder { get; set; }

    public static AuthorityEntity From(Authority a, int revision, int sortOrder) => new()
    {
        Id = a.Id.Value,
        Name = a.Name,
        Hotline = a.Hotline,
        Website = a.Website,
        Handles = a.Handles,
        HowTo = a.HowTo,
        Status = a.Status,
        StatusNote = a.StatusNote,
        LastVerified = a.LastVerified,
        Revision = revision,
        SortOrder = sortOrder,
    };

    public Authority ToAuthority() => new(new AuthorityId(Id), Name, Hotline, Website, Handles, HowTo, Status, StatusNote, LastVerified);

    /// <summary>Sets every field an admin may change from <paramref name="a"/> (the id and sort order stay).</summary>
    public void Apply(Authority a)
    {
        Name = a.Name;
        Hotline = a.Hotline;
        Website = a.Website;
        Handles = a.Handles;
        HowTo = a.HowTo;
        Status = a.Status;
        StatusNote = a.StatusNote;
        LastVerified = a.LastVerified;
    }
}
