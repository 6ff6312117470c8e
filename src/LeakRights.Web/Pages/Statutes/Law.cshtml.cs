using LeakRights.Core.Content;
using LeakRights.Core.Markdown;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Statutes;

public sealed class LawModel(PlanService plans) : PageModel
{
    public Law? Law { get; private set; }

    public string? SupersededTitle { get; private set; }

    public string SourceNoteHtml { get; private set; } = string.Empty;

    public IActionResult OnGet([FromRoute] string law)
    {
        Law = plans.Content.FindLaw(law);
        if (Law is null)
        {
            return NotFound();
        }

        SupersededTitle = Law.SupersededBy is null ? null : plans.Content.FindLaw(Law.SupersededBy)?.Title;
        SourceNoteHtml = MarkdownRenderer.ToHtml(Law.SourceNote);
        return Page();
    }

    public string Html(Article article) => plans.Content.Html(Law!.Ref(article));
}
