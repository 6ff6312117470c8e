using System.Net.Http.Headers;
using LeakRights.Web.Cases;
using LeakRights.Web.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Pages.Case;

/// <summary>Helpers for the export and import pages: a stored case to start from, and a file upload with the form's antiforgery token.</summary>
internal static class ExportImportSession
{
    public static async Task<CaseLink> StoredCaseAsync(LeakRightsFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var file = TestCases.BankFraud(factory.Services, TestCases.Sent("e1")) with { CalendarDetails = true };
        return await scope.ServiceProvider.GetRequiredService<CaseStore>().CreateAsync(file);
    }

    public static async Task<OpenedCase?> OpenAsync(LeakRightsFactory factory, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("case", parts[0]);
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CaseStore>().OpenAsync(parts[1], parts[2]);
    }

    /// <summary>Posts the import form with a file (as a browser does: multipart) and the passphrase field.</summary>
    public static async Task<HttpResponseMessage> ImportAsync(WebSession session, byte[] file, string? passphrase, bool withToken = true)
    {
        var (_, page) = await session.GetAsync("/case/import");
        var token = page.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(bytes, "file", "leakrights-case-20261127.json");
        content.Add(new StringContent(passphrase ?? string.Empty), "passphrase");
        if (withToken)
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return await session.Client.PostAsync("/case/import", content);
    }

    public static async Task<byte[]> DownloadAsync(WebSession session, CaseLink link, params (string Key, string Value)[] fields)
    {
        var (_, page) = await session.GetAsync(link.Path + "/export");
        var response = await session.SubmitAsync(page, Fields.Of(fields));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
