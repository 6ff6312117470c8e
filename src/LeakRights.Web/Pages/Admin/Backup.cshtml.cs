using System.Globalization;
using System.Text.Json;
using LeakRights.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin;

[RequestSizeLimit(MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxImportBytes)]
public sealed class BackupModel(ContentBackup backup, AdminAccounts accounts, TimeProvider time) : PageModel
{
    public const long MaxImportBytes = 20 * 1024 * 1024;

    public string? Message { get; private set; }

    public bool Succeeded { get; private set; }

    /// <summary>Why an import was refused, one problem a line.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var now = time.GetUtcNow();
        var file = await backup.ExportAsync(now.UtcDateTime);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(file, ContentBackup.Json);
        return File(bytes, "application/json", string.Create(CultureInfo.InvariantCulture, $"leakrights-content-{now:yyyyMMdd-HHmm}.json"));
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? password)
    {
        // An import replaces content: a left-open or stolen session alone is not enough, the password is asked again.
        if (!await accounts.ConfirmPasswordAsync(User, password, HttpContext.Connection.RemoteIpAddress?.ToString()))
        {
            Message = "密码不正确，没有导入。请输入您登录用的密码再试（连续输错 5 次需要等 15 分钟）。";
            return Page();
        }

        if (file is null || file.Length == 0)
        {
            Message = "请选择要导入的文件。";
            return Page();
        }

        await using var stream = file.OpenReadStream();
        Problems = await backup.ImportAsync(stream, User.Identity!.Name!, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        Succeeded = Problems.Count == 0;
        Message = Succeeded ? "导入完成。" : "没有导入：文件有以下问题，网站内容没有任何改动。";
        return Page();
    }
}
