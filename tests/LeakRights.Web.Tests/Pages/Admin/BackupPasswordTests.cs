using System.Net;

namespace LeakRights.Web.Tests.Pages.Admin;

/// <summary>An import asks for the password again; without it nothing is imported (the file's content does not matter).</summary>
public sealed class BackupPasswordTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("not the password")]
    public async Task Post_ImportWithoutTheRightPassword_IsRefused(string? password)
    {
        using var s = await AdminSession.SignedInAsync(factory, "importer");
        var (_, page) = await s.GetAsync("/admin/backup");
        var token = page.QuerySelector<IHtmlInputElement>("form[enctype] input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent("{\"format\":\"other\"}"u8.ToArray()), "file", "backup.json" } };
        if (password is not null)
        {
            form.Add(new StringContent(password), "password");
        }

        var response = await s.Client.PostAsync("/admin/backup", form);
        var result = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("密码不正确，没有导入", result.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("不是 LeakRights 导出的内容文件", result.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ImportWithThePassword_ReachesTheImport()
    {
        using var s = await AdminSession.SignedInAsync(factory, "importer2");
        var (_, page) = await s.GetAsync("/admin/backup");
        var token = page.QuerySelector<IHtmlInputElement>("form[enctype] input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(AdminSession.Password), "password" }, { new ByteArrayContent("{\"format\":\"other\"}"u8.ToArray()), "file", "backup.json" } };

        var result = await WebSession.ParseAsync(await s.Client.PostAsync("/admin/backup", form));

        Assert.DoesNotContain("密码不正确", result.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(result.QuerySelector(".error-summary"));
    }
}
