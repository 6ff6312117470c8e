using LeakRights.Core.Content;

namespace LeakRights.Web.Data;

/// <summary>A staff account for the admin area. Passwords are hashed with the framework's <c>PasswordHasher&lt;T&gt;</c>.</summary>
public sealed class AdminUser
{
    public int Id { get; set; }

    public required string UserName { get; set; }

    /// <summary>Upper-cased user name, unique, for case-insensitive sign-in.</summary>
    public required string NormalizedUserName { get; set; }

    public required string PasswordHash { get; set; }

    public bool IsDisabled { get; set; }

    /// <summary>Failed sign-ins from all clients since <see cref="FailureWindowStartUtc"/> (the account-wide ceiling).</summary>
    public int FailedAttempts { get; set; }

    public DateTime? FailureWindowStartUtc { get; set; }

    /// <summary>Set when the account-wide ceiling is reached; clients that signed in recently are not held by it.</summary>
    public DateTime? LockoutEndUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Changes on sign-out, password change and disabling, so every existing sign-in cookie stops working.</summary>
    public required string SecurityStamp { get; set; }
}

/// <summary>
/// Failed sign-ins for one account from one client (an IPv4 address or an IPv6 /64): five in a row lock that client out
/// of that account for 15 minutes, without locking the account for everyone else. See docs/decisions/0008.
/// </summary>
public sealed class AdminSignInThrottle
{
    public long Id { get; set; }

    public int AdminUserId { get; set; }

    public required string Client { get; set; }

    public int FailedAttempts { get; set; }

    public DateTime? LockoutEndUtc { get; set; }

    public DateTime LastAttemptUtc { get; set; }

    /// <summary>The last successful sign-in from this client: such a client is not held by the account-wide lock.</summary>
    public DateTime? LastSuccessUtc { get; set; }
}

/// <summary>Every change of an authority's details: a full snapshot, so any two can be compared and any restored.</summary>
public sealed class AuthorityRevisionEntity
{
    public int Id { get; set; }

    public required string AuthorityId { get; set; }

    public int Revision { get; set; }

    public required string Name { get; set; }

    public string? Hotline { get; set; }

    public string? Website { get; set; }

    public required string Handles { get; set; }

    public required string HowTo { get; set; }

    public required ConfirmationStatus Status { get; set; }

    public required string StatusNote { get; set; }

    public DateOnly? LastVerified { get; set; }

    public required string Editor { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string ChangeNote { get; set; }

    /// <summary>A snapshot of the authority as it is now, recorded as its revision <see cref="AuthorityEntity.Revision"/>.</summary>
    public static AuthorityRevisionEntity Of(AuthorityEntity a, string editor, DateTime createdAtUtc, string changeNote) => new()
    {
        AuthorityId = a.Id,
        Revision = a.Revision,
        Name = a.Name,
        Hotline = a.Hotline,
        Website = a.Website,
        Handles = a.Handles,
        HowTo = a.HowTo,
        Status = a.Status,
        StatusNote = a.StatusNote,
        LastVerified = a.LastVerified,
        Editor = editor,
        CreatedAtUtc = createdAtUtc,
        ChangeNote = changeNote,
    };

    public Authority ToAuthority() => new(new LeakRights.Core.Content.AuthorityId(AuthorityId), Name, Hotline, Website, Handles, HowTo, Status, StatusNote, LastVerified);
}

public static class AuditKinds
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string Lockout = "lockout";
    public const string ArticleEdited = "article-edited";
    public const string ArticleAdded = "article-added";
    public const string ArticleRepealed = "article-repealed";
    public const string ArticleRestored = "article-restored";
    public const string AuthorityEdited = "authority-edited";
    public const string AuthorityRestored = "authority-restored";
    public const string Imported = "imported";
    public const string AccountCreated = "account-created";
    public const string AccountDisabled = "account-disabled";
    public const string AccountEnabled = "account-enabled";
    public const string AccountUnlocked = "account-unlocked";
    public const string PasswordChanged = "password-changed";
    public const string ReauthenticationFailed = "password-confirmation-failed";
    public const string IncidentCreated = "incident-created";
    public const string IncidentEdited = "incident-edited";
    public const string IncidentPublished = "incident-published";
    public const string IncidentUnpublished = "incident-unpublished";
}

/// <summary>
/// An append-only audit record: sign-ins and every content change. There is no UI to edit or delete it. Repeated failed
/// sign-ins for one account from one address within 15 minutes share one row whose <see cref="Count"/> goes up.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime TimeUtc { get; set; }

    public required string Kind { get; set; }

    public required string Actor { get; set; }

    public string? Target { get; set; }

    public string? Detail { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>How many events this row stands for (more than 1 only for repeated failed sign-ins).</summary>
    public int Count { get; set; } = 1;
}
