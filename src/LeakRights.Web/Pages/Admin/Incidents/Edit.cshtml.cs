using LeakRights.Core.Content;
using LeakRights.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin.Incidents;

/// <summary>Edits, publishes and withdraws one incident; each is a new revision with an audit entry (optimistic concurrency).</summary>
public sealed class EditModel(IncidentEditor editor, Questionnaire questionnaire) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public IncidentForm Input { get; set; } = new();

    [BindProperty]
    public int ExpectedRevision { get; set; }

    [BindProperty]
    public string? PublishNote { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    public string Organisation { get; private set; } = string.Empty;

    public int CurrentRevision { get; private set; }

    public bool IsPublished { get; private set; }

    public int AffectedCount { get; private set; }

    public string? ConflictEditor { get; private set; }

    public bool SaveFailed { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IncidentFormView View => new(Input, Errors, IsNew: false, questionnaire);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(fillForm: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync() =>
        await HandleAsync(await editor.SaveAsync(Slug, Input, ExpectedRevision, User.Identity!.Name!, Ip));

    public async Task<IActionResult> OnPostPublishAsync() =>
        await HandleAsync(await editor.SetPublishedAsync(Slug, publish: true, ExpectedRevision, PublishNote, User.Identity!.Name!, Ip), fillForm: true);

    public async Task<IActionResult> OnPostUnpublishAsync() =>
        await HandleAsync(await editor.SetPublishedAsync(Slug, publish: false, ExpectedRevision, PublishNote, User.Identity!.Name!, Ip), fillForm: true);

    private string? Ip => HttpContext.Connection.RemoteIpAddress?.ToString();

    private async Task<IActionResult> HandleAsync(IncidentEditResult result, bool fillForm = false)
    {
        switch (result.Outcome)
        {
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Saved:
                return Redirect($"/admin/incidents/{result.Slug}?saved={result.Revision}");
        }

        var expected = ExpectedRevision;
        if (!await LoadAsync(fillForm))
        {
            return NotFound();
        }

        ExpectedRevision = expected;
        switch (result.Outcome)
        {
            case EditOutcome.Unavailable:
                SaveFailed = true;
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                break;
            case EditOutcome.Conflict:
                ConflictEditor = result.OtherEditor;
                ExpectedRevision = result.Revision;
                break;
            default:
                Errors = result.Errors;
                break;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(bool fillForm)
    {
        var incident = await editor.FindAsync(Slug);
        if (incident is null)
        {
            return false;
        }

        Slug = incident.Slug;
        Organisation = incident.Organisation;
        CurrentRevision = incident.CurrentRevision;
        IsPublished = incident.IsPublished;
        AffectedCount = (await editor.AffectedCountsAsync()).GetValueOrDefault(incident.Id);
        if (fillForm)
        {
            Input = IncidentForm.From(incident);
            ExpectedRevision = incident.CurrentRevision;
        }
        else
        {
            Input.Slug = incident.Slug;
            Input.PadSources();
        }

        return true;
    }
}
