using System.Net;
using LeakRights.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Tests.Pages.Admin;

public sealed class PasswordTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    private static IEnumerable<KeyValuePair<string, string>> Form(string current, string next, string confirm) =>
        Fields.Of(("CurrentPassword", current), ("NewPassword", next), ("ConfirmPassword", confirm));

    [Fact]
    public async Task Post_ValidChange_KeepsThisSessionEndsOthersAndTheNewPasswordWorks()
    {
        using var here = await AdminSession.SignedInAsync(factory, "changer");
        using var elsewhere = await AdminSession.SignedInAsync(factory, "changer");
        var (_, page) = await here.GetAsync("/admin/password");

        var response = await here.SubmitAsync(page, Form(AdminSession.Password, "a brand new passphrase", "a brand new passphrase"));
        var (_, done) = await here.FollowAsync(response);
        var stillHere = await here.Client.GetAsync("/admin");
        var otherSession = await elsewhere.Client.GetAsync("/admin");
        using var fresh = new WebSession(factory);
        var newPassword = await AdminSession.SignInAsync(fresh, "changer", "a brand new passphrase");
        var oldPassword = await AdminSession.SignInAsync(fresh, "changer", AdminSession.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("密码已修改", done.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, otherSession.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Kind == AuditKinds.PasswordChanged && e.Actor == "changer"));
    }

    [Theory]
    [InlineData("correct horse battery", "short", "short", "f-new", "至少需要 12 个字符")]
    [InlineData("correct horse battery", "a long new password", "a long new passwort", "f-confirm", "两次输入的新密码不一样")]
    [InlineData("not my password at all", "a long new password", "a long new password", "f-current", "当前密码不正确")]
    [InlineData("", "a long new password", "a long new password", "f-current", "请填写当前密码")]
    public async Task Post_Invalid_ShowsChineseErrorAndClearsPasswordFields(string current, string next, string confirm, string field, string message)
    {
        var user = "pw-" + field[2..];
        using var s = await AdminSession.SignedInAsync(factory, user);
        var (_, page) = await s.GetAsync("/admin/password");

        var response = await s.SubmitAsync(page, Form(current, next, confirm));
        var result = await WebSession.ParseAsync(response);
        var fresh = new WebSession(factory);
        var oldPasswordStillWorks = await AdminSession.SignInAsync(fresh, user, AdminSession.Password);
        fresh.Dispose();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = result.QuerySelector($"[data-error-summary] a[href='#{field}']");
        Assert.NotNull(error);
        Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
        Assert.All(result.QuerySelectorAll<IHtmlInputElement>("main input[type=password]"), i => Assert.Empty(i.Value));
        Assert.Equal(HttpStatusCode.Redirect, oldPasswordStillWorks.StatusCode);
    }
}
