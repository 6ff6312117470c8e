using LeakRights.Core.Content;
using LeakRights.Core.Markdown;
using LeakRights.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin.Statutes;

/// <summary>Edits one article: Markdown with a no-JavaScript preview, a required change note and effective date, optimistic concurrency.</summary>
public sealed class EditModel(ContentEditor editor, RuleCitationWarnings warnings) : PageModel
{
    [FromRoute]
    public string Law { get; set; } = string.Empty;

    [FromRoute]
    public string Article { get; set; } = string.Empty;

    [BindProperty]
    public string Text { get; set; } = string.Empty;

    [BindProperty]
    public string Note { get; set; } = string.Empty;

    [BindProperty]
    public string Effective { get; set; } = string.Empty;

    [BindProperty]
    public int ExpectedRevision { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    public string LawTitle { get; private set; } = string.Empty;

    public string Label { get; private set; } = string.Empty;

    public int CurrentRevision { get; private set; }

    public bool Repealed { get; private set; }

    public string? PreviewHtml { get; private set; }

    public EditResult? Conflict { get; private set; }

    public string? ConflictHtml { get; private set; }

    public string? ConflictDiff { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>The database could not be written: the page says so (503) and shows the form again with what was typed.</summary>
    public bool SaveFailed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(fillForm: true))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!await LoadAsync(fillForm: false))
        {
            return NotFound();
        }

        PreviewHtml = MarkdownRenderer.ToHtml(Text ?? string.Empty);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync() =>
        await HandleAsync(await editor.SaveArticleAsync(Reference, Text ?? string.Empty, Note ?? string.Empty, Effective ?? string.Empty, ExpectedRevision, User.Identity!.Name!, Ip));

    public async Task<IActionResult> OnPostRepealAsync() =>
        await HandleAsync(await editor.RepealArticleAsync(Reference, Note ?? string.Empty, Effective ?? string.Empty, ExpectedRevision, User.Identity!.Name!, Ip));

    private string? Ip => HttpContext.Connection.RemoteIpAddress?.ToString();

    public CitationRef Reference => new(Law, Article);

    private async Task<IActionResult> HandleAsync(EditResult result)
    {
        switch (result.Outcome)
        {
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Saved:
                return RedirectToPage(new { Law, Article, saved = result.CurrentRevision });
        }

        await LoadAsync(fillForm: false);
        if (result.Outcome == EditOutcome.Unavailable)
        {
            SaveFailed = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        else if (result.Outcome == EditOutcome.Conflict)
        {
            Conflict = result;
            ConflictHtml = MarkdownRenderer.ToHtml(result.CurrentText ?? string.Empty);
            ConflictDiff = TextDiff.Html(result.CurrentText ?? string.Empty, Text ?? string.Empty);
            ExpectedRevision = result.CurrentRevision;
        }
        else
        {
            Errors = result.Errors;
        }

        PreviewHtml = MarkdownRenderer.ToHtml(Text ?? string.Empty);
        return Page();
    }

    private async Task<bool> LoadAsync(bool fillForm)
    {
        var article = await editor.FindArticleAsync(Reference);
        if (article is null)
        {
            return false;
        }

        LawTitle = article.Law!.Title;
        Label = article.Label;
        CurrentRevision = article.CurrentRevision;
        Repealed = article.IsRepealed;
        Warnings = warnings.For(Reference).Select(w => w.Text).ToList();
        if (fillForm)
        {
            Text = article.Text;
            ExpectedRevision = article.CurrentRevision;
            var history = await editor.ArticleHistoryAsync(article.Id);
            Effective = ContentRules.FormatDate(history.FirstOrDefault()?.EffectiveDate ?? article.Law.Effective);
        }

        return true;
    }
}
