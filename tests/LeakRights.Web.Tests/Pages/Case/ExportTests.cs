using System.Net;
using System.Text.Json;
using LeakRights.Web.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Pages.Case;

public sealed class ExportTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    [Fact]
    public async Task Get_CaseLink_ShowsTheFormWithPassphraseChosen()
    {
        var link = await ExportImportSession.StoredCaseAsync(factory);
        using var s = new WebSession(factory);

        var (response, page) = await s.GetAsync(link.Path + "/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal("下载我的案件", page.QuerySelector("h1")!.TextContent);
        Assert.True(page.QuerySelector<IHtmlInputElement>("input[name=mode][value=passphrase]")!.IsChecked);
        Assert.NotNull(page.QuerySelector("input[name=passphrase][type=password]"));
        Assert.Equal(link.Path, page.QuerySelector("main .actions a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/case/AAAAAAAAAAAA/AAAAAAAAAAAAAAAAAAAAAA/export")]
    [InlineData("/case/AAAAAAAAAAAA/short/export")]
    public async Task Get_LinkThatOpensNothing_404CannotOpen(string path)
    {
        using var s = new WebSession(factory);

        var (response, page) = await s.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("无法打开这个案件", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("main form"));
    }

    [Fact]
    public async Task Post_Plain_DownloadsTheCaseAsDatedJson()
    {
        var link = await ExportImportSession.StoredCaseAsync(factory);
        using var s = new WebSession(factory);
        var (_, page) = await s.GetAsync(link.Path + "/export");

        var response = await s.SubmitAsync(page, Fields.Of(("mode", "plain")));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("leakrights-case-20261127.json", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.False(json.GetProperty("encrypted").GetBoolean());
        Assert.Equal("EA123456789CN", json.GetProperty("case").GetProperty("progress")[0].GetProperty("reference").GetString());
    }

    [Theory]
    [InlineData("short", "short", "passphrase", "至少要 8 个字符")]
    [InlineData("a long passphrase", "a long passphrase!", "confirm", "两次输入的密码不一样")]
    [InlineData("", "", "passphrase", "请设置一个密码")]
    public async Task Post_PassphraseProblem_FormAgainWithTheMessageAndNothingEchoed(string passphrase, string confirm, string field, string message)
    {
        var link = await ExportImportSession.StoredCaseAsync(factory);
        using var s = new WebSession(factory);
        var (_, page) = await s.GetAsync(link.Path + "/export");

        var response = await s.SubmitAsync(page, Fields.Of(("mode", "passphrase"), ("passphrase", passphrase), ("confirm", confirm)));
        var html = await response.Content.ReadAsStringAsync();
        var again = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, again.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"#f-{field}", again.QuerySelector("[data-error-summary] a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.All(again.QuerySelectorAll<IHtmlInputElement>("input[type=password]"), i => Assert.Equal(string.Empty, i.Value));
        if (passphrase.Length > 0)
        {
            Assert.DoesNotContain(passphrase, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var link = await ExportImportSession.StoredCaseAsync(factory);
        using var s = new WebSession(factory);

        var response = await s.Client.PostAsync(link.Path + "/export", new FormUrlEncodedContent(Fields.Of(("mode", "plain"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_CaseDeletedMeanwhile_404CannotOpen()
    {
        var link = await ExportImportSession.StoredCaseAsync(factory);
        using var s = new WebSession(factory);
        var (_, page) = await s.GetAsync(link.Path + "/export");
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CaseStore>().DeleteAsync(link.Id, link.Secret);
        }

        var response = await s.SubmitAsync(page, Fields.Of(("mode", "plain")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }
}
