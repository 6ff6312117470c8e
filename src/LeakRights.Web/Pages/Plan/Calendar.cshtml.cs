using LeakRights.Core.Pdf;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Plan;

/// <summary>The plan's deadlines as an iCalendar file. Its own endpoint, so it shares the file downloads' rate limit.</summary>
public sealed class CalendarModel(PlanLinks links, PlanService plans) : PageModel
{
    public IActionResult OnGet([FromRoute] string token)
    {
        var answers = links.Open(token, out _);
        if (answers is null)
        {
            return RedirectToPage("/Plan/Index", new { token });
        }

        var plan = plans.Build(answers);
        Response.Headers.CacheControl = "no-store";
        return File(System.Text.Encoding.UTF8.GetBytes(PlanCalendar.ToIcs(plan)), "text/calendar; charset=utf-8", PlanCalendar.FileName(plan));
    }
}
