using LeakRights.Web.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Admin;

/// <summary>The `admin …` commands, run in-process against a shared host; each test uses its own account names.</summary>
public sealed class AdminCliTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>, IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private Task<int> RunAsync(string stdin, params string[] args)
    {
        factory.CreateClient().Dispose();
        return AdminCli.RunAsync(factory.Services, args, new StringReader(stdin), _output, _error);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task Run_CreateListDisable_WorkAndRefuseShortPasswords()
    {
        var tooShort = await RunAsync("short\n", "create", "frank", "--password-stdin");
        var created = await RunAsync("a long enough password\n", "create", "frank", "--password-stdin");
        var listed = await RunAsync(string.Empty, "list");
        var disabled = await RunAsync(string.Empty, "disable", "frank");
        var usage = await RunAsync(string.Empty, "frobnicate");

        Assert.Equal([1, 0, 0, 0, 2], new[] { tooShort, created, listed, disabled, usage });
        Assert.Contains("至少需要 12 个字符", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("frank\tactive", _output.ToString(), StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        var user = await db.AdminUsers.SingleAsync(u => u.UserName == "frank");
        Assert.True(user.IsDisabled);
        Assert.DoesNotContain("a long enough password", user.PasswordHash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", user.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Unlock_ClearsALockout()
    {
        await RunAsync("a long enough password\n", "create", "locked-out", "--password-stdin");
        await LockAsync("locked-out");

        var unlocked = await RunAsync(string.Empty, "unlock", "locked-out");
        var missing = await RunAsync(string.Empty, "unlock", "no-such-admin");

        Assert.Equal([0, 1], new[] { unlocked, missing });
        Assert.Equal(SignInOutcome.Success, await SignInAsync("locked-out", "a long enough password"));
    }

    [Fact]
    public async Task Run_Enable_LetsADisabledAccountSignInAgain()
    {
        await RunAsync("a long enough password\n", "create", "returning", "--password-stdin");
        await RunAsync(string.Empty, "disable", "returning");
        var whileDisabled = await SignInAsync("returning", "a long enough password");

        var enabled = await RunAsync(string.Empty, "enable", "returning");

        Assert.Equal(SignInOutcome.Failed, whileDisabled);
        Assert.Equal(0, enabled);
        Assert.Equal(SignInOutcome.Success, await SignInAsync("returning", "a long enough password"));
    }

    [Fact]
    public async Task Run_SetPassword_ReplacesThePasswordEndsSessionsAndRefusesShortOnes()
    {
        await RunAsync("a long enough password\n", "create", "forgetful", "--password-stdin");
        await LockAsync("forgetful");
        await using var before = factory.CreateDbContext();
        var oldStamp = (await before.AdminUsers.SingleAsync(u => u.UserName == "forgetful")).SecurityStamp;

        var tooShort = await RunAsync("short\n", "set-password", "forgetful", "--password-stdin");
        var set = await RunAsync("the new long password\n", "set-password", "forgetful", "--password-stdin");

        Assert.Equal([1, 0], new[] { tooShort, set });
        Assert.Equal(SignInOutcome.Failed, await SignInAsync("forgetful", "a long enough password"));
        Assert.Equal(SignInOutcome.Success, await SignInAsync("forgetful", "the new long password"));
        await using var after = factory.CreateDbContext();
        Assert.NotEqual(oldStamp, (await after.AdminUsers.SingleAsync(u => u.UserName == "forgetful")).SecurityStamp);
    }

    private async Task LockAsync(string user)
    {
        for (var i = 0; i <= AdminAccounts.MaxFailedAttempts; i++)
        {
            await SignInAsync(user, "not the password");
        }

        Assert.Equal(SignInOutcome.Failed, await SignInAsync(user, "a long enough password"));
    }

    private async Task<SignInOutcome> SignInAsync(string user, string password)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AdminAccounts>().SignInAsync(user, password, "192.0.2.9")).Outcome;
    }
}
