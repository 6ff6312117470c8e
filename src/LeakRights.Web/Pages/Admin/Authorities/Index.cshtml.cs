using LeakRights.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Pages.Admin.Authorities;

public sealed class IndexModel(LeakRightsDbContext db) : PageModel
{
    public List<AuthorityEntity> Authorities { get; private set; } = [];

    public async Task OnGetAsync() => Authorities = await db.Authorities.AsNoTracking().OrderBy(a => a.SortOrder).ToListAsync();
}
