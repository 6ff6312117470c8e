using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Pages.Admin.Statutes;

public sealed class NewModel(ContentEditor editor, LeakRightsDbContext db) : PageModel
{
    [FromRoute]
    public string Law { get; set; } = string.Empty;

    [BindProperty]
    public string Label { get; set; } = string.Empty;

    [BindProperty]
    public string Text { get; set; } = string.Empty;

    [BindProperty]
    public string Note { get; set; } = string.Empty;

    [BindProperty]
    public string Effective { get; set; } = string.Empty;

    public string LawTitle { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>The database could not be written: the page says so (503) and shows the form again with what was typed.</summary>
    public bool SaveFailed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var law = await db.Laws.AsNoTracking().SingleOrDefaultAsync(l => l.Id == Law);
        if (law is null)
        {
            return NotFound();
        }

        LawTitle = law.Title;
        Effective = LeakRights.Core.Content.ContentRules.FormatDate(law.Effective);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await editor.AddArticleAsync(Law, Label ?? string.Empty, Text ?? string.Empty, Note ?? string.Empty, Effective ?? string.Empty, User.Identity!.Name!, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (result.Outcome == EditOutcome.NotFound)
        {
            return NotFound();
        }

        if (result.Outcome == EditOutcome.Saved)
        {
            var number = LeakRights.Core.Content.ChineseNumerals.TryParseArticleLabel(Label!.Trim(), out var n) ? n : string.Empty;
            return Redirect($"/admin/statutes/{Law}/{number}?saved=1");
        }

        LawTitle = (await db.Laws.AsNoTracking().SingleAsync(l => l.Id == Law)).Title;
        Errors = result.Errors;
        if (result.Outcome == EditOutcome.Unavailable)
        {
            SaveFailed = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }

        return Page();
    }
}
