using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Pages.Admin;

public sealed class IndexModel(LeakRightsDbContext db, RuleCitationWarnings warnings) : PageModel
{
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public int ArticleCount { get; private set; }

    public int EditedCount { get; private set; }

    public int AuthorityCount { get; private set; }

    public async Task OnGetAsync()
    {
        Warnings = warnings.Current().Select(w => w.Text).ToList();
        ArticleCount = await db.Articles.CountAsync();
        EditedCount = await db.Articles.CountAsync(a => a.CurrentRevision > 1);
        AuthorityCount = await db.Authorities.CountAsync();
    }
}
