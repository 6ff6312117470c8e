using System.Security.Claims;
using System.Text.RegularExpressions;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Admin;

public enum SignInOutcome
{
    Success,
    Failed,
    LockedOut,
}

/// <summary>
/// Admin accounts: creation (CLI only — there is no default account), sign-in with lockout after five failures for
/// fifteen minutes, disabling. Hashing is the framework's <see cref="PasswordHasher{TUser}"/>.
/// </summary>
public sealed partial class AdminAccounts(LeakRightsDbContext db, AuditLog audit, TimeProvider time)
{
    public const int MinPasswordLength = 12;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const string StampClaim = "leakrights:stamp";

    private static readonly PasswordHasher<AdminUser> Hasher = new();

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    /// <summary>Creates an account; returns an error message (in Chinese) or null.</summary>
    public async Task<string?> CreateAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        userName = userName.Trim();
        if (!UserNameRegex().IsMatch(userName))
        {
            return "用户名只能包含字母、数字、点、下划线和连字符，长度 3–64。";
        }

        if (password.Length < MinPasswordLength)
        {
            return $"密码至少需要 {MinPasswordLength} 个字符。";
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
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.AdminUsers.Add(user);
        audit.Add(AuditKinds.AccountCreated, "cli", userName, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public Task<List<AdminUser>> ListAsync(CancellationToken cancellationToken = default) =>
        db.AdminUsers.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);

    public async Task<bool> DisableAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = Normalize(userName);
        var user = await db.AdminUsers.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (user is null)
        {
            return false;
        }

        user.IsDisabled = true;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Add(AuditKinds.AccountDisabled, "cli", user.UserName, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<(SignInOutcome Outcome, AdminUser? User)> SignInAsync(string userName, string password, string? ip, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var normalized = Normalize(userName ?? string.Empty);
        var user = await db.AdminUsers.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        var shownName = user?.UserName ?? Clip(userName ?? string.Empty);
        if (user is null || user.IsDisabled)
        {
            // Hash anyway so an unknown name takes as long as a wrong password.
            Hasher.VerifyHashedPassword(new AdminUser { UserName = "x", NormalizedUserName = "X", PasswordHash = string.Empty, SecurityStamp = string.Empty }, DummyHash, password ?? string.Empty);
            audit.Add(AuditKinds.SignInFailed, shownName, null, user is null ? "unknown user" : "disabled", ip);
            await db.SaveChangesAsync(cancellationToken);
            return (SignInOutcome.Failed, null);
        }

        if (user.LockoutEndUtc > now)
        {
            audit.Add(AuditKinds.SignInFailed, user.UserName, null, "locked out", ip);
            await db.SaveChangesAsync(cancellationToken);
            return (SignInOutcome.LockedOut, null);
        }

        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? string.Empty);
        if (result == PasswordVerificationResult.Failed)
        {
            user.FailedAttempts++;
            audit.Add(AuditKinds.SignInFailed, user.UserName, null, $"wrong password ({user.FailedAttempts}/{MaxFailedAttempts})", ip);
            if (user.FailedAttempts >= MaxFailedAttempts)
            {
                user.LockoutEndUtc = now.Add(LockoutDuration);
                user.FailedAttempts = 0;
                audit.Add(AuditKinds.Lockout, user.UserName, null, $"locked for {LockoutDuration.TotalMinutes} minutes", ip);
            }

            await db.SaveChangesAsync(cancellationToken);
            return (user.LockoutEndUtc > now ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password!);
        }

        user.FailedAttempts = 0;
        user.LockoutEndUtc = null;
        audit.Add(AuditKinds.SignIn, user.UserName, null, null, ip);
        await db.SaveChangesAsync(cancellationToken);
        return (SignInOutcome.Success, user);
    }

    public static ClaimsPrincipal Principal(AdminUser user, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.UserName), new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(StampClaim, user.SecurityStamp)],
            scheme));

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

    private static readonly string DummyHash = Hasher.HashPassword(new AdminUser { UserName = "x", NormalizedUserName = "X", PasswordHash = string.Empty, SecurityStamp = string.Empty }, Guid.NewGuid().ToString());

    private static string Clip(string s) => new string(s.Where(c => !char.IsControl(c)).Take(64).ToArray());

    [GeneratedRegex("^[A-Za-z0-9._-]{3,64}$")]
    private static partial Regex UserNameRegex();
}
