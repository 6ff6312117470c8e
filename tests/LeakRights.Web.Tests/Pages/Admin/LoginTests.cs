using System.Net;
using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Pages.Admin;

/// <summary>
/// One host for the whole class: every test uses its own account names, so lockouts and sessions cannot leak between
/// tests. Tests that move the clock only move it forward, which no other test here depends on.
/// </summary>
public sealed class LoginTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    [Fact]
    public async Task SignIn_CorrectPassword_OpensAdminAndIsAudited()
    {
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
        factory.CreateClient().Dispose();
        await AdminSession.CreateAccountAsync(factory, "bob");
        using var s = new WebSession(factory);

        var response = await AdminSession.SignInAsync(s, "bob", "wrong password!!");
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("bob", page.QuerySelector<IHtmlInputElement>("#f-username")!.Value);
        Assert.Empty(page.QuerySelector<IHtmlInputElement>("#f-password")!.Value);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Kind == AuditKinds.SignInFailed && e.Actor == "bob"));
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksForFifteenMinutes()
    {
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

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Kind == AuditKinds.Lockout && e.Actor == "dave"));
    }

    [Fact]
    public async Task SignIn_LockedAccountAndUnknownUser_GetTheSameAnswer()
    {
        factory.CreateClient().Dispose();
        await AdminSession.CreateAccountAsync(factory, "grace");
        using var s = new WebSession(factory);
        for (var i = 0; i < 5; i++)
        {
            await AdminSession.SignInAsync(s, "grace", "not the password");
        }

        var locked = await AdminSession.SignInAsync(s, "grace", AdminSession.Password);
        var unknown = await AdminSession.SignInAsync(s, "nobody-here", AdminSession.Password);

        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        Assert.Equal(ErrorText(await WebSession.ParseAsync(unknown)), ErrorText(await WebSession.ParseAsync(locked)));
    }

    [Fact]
    public async Task SignIn_UnknownUser_AuditsUnknownAccountNotTheTypedText()
    {
        factory.CreateClient().Dispose();
        using var s = new WebSession(factory);

        await AdminSession.SignInAsync(s, "13800138000", "whatever it is");

        await using var db = factory.CreateDbContext();
        Assert.DoesNotContain(await db.AuditEntries.ToListAsync(), e => $"{e.Actor} {e.Target} {e.Detail}".Contains("13800138000", StringComparison.Ordinal));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Kind == AuditKinds.SignInFailed && e.Actor == "unknown account"));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var s = await AdminSession.SignedInAsync(factory, "henry");
        var (_, page) = await s.GetAsync("/admin");

        await s.SubmitAsync(page, [], "form.signout");
        var after = await s.Client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task SignOut_OldCookieReplayed_RedirectsToLogin()
    {
        factory.CreateClient().Dispose();
        await AdminSession.CreateAccountAsync(factory, "ivan");
        using var s = new WebSession(factory);
        var cookie = AdminCookie(await AdminSession.SignInAsync(s, "ivan", AdminSession.Password));
        var (_, page) = await s.GetAsync("/admin");

        await s.SubmitAsync(page, [], "form.signout");
        using var thief = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var home = new HttpRequestMessage(HttpMethod.Get, "/admin");
        home.Headers.Add("Cookie", cookie);
        using var export = new HttpRequestMessage(HttpMethod.Get, "/admin/backup?handler=Export");
        export.Headers.Add("Cookie", cookie);
        var homeResponse = await thief.SendAsync(home);
        var exportResponse = await thief.SendAsync(export);

        Assert.Equal(HttpStatusCode.Redirect, homeResponse.StatusCode);
        Assert.Contains("/admin/login", homeResponse.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, exportResponse.StatusCode);
    }

    [Fact]
    public async Task DisabledAccount_LosesItsSessionAtOnce()
    {
        using var s = await AdminSession.SignedInAsync(factory, "erin");
        using (var scope = factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AdminAccounts>().DisableAsync("erin"));
        }

        var response = await s.Client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Session_Idle31Minutes_SignsOut()
    {
        using var s = await AdminSession.SignedInAsync(factory, "judy");

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var response = await s.Client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Session_ActiveEvery20Minutes_StaysOpenButEndsAfterEightHours()
    {
        using var s = await AdminSession.SignedInAsync(factory, "kate");
        var statuses = new List<HttpStatusCode>();
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(8) - TimeSpan.FromMinutes(20); elapsed += TimeSpan.FromMinutes(20))
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            statuses.Add((await s.Client.GetAsync("/admin")).StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(21));
        var afterEightHours = await s.Client.GetAsync("/admin");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.Redirect, afterEightHours.StatusCode);
    }

    private static string ErrorText(IDocument page) => page.QuerySelector("[data-error-summary]")?.TextContent.Trim() ?? "(no error shown)";

    /// <summary>The admin cookie as a browser would send it back ("lr_admin=…").</summary>
    public static string AdminCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AdminAuthentication.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
}
