using LeakRights.Web.Cases;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Case;

/// <summary>
/// Imports a case file (<see cref="CaseExport"/>) as a NEW case and goes to its link. A file that cannot be imported shows
/// the form again with the reason; nothing is created and the passphrase is not shown again.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ImportModel(CaseExport export, CaseStore store) : PageModel
{
    /// <summary>The request may be larger than the file (the form around it); a file over <see cref="CaseExport.MaxFileBytes"/> gets the form's message.</summary>
    public const int MaxRequestBytes = 1024 * 1024;

    /// <summary>Messages by field: <c>file</c>, <c>passphrase</c>.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public void OnGet() => Response.Headers.CacheControl = PersonalPages.NoStoreWithForm;

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        Response.Headers.CacheControl = PersonalPages.NoStoreWithForm;
        var passphrase = Request.Form["passphrase"].ToString();
        if (file is null || file.Length == 0)
        {
            return Again("file", "请选择要导入的案件文件（下载时得到的 leakrights-case-….json）。");
        }

        if (file.Length > CaseExport.MaxFileBytes)
        {
            return Again("file", $"文件太大了（最大 {CaseExport.MaxFileBytes / 1024} KB），这不像是本站下载的案件文件。请选择下载时得到的 leakrights-case-….json 文件。");
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, HttpContext.RequestAborted);
        }

        var read = export.Read(bytes, passphrase.Length == 0 ? null : passphrase);
        switch (read.Outcome)
        {
            case CaseImportOutcome.Imported:
                var link = await store.CreateAsync(read.File!, HttpContext.RequestAborted);
                return Redirect(link.Path);
            case CaseImportOutcome.PassphraseNeeded:
                return Again("passphrase", "这个文件设置了密码，请输入下载时设置的密码。");
            case CaseImportOutcome.WrongPassphrase:
                return Again("passphrase", "密码不对，或者文件已经损坏。请检查密码（包括大小写）后再试。");
            case CaseImportOutcome.TooNew:
                return Again("file", "这个文件来自更新版本的网站，这里暂时无法导入。");
            case CaseImportOutcome.Corrupt:
                return Again("file", "文件已经损坏，无法读取。请用下载时得到的原文件再试。");
            default:
                return Again("file", "这不是本站下载的案件文件。请选择下载时得到的 leakrights-case-….json 文件。");
        }
    }

    private PageResult Again(string field, string message)
    {
        Errors = new Dictionary<string, string> { [field] = message };
        return Page();
    }
}
