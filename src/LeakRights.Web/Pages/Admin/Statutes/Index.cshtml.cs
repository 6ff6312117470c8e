using LeakRights.Core.Content;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Pages.Admin.Statutes;

/// <summary>Lists articles, searchable by law, article number (1038 or 第一千零三十八条) or words in the text.</summary>
public sealed class IndexModel(LeakRightsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Law { get; set; }

    public List<LawEntity> Laws { get; private set; } = [];

    public List<ArticleEntity> Results { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Laws = await db.Laws.AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync();
        var query = db.Articles.AsNoTracking().Include(a => a.Law).AsQueryable();
        if (!string.IsNullOrWhiteSpace(Law))
        {
            query = query.Where(a => a.LawId == Law);
        }

        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            var number = ChineseNumerals.TryParseArticleLabel(q, out var parsed) ? parsed : q.Replace("第", string.Empty, StringComparison.Ordinal).Replace("条", string.Empty, StringComparison.Ordinal);
            query = query.Where(a => a.Number == number || a.Label.Contains(q) || a.Text.Contains(q) || a.Law!.Title.Contains(q) || a.Law.ShortTitle.Contains(q) || a.LawId == q);
        }

        Results = (await query.ToListAsync()).OrderBy(a => a.Law!.SortOrder).ThenBy(a => a.SortOrder).ToList();
    }
}
