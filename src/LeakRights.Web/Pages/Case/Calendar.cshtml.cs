using LeakRights.Core.Pdf;
using LeakRights.Web.Cases;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Case;

/// <summary>
/// A case's subscribable calendar (webcal://…/case/{id}/{secret}/calendar.ics): the plan's deadlines recomputed from the
/// contact log each time a calendar app polls it, so events move as the case moves. Event text names only steps and
/// deadlines; organisation names and reference numbers only when the person opted in. A link that does not open is a 404
/// with no body (a calendar app shows nothing either way).
/// </summary>
public sealed class CalendarModel(CaseStore cases, PlanService plans) : PageModel
{
    public const string CalendarName = "维权期限（LeakRights）";

    public async Task<IActionResult> OnGetAsync(string id, string secret, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var opened = await cases.OpenAsync(id, secret, cancellationToken);
        if (opened is null)
        {
            return NotFound();
        }

        var file = opened.File;
        var plan = plans.Build(file.Answers, file.LetterFields, file.Progress);
        Func<Core.Rules.PlanCalendarEvent, string?>? details = null;
        if (file.CalendarDetails)
        {
            var organisation = file.Answers.Text("organisation-name");
            details = e =>
            {
                var done = e.Step is null ? null : plan.Steps.FirstOrDefault(s => s.Key == e.Step)?.Progress.Done;
                var parts = new[] { organisation is null ? null : $"单位：{organisation}", done?.Entry.Reference is { } r ? $"编号：{r}" : null };
                return string.Join("；", parts.Where(p => p is not null));
            };
        }

        var ics = PlanCalendar.ToIcs(plan, CalendarName, details);
        return File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "leakrights-case.ics");
    }
}
