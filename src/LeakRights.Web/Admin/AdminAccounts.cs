using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.RegularExpressions;
using LeakRights.Web.Data;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Admin;

public enum SignInOutcome
{
    Success,

    /// <summary>Wrong password, unknown or disabled account, or locked out: deliberately one outcome, one answer.</summary>
    Failed,
}

/// <summary>
/// Admin accounts: creation and recovery (CLI only — there is no default account), sign-in, password change and the
/// password confirmation before an import. Hashing is the framework's <see cref="PasswordHasher{TUser}"/>.
/// Lockout (docs/decisions/0008): five failures in a row lock one client (address) out of one account for 15 minutes;
/// twenty failures within 15 minutes from all clients lock the account for 15 minutes, except for clients that signed in
/// to it in the last 30 days. An attempt reserves its slot in one SQL statement before the password is checked, so
/// parallel guesses cannot get more than five checks.
/// </summary>
public sealed partial class AdminAccounts(LeakRightsDbContext db, AuditLog audit, TimeProvider time, IPasswordHasher<AdminUser> hasher)
{
    public const int MinPasswordLength = 12;
    public const int MaxFailedAttempts = 5;
    public const int MaxAccountFailuresPerWindow = 20;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan KnownClientFor = TimeSpan.FromDays(30);
    public const string StampClaim = "leakrights:stamp";
    public const string SignedInAtClaim = "leakrights:signed-in-at";

    // A hash made by the same hasher (same iteration count) as real ones, checked when there is no real one to check.
    private static readonly ConditionalWeakTable<IPasswordHasher<AdminUser>, string> DummyHashes = new();
    private static readonly AdminUser DummyUser = new() { UserName = "x", NormalizedUserName = "X", PasswordHash = string.Empty, SecurityStamp = string.Empty };

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    /// <summary>Creates an account; returns an error message (in Chinese) or null.</summary>
    public async Task<string?> CreateAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        userName = userName.Trim();
        if (!UserNameRegex().IsMatch(userName))
        {
            return "用户名只能包含字母、数字、点、下划线和连字符，长度 3–64。";
        }

        if (PasswordProblem(password) is { } problem)
        {
            return problem;
        }

        var normalized = Normalize(userName);
        if (await db.AdminUsers.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
        {
            return $"用户 {userName} 已存在。";
        }

        var user = new AdminUser
        {
            UserName = userName,
            NormalizedUserName = normalized,
            PasswordHash = string.Empty,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            SecurityStamp = NewStamp(),
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.AdminUsers.Add(user);
        audit.Add(AuditKinds.AccountCreated, "cli", userName, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public static string? PasswordProblem(string password) =>
        password.Length < MinPasswordLength ? $"密码至少需要 {MinPasswordLength} 个字符。" : null;

    public Task<List<AdminUser>> ListAsync(CancellationToken cancellationToken = default) =>
        db.AdminUsers.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);

    public async Task<bool> DisableAsync(string userName, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userName, tracked: true, cancellationToken);
        if (user is null)
        {
            return false;
        }

        user.IsDisabled = true;
        user.SecurityStamp = NewStamp();
        audit.Add(AuditKinds.AccountDisabled, "cli", user.UserName, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Re-enables a disabled account and clears its lockouts (CLI).</summary>
    public async Task<bool> EnableAsync(string userName, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userName, tracked: true, cancellationToken);
        if (user is null)
        {
            return false;
        }

        user.IsDisabled = false;
        ClearLockout(user);
        await db.AdminSignInThrottles.Where(t => t.AdminUserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        audit.Add(AuditKinds.AccountEnabled, "cli", user.UserName, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Clears the account-wide lock and every client's lock for the account (CLI).</summary>
    public async Task<bool> UnlockAsync(string userName, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userName, tracked: true, cancellationToken);
        if (user is null)
        {
            return false;
        }

        ClearLockout(user);
        await db.AdminSignInThrottles.Where(t => t.AdminUserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        audit.Add(AuditKinds.AccountUnlocked, "cli", user.UserName, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Sets a new password from the server (CLI): ends every session and clears lockouts. Returns an error or null.</summary>
    public async Task<string?> SetPasswordAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        if (PasswordProblem(password) is { } problem)
        {
            return problem;
        }

        var user = await FindAsync(userName, tracked: true, cancellationToken);
        if (user is null)
        {
            return $"没有名为 {userName.Trim()} 的管理员账号。";
        }

        user.PasswordHash = hasher.HashPassword(user, password);
        user.SecurityStamp = NewStamp();
        ClearLockout(user);
        await db.AdminSignInThrottles.Where(t => t.AdminUserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        audit.Add(AuditKinds.PasswordChanged, "cli", user.UserName, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Checks a sign-in. Every failure — unknown or disabled account, lockout, wrong password — returns the same outcome
    /// after one password hash, so the answer and its timing do not tell which accounts exist.
    /// </summary>
    public async Task<(SignInOutcome Outcome, AdminUser? User)> SignInAsync(string userName, string password, string? ip, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userName ?? string.Empty, tracked: false, cancellationToken);
        if (!await CheckPasswordAsync(user, password ?? string.Empty, ip, AuditKinds.SignInFailed, cancellationToken))
        {
            return (SignInOutcome.Failed, null);
        }

        audit.Add(AuditKinds.SignIn, user!.UserName, null, null, ip);
        await db.SaveChangesAsync(cancellationToken);
        return (SignInOutcome.Success, user);
    }

    /// <summary>Asks a signed-in admin for their password again (before an import), under the same lockout rules.</summary>
    public async Task<bool> ConfirmPasswordAsync(ClaimsPrincipal principal, string? password, string? ip, CancellationToken cancellationToken = default)
    {
        var user = principal.Identity?.Name is { } name ? await FindAsync(name, tracked: false, cancellationToken) : null;
        return await CheckPasswordAsync(user, password ?? string.Empty, ip, AuditKinds.ReauthenticationFailed, cancellationToken);
    }

    /// <summary>
    /// Changes a signed-in admin's password: checks the current one (under the lockout rules), sets the new one and
    /// rotates the security stamp so every other session ends. Returns an error (in Chinese) or the updated account.
    /// </summary>
    public async Task<(string? Error, AdminUser? User)> ChangePasswordAsync(ClaimsPrincipal principal, string currentPassword, string newPassword, string? ip, CancellationToken cancellationToken = default)
    {
        if (PasswordProblem(newPassword) is { } problem)
        {
            return ("新" + problem, null);
        }

        var user = principal.Identity?.Name is { } name ? await FindAsync(name, tracked: false, cancellationToken) : null;
        if (!await CheckPasswordAsync(user, currentPassword, ip, AuditKinds.ReauthenticationFailed, cancellationToken))
        {
            return ("当前密码不正确（连续输错 5 次需要等 15 分钟再试）。", null);
        }

        var tracked = await db.AdminUsers.SingleAsync(u => u.Id == user!.Id, cancellationToken);
        tracked.PasswordHash = hasher.HashPassword(tracked, newPassword);
        tracked.SecurityStamp = NewStamp();
        audit.Add(AuditKinds.PasswordChanged, tracked.UserName, tracked.UserName, null, ip);
        await db.SaveChangesAsync(cancellationToken);
        return (null, tracked);
    }

    /// <summary>Ends every session of the signed-in account: the old cookie no longer matches the stamp.</summary>
    public async Task SignOutAsync(ClaimsPrincipal principal, string? ip, CancellationToken cancellationToken = default)
    {
        var name = principal.Identity?.Name;
        var stamp = principal.FindFirst(StampClaim)?.Value;
        if (name is null || stamp is null)
        {
            return;
        }

        var normalized = Normalize(name);
        var newStamp = NewStamp();
        if (await db.AdminUsers.Where(u => u.NormalizedUserName == normalized && u.SecurityStamp == stamp).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, newStamp), cancellationToken) == 1)
        {
            audit.Add(AuditKinds.SignOut, name, null, null, ip);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public ClaimsPrincipal Principal(AdminUser user, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(StampClaim, user.SecurityStamp),
                new Claim(SignedInAtClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ],
            scheme));

    /// <summary>When the principal signed in with a password (kept across cookie renewals, for the absolute session limit).</summary>
    public static DateTimeOffset? SignedInAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(SignedInAtClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>Whether a signed-in principal still belongs to an enabled account with the same security stamp.</summary>
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var name = principal.Identity?.Name;
        var stamp = principal.FindFirst(StampClaim)?.Value;
        if (name is null || stamp is null)
        {
            return false;
        }

        var normalized = Normalize(name);
        return await db.AdminUsers.AnyAsync(u => u.NormalizedUserName == normalized && !u.IsDisabled && u.SecurityStamp == stamp, cancellationToken);
    }

    /// <summary>The key a client's failures are counted under: its IPv4 address, or the /64 network of an IPv6 address (one subscriber's block).</summary>
    public static string ClientKey(string? ip) =>
        ip is not null && IPAddress.TryParse(ip, out var address) ? ClientAddress.Key(address) : "unknown";

    private async Task<bool> CheckPasswordAsync(AdminUser? user, string password, string? ip, string failureKind, CancellationToken cancellationToken)
    {
        if (user is null || user.IsDisabled)
        {
            VerifyDummy(password);
            await audit.FailureAsync(failureKind, user is null ? AuditLog.UnknownAccount : user.UserName, user is null ? "unknown account" : "disabled", ip, cancellationToken);
            return false;
        }

        var slot = await ReserveAttemptAsync(user.Id, ClientKey(ip), cancellationToken);
        if (slot is null)
        {
            // Locked: hash anyway so the answer takes as long as a wrong password.
            VerifyDummy(password);
            await audit.FailureAsync(failureKind, user.UserName, "locked out", ip, cancellationToken);
            return false;
        }

        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            await audit.FailureAsync(failureKind, user.UserName, "wrong password", ip, cancellationToken);
            if (slot.Value.LocksNow)
            {
                audit.Add(AuditKinds.Lockout, user.UserName, null, slot.Value.AccountWide ? $"account locked for {LockoutDuration.TotalMinutes} minutes after {MaxAccountFailuresPerWindow} failures from several addresses" : $"address locked for {LockoutDuration.TotalMinutes} minutes", ip);
                await db.SaveChangesAsync(cancellationToken);
                await PruneThrottlesAsync(cancellationToken);
            }

            return false;
        }

        await RecordSuccessAsync(user.Id, ClientKey(ip), slot.Value.CountedAccountWide, cancellationToken);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            var hash = hasher.HashPassword(user, password);
            await db.AdminUsers.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, hash), cancellationToken);
        }

        return true;
    }

    private void VerifyDummy(string password) =>
        hasher.VerifyHashedPassword(DummyUser, DummyHashes.GetValue(hasher, h => h.HashPassword(DummyUser, Guid.NewGuid().ToString("N"))), password);

    private readonly record struct Slot(bool LocksNow, bool AccountWide, bool CountedAccountWide);

    /// <summary>
    /// Counts an attempt before its password is checked, each counter in one statement that refuses when locked, and
    /// sets the lock with the fifth (or twentieth) attempt itself. Null when the client or the account is locked.
    /// </summary>
    private async Task<Slot?> ReserveAttemptAsync(int userId, string client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lockEnd = now + LockoutDuration;
        // The existing row's columns are named with their table: PostgreSQL refuses a bare name in DO UPDATE as ambiguous
        // (it could be the excluded row's); SQLite reads both spellings the same.
        var clientRow = await ExecuteReturningAsync(
            """
            INSERT INTO "AdminSignInThrottles" ("AdminUserId", "Client", "FailedAttempts", "LockoutEndUtc", "LastAttemptUtc", "LastSuccessUtc")
            VALUES (@user, @client, 1, NULL, @now, NULL)
            ON CONFLICT ("AdminUserId", "Client") DO UPDATE SET
                "FailedAttempts" = CASE WHEN "AdminSignInThrottles"."LockoutEndUtc" IS NOT NULL THEN 1 ELSE "AdminSignInThrottles"."FailedAttempts" + 1 END,
                "LockoutEndUtc" = CASE WHEN "AdminSignInThrottles"."LockoutEndUtc" IS NULL AND "AdminSignInThrottles"."FailedAttempts" + 1 >= @max THEN @lockEnd ELSE NULL END,
                "LastAttemptUtc" = @now
            WHERE "AdminSignInThrottles"."LockoutEndUtc" IS NULL OR "AdminSignInThrottles"."LockoutEndUtc" <= @now
            RETURNING "LockoutEndUtc", "LastSuccessUtc"
            """,
            [("@user", userId), ("@client", client), ("@now", now), ("@lockEnd", lockEnd), ("@max", MaxFailedAttempts)],
            cancellationToken);
        if (clientRow is null)
        {
            return null;
        }

        var clientLocksNow = clientRow[0] is not null;
        if (clientRow[1] is DateTime lastSuccess && lastSuccess > now - KnownClientFor)
        {
            return new Slot(clientLocksNow, AccountWide: false, CountedAccountWide: false);
        }

        var accountRow = await ExecuteReturningAsync(
            """
            UPDATE "AdminUsers" SET
                "FailedAttempts" = CASE WHEN "FailureWindowStartUtc" IS NULL OR "FailureWindowStartUtc" <= @windowStart THEN 1 ELSE "FailedAttempts" + 1 END,
                "FailureWindowStartUtc" = CASE WHEN "FailureWindowStartUtc" IS NULL OR "FailureWindowStartUtc" <= @windowStart THEN @now ELSE "FailureWindowStartUtc" END,
                "LockoutEndUtc" = CASE WHEN "FailureWindowStartUtc" > @windowStart AND "FailedAttempts" + 1 >= @max THEN @lockEnd ELSE NULL END
            WHERE "Id" = @user AND ("LockoutEndUtc" IS NULL OR "LockoutEndUtc" <= @now)
            RETURNING "LockoutEndUtc"
            """,
            [("@user", userId), ("@now", now), ("@windowStart", now - LockoutDuration), ("@lockEnd", lockEnd), ("@max", MaxAccountFailuresPerWindow)],
            cancellationToken);
        if (accountRow is null)
        {
            return null;
        }

        var accountLocksNow = accountRow[0] is not null;
        return new Slot(clientLocksNow || accountLocksNow, AccountWide: accountLocksNow, CountedAccountWide: true);
    }

    private async Task RecordSuccessAsync(int userId, string client, bool countedAccountWide, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.AdminSignInThrottles.Where(t => t.AdminUserId == userId && t.Client == client)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FailedAttempts, 0).SetProperty(t => t.LockoutEndUtc, (DateTime?)null).SetProperty(t => t.LastSuccessUtc, now), cancellationToken);
        if (countedAccountWide)
        {
            // The reservation counted this attempt as a possible failure: give it back.
            await db.AdminUsers.Where(u => u.Id == userId && u.FailedAttempts > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedAttempts, u => u.FailedAttempts - 1), cancellationToken);
        }
    }

    /// <summary>Forgets clients that have not tried for a day, are not locked and have not signed in for 30 days.</summary>
    private async Task PruneThrottlesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var quietSince = now - TimeSpan.FromDays(1);
        var knownSince = now - KnownClientFor;
        await db.AdminSignInThrottles
            .Where(t => t.LastAttemptUtc < quietSince && (t.LockoutEndUtc == null || t.LockoutEndUtc < now) && (t.LastSuccessUtc == null || t.LastSuccessUtc < knownSince))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Runs one statement with RETURNING and gives the first row's values, all date-times (DBNull as null), or null when no row changed.</summary>
    private async Task<object?[]?> ExecuteReturningAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = await reader.IsDBNullAsync(i, cancellationToken) ? null : reader.GetDateTime(i);
            }

            return values;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private Task<AdminUser?> FindAsync(string userName, bool tracked, CancellationToken cancellationToken)
    {
        var normalized = Normalize(userName);
        var query = tracked ? db.AdminUsers : db.AdminUsers.AsNoTracking();
        return query.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
    }

    private static void ClearLockout(AdminUser user)
    {
        user.FailedAttempts = 0;
        user.FailureWindowStartUtc = null;
        user.LockoutEndUtc = null;
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    [GeneratedRegex("^[A-Za-z0-9._-]{3,64}$")]
    private static partial Regex UserNameRegex();
}
