using LeakRights.Core.Content;
using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin.Statutes;

/// <summary>Every revision of an article, a readable diff between any two, and restore (which is itself a new revision).</summary>
public sealed class HistoryModel(ContentEditor editor) : PageModel
{
    [FromRoute]
    public string Law { get; set; } = string.Empty;

    [FromRoute]
    public string Article { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public string Title { get; private set; } = string.Empty;

    public int Current { get; private set; }

    public List<ArticleRevisionEntity> Revisions { get; private set; } = [];

    public string? DiffHtml { get; private set; }

    /// <summary>The database could not be written: the page says so (503) and shows the form again with what was typed.</summary>
    public bool SaveFailed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var article = await editor.FindArticleAsync(new CitationRef(Law, Article));
        if (article is null)
        {
            return NotFound();
        }

        Title = $"{article.Law!.Title}{article.Label}";
        Current = article.CurrentRevision;
        Revisions = await editor.ArticleHistoryAsync(article.Id);
        From ??= Revisions.Count > 1 ? Revisions[1].Revision : Current;
        To ??= Current;
        var from = Revisions.FirstOrDefault(r => r.Revision == From);
        var to = Revisions.FirstOrDefault(r => r.Revision == To);
        if (from is not null && to is not null)
        {
            DiffHtml = TextDiff.Html(from.Text, to.Text);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int revision)
    {
        var result = await editor.RestoreArticleAsync(new CitationRef(Law, Article), revision, string.Empty, User.Identity!.Name!, HttpContext.Connection.RemoteIpAddress?.ToString());
        switch (result.Outcome)
        {
            case EditOutcome.Saved:
                return Redirect($"/admin/statutes/{Law}/{Article}?saved={result.CurrentRevision}");
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
