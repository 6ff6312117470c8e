using LeakRights.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Pages.Admin;

/// <summary>Read-only view of the audit trail, newest first. There is deliberately no handler that changes entries.</summary>
public sealed class AuditModel(LeakRightsDbContext db) : PageModel
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];

    public bool HasMore { get; private set; }

    public async Task OnGetAsync()
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var rows = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
    }
}
