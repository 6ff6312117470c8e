using LeakRights.Core.Content;
using LeakRights.Web.Cases;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Case;

/// <summary>
/// Downloads the whole case as a file the person keeps (<see cref="CaseExport"/>): encrypted with a passphrase they choose, or
/// plain if they say so. The passphrase is never shown again, stored or logged.
/// </summary>
public sealed class ExportModel(CaseStore store, TimeProvider time) : PageModel
{
    public const string WithPassphrase = "passphrase";
    public const string Plain = "plain";

    /// <summary>False when the link does not open a case (the page says so, 404).</summary>
    public bool Found { get; private set; }

    public string CasePath { get; private set; } = string.Empty;

    public string Mode { get; private set; } = WithPassphrase;

    /// <summary>Messages by field: <c>mode</c>, <c>passphrase</c>, <c>confirm</c>.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, [FromRoute] string secret)
    {
        Response.Headers.CacheControl = PersonalPages.NoStoreWithForm;
        return await OpenAsync(id, secret) is null ? NotFoundPage() : Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string id, [FromRoute] string secret)
    {
        Response.Headers.CacheControl = "no-store";
        if (await OpenAsync(id, secret) is not { } opened)
        {
            return NotFoundPage();
        }

        var mode = Request.Form["mode"].ToString();
        string passphrase = Request.Form["passphrase"].ToString();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mode is not (WithPassphrase or Plain))
        {
            errors["mode"] = "请选择是否给文件设置密码。";
        }
        else if (mode == WithPassphrase)
        {
            Mode = WithPassphrase;
            if (CaseExport.CheckPassphrase(passphrase) is { } problem)
            {
                errors["passphrase"] = problem;
            }
            else if (passphrase != Request.Form["confirm"].ToString())
            {
                errors["confirm"] = "两次输入的密码不一样，请重新输入。";
            }
        }
        else
        {
            Mode = Plain;
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        var bytes = Mode == Plain ? CaseExport.WritePlain(opened.File) : CaseExport.WriteEncrypted(opened.File, passphrase);
        return File(bytes, "application/json", CaseExport.FileName(ChinaTime.Today(time)));
    }

    private async Task<OpenedCase?> OpenAsync(string id, string secret)
    {
        var opened = await store.OpenAsync(id, secret, HttpContext.RequestAborted);
        Found = opened is not null;
        CasePath = opened is null ? string.Empty : CaseCrypto.LinkPath(id, secret);
        return opened;
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
