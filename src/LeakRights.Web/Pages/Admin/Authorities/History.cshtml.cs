using LeakRights.Core.Content;
using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin.Authorities;

public sealed class HistoryModel(ContentEditor editor) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public string Name { get; private set; } = string.Empty;

    public int Current { get; private set; }

    public List<AuthorityRevisionEntity> Revisions { get; private set; } = [];

    public string? DiffHtml { get; private set; }

    /// <summary>The database could not be written: the page says so (503) and shows the form again with what was typed.</summary>
    public bool SaveFailed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var a = await editor.FindAuthorityAsync(new AuthorityId(Id));
        if (a is null)
        {
            return NotFound();
        }

        (Name, Current) = (a.Name, a.Revision);
        Revisions = await editor.AuthorityHistoryAsync(new AuthorityId(Id));
        From ??= Revisions.Count > 1 ? Revisions[1].Revision : Current;
        To ??= Current;
        var from = Revisions.FirstOrDefault(r => r.Revision == From);
        var to = Revisions.FirstOrDefault(r => r.Revision == To);
        if (from is not null && to is not null)
        {
            DiffHtml = TextDiff.Html(ContentEditor.Describe(from.ToAuthority()), ContentEditor.Describe(to.ToAuthority()));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int revision)
    {
        var result = await editor.RestoreAuthorityAsync(new AuthorityId(Id), revision, User.Identity!.Name!, HttpContext.Connection.RemoteIpAddress?.ToString());
        switch (result.Outcome)
        {
            case EditOutcome.Saved:
                return Redirect($"/admin/authorities/{Id}?saved={result.CurrentRevision}");
            case EditOutcome.Unavailable:
                var page = await OnGetAsync();
                SaveFailed = true;
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return page;
            default:
                return NotFound();
        }
    }
}
