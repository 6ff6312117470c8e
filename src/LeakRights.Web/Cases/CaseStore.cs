using System.Security.Cryptography;
using LeakRights.Core.Answers;
using LeakRights.Core.Cases;
using LeakRights.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Cases;

/// <summary>A case's link: the id locates the row, the secret is the key and exists only here and in the person's hands.</summary>
public sealed record CaseLink(string Id, string Secret)
{
    /// <summary><c>/case/{id}/{secret}</c>.</summary>
    public string Path => CaseCrypto.LinkPath(Id, Secret);

    /// <summary>Never the secret: a link that reaches a log or an exception message by accident must not open the case.</summary>
    public override string ToString() => $"CaseLink {{ Id = {Id} }}";
}

/// <summary>A case opened with its link: the file, the version to send back with a save, and the answers an upgrade had to leave out.</summary>
public sealed record OpenedCase(CaseFile File, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<string> DroppedAnswers);

/// <summary>What a save did: <see cref="Saved"/> with the new version, <see cref="Conflict"/> (another device saved first), or <see cref="NotFound"/>.</summary>
public abstract record CaseSaveResult
{
    private CaseSaveResult()
    {
    }

    public sealed record Saved(int Version) : CaseSaveResult;

    /// <summary>The case changed since the version the caller read: nothing was written; open it again and re-apply the change.</summary>
    public sealed record Conflict : CaseSaveResult;

    /// <summary>No such case, or not this secret (the two are never told apart).</summary>
    public sealed record NotFound : CaseSaveResult;
}

/// <summary>The database could not be read or written. Nothing was half-written: every operation is one statement.</summary>
public sealed class CaseStoreUnavailableException : Exception
{
    /// <summary>What pages and the API tell the person (503).</summary>
    public const string Message503 = "暂时无法打开案件：网站的数据库暂时出了问题。请稍后再试，您的案件没有丢失。";

    public CaseStoreUnavailableException()
        : base("The case store could not reach the database.")
    {
    }

    public CaseStoreUnavailableException(string message)
        : base(message)
    {
    }

    public CaseStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Saved cases, encrypted with the key in their link (<see cref="CaseCrypto"/>, docs/decisions/0009). A missing id, a wrong
/// secret and a row that does not read are all "not found", and cost the same work. Saves are optimistic: a save names the
/// version it read and is refused (<see cref="CaseSaveResult.Conflict"/>) if another device saved in between, so no entry
/// is ever overwritten. Each operation is a single statement: a database failure leaves nothing half-written and is thrown
/// as <see cref="CaseStoreUnavailableException"/>. Ids, secrets and contents are never logged.
/// </summary>
public sealed partial class CaseStore(LeakRightsDbContext db, QuestionnaireWalker walker, TimeProvider time, ILogger<CaseStore> logger)
{
    /// <summary>Opening a case moves its last-used time forward at most this often (retention counts from it).</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromDays(1);

    private const int CreateAttempts = 3;

    /// <summary>Stores <paramref name="file"/> as a new case (version 1) and returns its link.</summary>
    public async Task<CaseLink> CreateAsync(CaseFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var payload = CaseFileJson.Write(file);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var link = new CaseLink(CaseCrypto.NewId(), CaseCrypto.NewSecret());
                var now = Now();
                db.Cases.Add(new CaseEntity { Id = link.Id, Sealed = CaseCrypto.Seal(link.Id, link.Secret, payload), CreatedAt = now, UpdatedAt = now, Version = 1 });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return link;
                }
                catch (DbUpdateException)
                {
                    // 72 random bits met an existing id: astronomically rare, but a new id is all it takes. Anything else is
                    // the database failing.
                    db.ChangeTracker.Clear();
                    if (attempt >= CreateAttempts || !await ExistsAsync(link.Id, cancellationToken))
                    {
                        throw;
                    }
                }
            }
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            db.ChangeTracker.Clear();
            throw Unavailable(ex, "create");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }
    }

    /// <summary>The case, or null for a malformed link, a missing id, a wrong secret or a row that does not read.</summary>
    public async Task<OpenedCase?> OpenAsync(string? id, string? secret, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, secret, cancellationToken) is not { } found)
        {
            return null;
        }

        var (row, payload) = found;
        CaseFileRead? read;
        try
        {
            read = CaseFileJson.Read(payload, walker);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }

        if (read is null)
        {
            // It opened with its key, so it is this person's case, written by a newer app or damaged. Never name the row.
            LogUnreadablePayload(logger);
            return null;
        }

        var updatedAt = row.UpdatedAt;
        var now = Now();
        if (now - updatedAt >= TouchInterval)
        {
            updatedAt = await TouchAsync(row, now, cancellationToken);
        }

        return new OpenedCase(read.File, row.Version, Utc(row.CreatedAt), Utc(updatedAt), read.DroppedAnswers);
    }

    /// <summary>
    /// Replaces the case with <paramref name="file"/> if it is still at <paramref name="expectedVersion"/>; otherwise nothing is
    /// written and the result is <see cref="CaseSaveResult.Conflict"/>.
    /// </summary>
    public async Task<CaseSaveResult> SaveAsync(string? id, string? secret, CaseFile file, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (await FindAsync(id, secret, cancellationToken) is not { } found)
        {
            return new CaseSaveResult.NotFound();
        }

        var (row, old) = found;
        CryptographicOperations.ZeroMemory(old);
        if (row.Version != expectedVersion)
        {
            return new CaseSaveResult.Conflict();
        }

        var payload = CaseFileJson.Write(file);
        byte[] sealedBlob;
        try
        {
            sealedBlob = CaseCrypto.Seal(row.Id, secret!, payload);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }

        var now = Now();
        var next = expectedVersion + 1;
        try
        {
            // One statement, conditional on the version read: two devices saving at once cannot both succeed.
            var changed = await db.Cases
                .Where(c => c.Id == row.Id && c.Version == expectedVersion)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Sealed, sealedBlob).SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.Version, next), cancellationToken);
            if (changed == 1)
            {
                return new CaseSaveResult.Saved(next);
            }

            return await ExistsAsync(row.Id, cancellationToken) ? new CaseSaveResult.Conflict() : new CaseSaveResult.NotFound();
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            throw Unavailable(ex, "save");
        }
    }

    /// <summary>Deletes the case (the row is gone, not flagged). False when there was nothing this link could delete.</summary>
    public async Task<bool> DeleteAsync(string? id, string? secret, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, secret, cancellationToken) is not { } found)
        {
            return false;
        }

        var (row, payload) = found;
        CryptographicOperations.ZeroMemory(payload);
        try
        {
            return await db.Cases.Where(c => c.Id == row.Id).ExecuteDeleteAsync(cancellationToken) > 0;
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            throw Unavailable(ex, "delete");
        }
    }

    /// <summary>The row and its decrypted payload, or null (after the same work) when the link does not open a case.</summary>
    private async Task<(CaseEntity Row, byte[] Payload)?> FindAsync(string? id, string? secret, CancellationToken cancellationToken)
    {
        // The shape is checked before the database is touched: nothing else reaches a query.
        if (!CaseCrypto.IsValidId(id) || !CaseCrypto.IsValidSecret(secret))
        {
            return null;
        }

        CaseEntity? row;
        try
        {
            row = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            throw Unavailable(ex, "open");
        }

        if (row is null)
        {
            CaseCrypto.OpenDummy(secret!);
            return null;
        }

        return CaseCrypto.Open(row.Id, secret!, row.Sealed) is { } payload ? (row, payload) : null;
    }

    private async Task<DateTime> TouchAsync(CaseEntity row, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            // Conditional on the time read: a save in between already moved it forward. The version is left alone, so a
            // device that read the case before keeps saving without a conflict.
            await db.Cases.Where(c => c.Id == row.Id && c.UpdatedAt == row.UpdatedAt).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), cancellationToken);
            return now;
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            // The person can still read their case; the retention clock moves on the next opening that can write.
            LogTouchFailed(logger, ex);
            return row.UpdatedAt;
        }
    }

    private async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken) =>
        await db.Cases.AsNoTracking().AnyAsync(c => c.Id == id, cancellationToken);

    /// <summary>Now in UTC to the whole second (the same value on every provider after a round trip).</summary>
    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    private static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    internal static bool IsDatabaseFailure(Exception ex) => DatabaseErrors.IsDatabaseFailure(ex);

    private CaseStoreUnavailableException Unavailable(Exception ex, string operation)
    {
        LogUnavailable(logger, ex, operation);
        return new CaseStoreUnavailableException($"The case store could not {operation} a case: the database failed.", ex);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Case {Operation} failed: the database could not be read or written. Nothing was changed; the person was asked to try again.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A case opened with its key but its payload could not be read (damaged, or written by a newer version of the app).")]
    private static partial void LogUnreadablePayload(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record that a case was used (retention counts from the last use); the case was opened anyway.")]
    private static partial void LogTouchFailed(ILogger logger, Exception exception);
}
