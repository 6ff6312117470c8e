using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LeakRights.Core.Answers;
using LeakRights.Web.Cases;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Tests.Pages.Case;

public sealed partial class ImportTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    [GeneratedRegex("^/case/[A-Za-z0-9_-]{12}/[A-Za-z0-9_-]{22}$")]
    private static partial Regex CaseLinkPath();

    [Fact]
    public async Task Get_ShowsTheUploadForm()
    {
        using var s = new WebSession(factory);

        var (response, page) = await s.GetAsync("/case/import");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("multipart/form-data", page.QuerySelector("main form")!.GetAttribute("enctype"));
        Assert.NotNull(page.QuerySelector("input[name=file][type=file]"));
        Assert.NotNull(page.QuerySelector("input[name=passphrase][type=password]"));
    }

    [Fact]
    public async Task ExportWithPassphraseThenImport_NewCaseWithTheSameContent()
    {
        var link = await ExportImportSession.StoredCaseAsync(factory);
        using var s = new WebSession(factory);
        var file = await ExportImportSession.DownloadAsync(s, link, ("mode", "passphrase"), ("passphrase", "我的案件密码2026"), ("confirm", "我的案件密码2026"));

        var response = await ExportImportSession.ImportAsync(s, file, "我的案件密码2026");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(CaseLinkPath(), location);
        Assert.NotEqual(link.Path, location);
        var original = await ExportImportSession.OpenAsync(factory, link.Path);
        var imported = await ExportImportSession.OpenAsync(factory, location);
        Assert.NotNull(imported);
        Assert.Equal(1, imported.Version);
        Assert.Equal(Encoding.UTF8.GetString(LeakRights.Core.Cases.CaseFileJson.Write(original!.File)), Encoding.UTF8.GetString(LeakRights.Core.Cases.CaseFileJson.Write(imported.File)));
    }

    [Fact]
    public async Task ExportPlainThenImport_NewCaseWithTheSameContent()
    {
        var link = await ExportImportSession.StoredCaseAsync(factory);
        using var s = new WebSession(factory);
        var file = await ExportImportSession.DownloadAsync(s, link, ("mode", "plain"));

        var response = await ExportImportSession.ImportAsync(s, file, passphrase: null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var imported = await ExportImportSession.OpenAsync(factory, response.Headers.Location!.OriginalString);
        Assert.Equal("某银行某支行", ((TextAnswer)imported!.File.Answers.Values["organisation-name"]).Value);
        Assert.Equal("EA123456789CN", imported.File.Progress[0].Reference);
        Assert.True(imported.File.CalendarDetails);
    }

    [Fact]
    public async Task Import_WrongPassphrase_FormAgainWithTheMessageNothingCreatedAndPassphraseNotEchoed()
    {
        var link = await ExportImportSession.StoredCaseAsync(factory);
        using var s = new WebSession(factory);
        var file = await ExportImportSession.DownloadAsync(s, link, ("mode", "passphrase"), ("passphrase", "right passphrase"), ("confirm", "right passphrase"));
        var before = await CountAsync();

        var response = await ExportImportSession.ImportAsync(s, file, "wrong passphrase XYZ");
        var html = await response.Content.ReadAsStringAsync();
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("密码不对", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#f-passphrase")!.GetAttribute("aria-invalid"));
        Assert.DoesNotContain("wrong passphrase XYZ", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Import_EncryptedFileWithoutPassphrase_AsksForIt()
    {
        var link = await ExportImportSession.StoredCaseAsync(factory);
        using var s = new WebSession(factory);
        var file = await ExportImportSession.DownloadAsync(s, link, ("mode", "passphrase"), ("passphrase", "right passphrase"), ("confirm", "right passphrase"));

        var page = await WebSession.ParseAsync(await ExportImportSession.ImportAsync(s, file, passphrase: null));

        Assert.Contains("这个文件设置了密码", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"format":"leakrights-content","v":1,"laws":[]}""", "这不是本站下载的案件文件")]
    [InlineData("just some text", "这不是本站下载的案件文件")]
    [InlineData("""{"format":"leakrights-case","v":1,"encrypted":false,"case":{"v":1,"answers":"broken"}}""", "文件已经损坏")]
    [InlineData("""{"format":"leakrights-case","v":9,"encrypted":false,"case":{}}""", "更新版本")]
    public async Task Import_NotACaseFileOrDamaged_FormAgainWithTheReasonAndNothingCreated(string text, string message)
    {
        using var s = new WebSession(factory);
        var before = await CountAsync();

        var response = await ExportImportSession.ImportAsync(s, Encoding.UTF8.GetBytes(text), passphrase: null);
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#f-file")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Import_FileOver256KB_FormAgainSayingTooBig()
    {
        using var s = new WebSession(factory);

        var response = await ExportImportSession.ImportAsync(s, new byte[(256 * 1024) + 1], passphrase: null);
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("文件太大了", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NoFile_FormAgainAskingForOne()
    {
        using var s = new WebSession(factory);

        var page = await WebSession.ParseAsync(await ExportImportSession.ImportAsync(s, [], passphrase: null));

        Assert.Contains("请选择要导入的案件文件", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithoutAntiforgeryToken_IsRefused()
    {
        using var s = new WebSession(factory);

        var response = await ExportImportSession.ImportAsync(s, Encoding.UTF8.GetBytes("{}"), passphrase: null, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>The import is the one page here that writes: a database that cannot be written is the 503 page saying nothing is lost.</summary>
    [Fact]
    public async Task Import_DatabaseCannotBeWritten_503PageInChineseAndNothingCreated()
    {
        var link = await ExportImportSession.StoredCaseAsync(factory);
        var readOnly = new QueryOnlySwitch();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddLeakRightsDbInterceptor(readOnly)));
        using var s = new WebSession(app);
        var file = await ExportImportSession.DownloadAsync(s, link, ("mode", "plain"));
        var before = await CountAsync();

        readOnly.On = true;
        var response = await ExportImportSession.ImportAsync(s, file, passphrase: null);
        readOnly.On = false;
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("暂时无法打开案件", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(CaseStoreUnavailableException.Message503, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    private async Task<int> CountAsync()
    {
        using var db = factory.CreateDbContext();
        return await db.Cases.CountAsync();
    }
}
