using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Admin;

/// <summary>Lockout and audit rules, straight against the service on a shared host; each test uses its own account names.</summary>
public sealed class AdminAccountsTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    private const string Attacker = "203.0.113.5";
    private const string Office = "198.51.100.7";

    private async Task<(SignInOutcome Outcome, AdminUser? User)> SignInAsync(string user, string password, string ip)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AdminAccounts>().SignInAsync(user, password, ip);
    }

    private async Task CreateAsync(string user)
    {
        factory.CreateClient().Dispose();
        await Pages.Admin.AdminSession.CreateAccountAsync(factory, user);
    }

    [Fact]
    public async Task SignIn_25ParallelWrongPasswords_ChecksAtMostFive()
    {
        // Production's hash cost (100,000 rounds), not the tests' cheap one: the race lives in the time a check takes.
        var hasher = new CountingHasher();
        AdminAccounts Accounts(IServiceScope scope)
        {
            var db = scope.ServiceProvider.GetRequiredService<LeakRightsDbContext>();
            return new AdminAccounts(db, new AuditLog(db, factory.Clock), factory.Clock, hasher);
        }

        factory.CreateClient().Dispose();
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Null(await Accounts(scope).CreateAsync("racer", Pages.Admin.AdminSession.Password));
        }

        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 25).Select(_ => Task.Run(async () =>
        {
            using var scope = factory.Services.CreateScope();
            var accounts = Accounts(scope);
            start.Wait();
            return (await accounts.SignInAsync("racer", "wrong password", Attacker)).Outcome;
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.All(outcomes, o => Assert.Equal(SignInOutcome.Failed, o));
        Assert.InRange(hasher.RealChecks, 1, AdminAccounts.MaxFailedAttempts);
        Assert.Equal(SignInOutcome.Failed, (await SignInAsync("racer", Pages.Admin.AdminSession.Password, Attacker)).Outcome);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Kind == AuditKinds.Lockout && e.Actor == "racer"));
        Assert.Equal(hasher.RealChecks, await db.AuditEntries.Where(e => e.Actor == "racer" && e.Detail == "wrong password").SumAsync(e => e.Count));
    }

    [Fact]
    public async Task SignIn_AttackerKeepsFailingFromOneAddress_AdminElsewhereCanStillSignIn()
    {
        await CreateAsync("target");
        for (var round = 0; round < 4; round++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(round == 0 ? 0 : 16));
            for (var i = 0; i < 6; i++)
            {
                await SignInAsync("target", "guess " + i, Attacker);
            }
        }

        var attacker = await SignInAsync("target", Pages.Admin.AdminSession.Password, Attacker);
        var admin = await SignInAsync("target", Pages.Admin.AdminSession.Password, Office);

        Assert.Equal(SignInOutcome.Failed, attacker.Outcome);
        Assert.Equal(SignInOutcome.Success, admin.Outcome);
    }

    [Fact]
    public async Task SignIn_FailuresFromManyAddresses_LockTheAccountExceptForAKnownClient()
    {
        await CreateAsync("widely-attacked");
        Assert.Equal(SignInOutcome.Success, (await SignInAsync("widely-attacked", Pages.Admin.AdminSession.Password, Office)).Outcome);
        for (var address = 1; address <= AdminAccounts.MaxAccountFailuresPerWindow / AdminAccounts.MaxFailedAttempts; address++)
        {
            for (var i = 0; i < AdminAccounts.MaxFailedAttempts; i++)
            {
                await SignInAsync("widely-attacked", "guess " + i, $"192.0.2.{address}");
            }
        }

        var newAddress = await SignInAsync("widely-attacked", Pages.Admin.AdminSession.Password, "192.0.2.200");
        var knownAddress = await SignInAsync("widely-attacked", Pages.Admin.AdminSession.Password, Office);
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var newAddressLater = await SignInAsync("widely-attacked", Pages.Admin.AdminSession.Password, "192.0.2.201");

        Assert.Equal(SignInOutcome.Failed, newAddress.Outcome);
        Assert.Equal(SignInOutcome.Success, knownAddress.Outcome);
        Assert.Equal(SignInOutcome.Success, newAddressLater.Outcome);
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_ShareOneAuditRowPerWindow()
    {
        await CreateAsync("typo-prone");
        for (var i = 0; i < 3; i++)
        {
            await SignInAsync("typo-prone", "wrong " + i, Attacker);
            await SignInAsync("someone-else-entirely", "wrong " + i, Attacker);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        await SignInAsync("typo-prone", "wrong again", Attacker);

        await using var db = factory.CreateDbContext();
        var rows = await db.AuditEntries.Where(e => e.Kind == AuditKinds.SignInFailed && e.Actor == "typo-prone").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([3, 1], rows.Select(r => r.Count));
        Assert.DoesNotContain(await db.AuditEntries.ToListAsync(), e => e.Actor.Contains("someone-else", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData(null, "unknown")]
    [InlineData("not an address", "unknown")]
    public void ClientKey_Address_GroupsAnIPv6SubscriberBlock(string? ip, string expected) =>
        Assert.Equal(expected, AdminAccounts.ClientKey(ip));

    /// <summary>Counts password checks against real accounts (not the dummy hash used to equalise timing).</summary>
    private sealed class CountingHasher : IPasswordHasher<AdminUser>
    {
        private readonly PasswordHasher<AdminUser> _inner = new();
        private int _realChecks;

        public int RealChecks => Volatile.Read(ref _realChecks);

        public string HashPassword(AdminUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AdminUser user, string hashedPassword, string providedPassword)
        {
            if (user.Id != 0)
            {
                Interlocked.Increment(ref _realChecks);
            }

            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
