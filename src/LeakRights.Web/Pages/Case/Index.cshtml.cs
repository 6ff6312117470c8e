using System.Security.Cryptography;
using LeakRights.Core.Answers;
using LeakRights.Core.Cases;
using LeakRights.Core.Content;
using LeakRights.Web.Cases;
using LeakRights.Web.Infrastructure;
using LeakRights.Web.Pages.Plan;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Case;

/// <summary>
/// A saved case (issue 13): the plan recomputed from the contact log, with forms to record each step done and each reply,
/// the log itself, the letter details kept in the case, the calendar to subscribe to, and deletion. Every way the link can
/// fail to open (missing id, wrong or truncated secret, deleted case) shows the same "无法打开" page.
/// </summary>
public sealed class IndexModel(CaseStore cases, PlanService plans, CitationMarkup citations, ContentBundle content, QuestionnaireWalker walker, AnswerDraftStore drafts, CaseEditMarker caseEdit, TimeProvider time) : PageModel
{
    private static readonly string[] ProgressFields = ["step", "kind", "on", "channel", "reference", "note", "reply"];

    public LeakRights.Core.Rules.Plan? Plan { get; private set; }

    public PlanBodyView? Body { get; private set; }

    public string Id { get; private set; } = string.Empty;

    public string Secret { get; private set; } = string.Empty;

    public OpenedCase? Case { get; private set; }

    public string BasePath => CaseCrypto.LinkPath(Id, Secret);

    /// <summary>The case link as the person should keep it (absolute, as this request reached the site).</summary>
    public string AbsoluteLink => $"{Request.Scheme}://{Request.Host}{BasePath}";

    /// <summary>The subscribable calendar: the same address with the webcal scheme (calendar apps poll it).</summary>
    public string WebcalLink => $"webcal://{Request.Host}{BasePath}/calendar.ics";

    public bool JustSaved { get; private set; }

    /// <summary>A message for the whole page after a post (saved, or why nothing was saved).</summary>
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string secret, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, secret, cancellationToken))
        {
            return NotOpened();
        }

        JustSaved = Request.Query.ContainsKey("saved");

        // Back on the case whose answers were being changed ("不改了"): the change is over.
        if (caseEdit.Read(HttpContext) is { } editing && editing.Id == id)
        {
            CaseEditMarker.Clear(HttpContext);
        }
        Notice = Request.Query["done"].ToString() switch
        {
            "progress" => "已记录。计划已经按新的情况重新计算。",
            "removed" => "已删除这条记录。",
            "letter" => "已把信函里的个人信息保存到案件。",
            "calendar" => "日历设置已保存。",
            "answers" => "已按修改后的回答重新计算计划；记录的进展和信函里的个人信息都保留了。",
            _ => null,
        };
        Show(null);
        return Page();
    }

    /// <summary>Records one entry of the contact log (a step done, or a reply) and recomputes the plan.</summary>
    public async Task<IActionResult> OnPostProgressAsync(string id, string secret, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, secret, cancellationToken))
        {
            return NotOpened();
        }

        var form = Request.Form;
        var fields = ProgressFields.ToDictionary(f => f, f => (string?)form[f].ToString(), StringComparer.Ordinal);
        var steps = Plan!.Steps.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var today = ChinaTime.Today(time);
        var parsed = new ProgressEntryParser(content.Progress).Parse(fields, steps, today, NewEntryId());
        var values = fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!, StringComparer.Ordinal);
        var again = new CaseProgressView(content.Progress.Channels, today, Case!.Version)
        {
            OpenStep = fields["step"],
            OpenKind = fields["kind"] is "reply" ? "reply" : "done",
            Values = values,
            Errors = parsed.Errors,
        };
        if (!parsed.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Show(again with { Notice = "没有保存：请按提示修改后再保存。您填写的内容还在。" });
            return Page();
        }

        if (Case.File.Progress.Count >= content.Progress.Limits.Entries)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Show(again with { Notice = $"一个案件最多记录 {content.Progress.Limits.Entries} 条进展，已经满了。可以先删除不需要的记录。" });
            return Page();
        }

        var result = await cases.SaveAsync(id, secret, Case.File.WithEntry(parsed.Entry!), Version(form), cancellationToken);
        return result switch
        {
            CaseSaveResult.Saved => Redirect($"{BasePath}?done=progress#step-{parsed.Entry!.Step}"),
            CaseSaveResult.Conflict => Conflict(again),
            _ => NotOpened(),
        };
    }

    /// <summary>"修改答案": the case's answers go to the check's review page, which saves the changes back into this case.</summary>
    public async Task<IActionResult> OnPostEditAnswersAsync(string id, string secret, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, secret, cancellationToken))
        {
            return NotOpened();
        }

        // A case's answers were a valid draft when the case was made, so they fit in the cookie.
        _ = drafts.Write(HttpContext, Case!.File.Answers);
        caseEdit.Set(HttpContext, new CaseLink(id, secret));
        return RedirectToPage("/Check/Review");
    }

    /// <summary>Removes one entry of the contact log (recorded by mistake).</summary>
    public async Task<IActionResult> OnPostRemoveEntryAsync(string id, string secret, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, secret, cancellationToken))
        {
            return NotOpened();
        }

        var entryId = Request.Form["entry"].ToString();
        if (Case!.File.Progress.All(e => e.Id != entryId))
        {
            return Redirect($"{BasePath}#log");
        }

        var result = await cases.SaveAsync(id, secret, Case.File.WithoutEntry(entryId), Version(Request.Form), cancellationToken);
        return result switch
        {
            CaseSaveResult.Saved => Redirect($"{BasePath}?done=removed#log"),
            CaseSaveResult.Conflict => Conflict(null),
            _ => NotOpened(),
        };
    }

    /// <summary>Keeps the letter details (name, contact, address, account of events) in the case, so every letter has them.</summary>
    public async Task<IActionResult> OnPostSaveLetterAsync(string id, string secret, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, secret, cancellationToken))
        {
            return NotOpened();
        }

        var (details, again) = DownloadForm.Read(BasePath, Request.Form, walker);
        if (!details.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Show(null, again with { CanSave = true, Version = Case!.Version, Letters = [.. Plan!.Letters.Select(l => (l.Id, l.Title.Text))] });
            Notice = "没有保存：请按提示修改信函里的个人信息。您填写的内容还在。";
            return Page();
        }

        var result = await cases.SaveAsync(id, secret, Case!.File with { LetterFields = details.Fields }, Version(Request.Form), cancellationToken);
        return result switch
        {
            CaseSaveResult.Saved => Redirect($"{BasePath}?done=letter#download-title"),
            CaseSaveResult.Conflict => Conflict(null),
            _ => NotOpened(),
        };
    }

    /// <summary>Whether the subscribed calendar may show organisation names and reference numbers (off by default).</summary>
    public async Task<IActionResult> OnPostCalendarAsync(string id, string secret, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, secret, cancellationToken))
        {
            return NotOpened();
        }

        var details = Request.Form["details"].ToString() == "on";
        var result = await cases.SaveAsync(id, secret, Case!.File with { CalendarDetails = details }, Version(Request.Form), cancellationToken);
        return result switch
        {
            CaseSaveResult.Saved => Redirect($"{BasePath}?done=calendar#calendar"),
            CaseSaveResult.Conflict => Conflict(null),
            _ => NotOpened(),
        };
    }

    /// <summary>Deletes the case at once (its row is removed); asks for a tick first so a slip of the thumb cannot.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string id, string secret, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, secret, cancellationToken))
        {
            return NotOpened();
        }

        if (Request.Form["confirm"].ToString() != "yes")
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Show(null);
            DeleteError = "请先勾选“我确定要删除这个案件”，再点删除。";
            return Page();
        }

        await cases.DeleteAsync(id, secret, cancellationToken);
        return RedirectToPage("/Case/Deleted");
    }

    public string? DeleteError { get; private set; }

    private static int Version(IFormCollection form) => int.TryParse(form["version"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;

    private static string NewEntryId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    private async Task<bool> LoadAsync(string id, string secret, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = PersonalPages.NoStoreWithForm;
        Case = await cases.OpenAsync(id, secret, cancellationToken);
        if (Case is null)
        {
            return false;
        }

        Id = id;
        Secret = secret;
        Plan = plans.Build(Case.File.Answers, Case.File.LetterFields, Case.File.Progress);
        return true;
    }

    private void Show(CaseProgressView? progress, DownloadForm? download = null)
    {
        var view = progress ?? new CaseProgressView(content.Progress.Channels, ChinaTime.Today(time), Case!.Version);
        Notice ??= view.Notice;
        Body = new PlanBodyView(Plan!, BasePath, plans.Content, citations, download ?? DownloadForm.Empty(BasePath, walker, Plan!, Case!.File.LetterFields) with { CanSave = true, Version = Case.Version })
        {
            Case = view,
        };
    }

    /// <summary>Another device saved first: show the case as it is now, with what was typed kept and a clear message.</summary>
    private PageResult Conflict(CaseProgressView? again)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        Show((again ?? new CaseProgressView(content.Progress.Channels, ChinaTime.Today(time), Case!.Version)) with
        {
            Version = Case!.Version,
            Errors = new Dictionary<string, string>(),
            Notice = "没有保存：这个案件刚刚在另一台设备（或另一个窗口）上更新过。下面已经显示最新的内容，您刚才填写的内容还在，请核对后再点一次保存。",
        });
        return Page();
    }

    private PageResult NotOpened()
    {
        Plan = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
