using LeakRights.Core.Content;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Statutes;

public sealed class IndexModel(PlanService plans) : PageModel
{
    public IReadOnlyList<Law> Laws { get; private set; } = [];

    public void OnGet() => Laws = plans.Content.Laws;
}
