using LeakRights.Core.Content;
using LeakRights.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin.Incidents;

/// <summary>Creates an incident (unpublished): every field checked by <see cref="IncidentEditor"/>; a mistake shows the form again as typed.</summary>
public sealed class NewModel(IncidentEditor editor, Questionnaire questionnaire) : PageModel
{
    [BindProperty]
    public IncidentForm Input { get; set; } = new();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public bool SaveFailed { get; private set; }

    public IncidentFormView View => new(Input, Errors, IsNew: true, questionnaire);

    public void OnGet() => Input.PadSources();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await editor.CreateAsync(Input, User.Identity!.Name!, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (result.Outcome == EditOutcome.Saved)
        {
            return Redirect($"/admin/incidents/{result.Slug}?saved={result.Revision}");
        }

        Errors = result.Errors;
        if (result.Outcome == EditOutcome.Unavailable)
        {
            SaveFailed = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }

        Input.PadSources();
        return Page();
    }
}
