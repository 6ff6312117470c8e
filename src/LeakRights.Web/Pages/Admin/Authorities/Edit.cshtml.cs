using LeakRights.Core.Content;
using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin.Authorities;

public sealed class EditModel(ContentEditor editor) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public string? Hotline { get; set; }

    [BindProperty]
    public string? Website { get; set; }

    [BindProperty]
    public string Handles { get; set; } = string.Empty;

    [BindProperty]
    public string HowTo { get; set; } = string.Empty;

    [BindProperty]
    public string Status { get; set; } = string.Empty;

    [BindProperty]
    public string StatusNote { get; set; } = string.Empty;

    [BindProperty]
    public string? LastVerified { get; set; }

    [BindProperty]
    public string Note { get; set; } = string.Empty;

    [BindProperty]
    public int ExpectedRevision { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    public string OriginalName { get; private set; } = string.Empty;

    public int CurrentRevision { get; private set; }

    public string? ConflictText { get; private set; }

    /// <summary>The database could not be written: the page says so (503) and shows the form again with what was typed.</summary>
    public bool SaveFailed { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IEnumerable<(string Value, string Label)> StatusOptions =>
        Enum.GetValues<ConfirmationStatus>().Select(s => (s.ToName(), AuthorityStatus.Describe(s)));

    public async Task<IActionResult> OnGetAsync()
    {
        var a = await editor.FindAuthorityAsync(new AuthorityId(Id));
        if (a is null)
        {
            return NotFound();
        }

        (Name, Hotline, Website, Handles, HowTo, Status, StatusNote) = (a.Name, a.Hotline, a.Website, a.Handles, a.HowTo, a.Status.ToName(), a.StatusNote);
        LastVerified = a.LastVerified is { } d ? ContentRules.FormatDate(d) : null;
        (OriginalName, CurrentRevision, ExpectedRevision) = (a.Name, a.Revision, a.Revision);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The form's text, trimmed and blanks as absent, is read once into the Core record; errors are keyed by field.
        var errors = ContentEditor.ValidateAuthority(
            new AuthorityId(Id), Trimmed(Name), Trimmed(Hotline), Trimmed(Website), Trimmed(Handles), Trimmed(HowTo), Status, Trimmed(StatusNote), Trimmed(LastVerified), Note, out var authority);
        var result = authority is null
            ? EditResult.Invalid(errors)
            : await editor.SaveAuthorityAsync(authority, Note ?? string.Empty, ExpectedRevision, User.Identity!.Name!, HttpContext.Connection.RemoteIpAddress?.ToString());
        switch (result.Outcome)
        {
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Saved:
                return RedirectToPage(new { Id, saved = result.CurrentRevision });
            case EditOutcome.Unavailable:
                SaveFailed = true;
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                break;
            case EditOutcome.Conflict:
                ConflictText = result.CurrentText;
                ExpectedRevision = result.CurrentRevision;
                break;
            default:
                Errors = result.Errors;
                break;
        }

        if (await editor.FindAuthorityAsync(new AuthorityId(Id)) is not { } current)
        {
            return NotFound();
        }

        (OriginalName, CurrentRevision) = (current.Name, current.Revision);
        return Page();
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
