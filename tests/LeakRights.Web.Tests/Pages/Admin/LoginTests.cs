using System.Net;
using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Pages.Admin;

public sealed class LoginTests
{
    [Fact]
    public async Task SignIn_CorrectPassword_OpensAdminAndIsAudited()
    {
        using var factory = new LeakRightsFactory();
        using var s = await AdminSession.SignedInAsync(factory, "alice");

        var (response, page) = await s.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("alice", page.QuerySelector(".signout")!.TextContent, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Kind == AuditKinds.SignIn && e.Actor == "alice"));
    }

    [Fact]
    public async Task SignIn_Cookie_IsHttpOnlyAndSameSiteStrict()
    {
        using var factory = new LeakRightsFactory();
        factory.CreateClient().Dispose();
        await AdminSession.CreateAccountAsync(factory, "carol");
        using var s = new WebSession(factory);

        var response = await AdminSession.SignInAsync(s, "carol", AdminSession.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AdminAuthentication.CookieName, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsChineseErrorAndAudits()
    {
        using var factory = new LeakRightsFactory();
        factory.CreateClient().Dispose();
        await AdminSession.CreateAccountAsync(factory, "bob");
        using var s = new WebSession(factory);

        var response = await AdminSession.SignInAsync(s, "bob", "wrong password!!");
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", page.Body!.TextContent, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Kind == AuditKinds.SignInFailed && e.Actor == "bob"));
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksForFifteenMinutes()
    {
        using var factory = new LeakRightsFactory();
        factory.CreateClient().Dispose();
        await AdminSession.CreateAccountAsync(factory, "dave");
        using var s = new WebSession(factory);
        for (var i = 0; i < 5; i++)
        {
            await AdminSession.SignInAsync(s, "dave", "not the password");
        }

        var locked = await AdminSession.SignInAsync(s, "dave", AdminSession.Password);
        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await AdminSession.SignInAsync(s, "dave", AdminSession.Password);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var open = await AdminSession.SignInAsync(s, "dave", AdminSession.Password);

        Assert.Contains("锁定", (await WebSession.ParseAsync(locked)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Kind == AuditKinds.Lockout && e.Actor == "dave"));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var factory = new LeakRightsFactory();
        using var s = await AdminSession.SignedInAsync(factory);
        var (_, page) = await s.GetAsync("/admin");

        await s.SubmitAsync(page, [], "form.signout");
        var after = await s.Client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task DisabledAccount_LosesItsSessionAtOnce()
    {
        using var factory = new LeakRightsFactory();
        using var s = await AdminSession.SignedInAsync(factory, "erin");
        using (var scope = factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AdminAccounts>().DisableAsync("erin"));
        }

        var response = await s.Client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Session_ExpiresAfterEightHours()
    {
        using var factory = new LeakRightsFactory();
        using var s = await AdminSession.SignedInAsync(factory);

        factory.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        var response = await s.Client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Cli_CreateListDisable_WorkAndRefuseShortPasswords()
    {
        using var factory = new LeakRightsFactory();
        factory.CreateClient().Dispose();
        var output = new StringWriter();
        var error = new StringWriter();

        var tooShort = await AdminCli.RunAsync(factory.Services, ["create", "frank", "--password-stdin"], new StringReader("short\n"), output, error);
        var created = await AdminCli.RunAsync(factory.Services, ["create", "frank", "--password-stdin"], new StringReader("a long enough password\n"), output, error);
        var listed = await AdminCli.RunAsync(factory.Services, ["list"], new StringReader(string.Empty), output, error);
        var disabled = await AdminCli.RunAsync(factory.Services, ["disable", "frank"], new StringReader(string.Empty), output, error);
        var usage = await AdminCli.RunAsync(factory.Services, ["frobnicate"], new StringReader(string.Empty), output, error);

        Assert.Equal([1, 0, 0, 0, 2], new[] { tooShort, created, listed, disabled, usage });
        Assert.Contains("至少需要 12 个字符", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("frank\tactive", output.ToString(), StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        var user = await db.AdminUsers.SingleAsync(u => u.UserName == "frank");
        Assert.True(user.IsDisabled);
        Assert.DoesNotContain("a long enough password", user.PasswordHash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", user.PasswordHash, StringComparison.Ordinal);
    }
}
