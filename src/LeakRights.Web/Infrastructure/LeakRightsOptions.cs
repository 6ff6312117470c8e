using System.ComponentModel.DataAnnotations;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Settings under "LeakRights" in configuration. Bound and checked at start (<see cref="OptionsRegistration.AddValidatedOptions{T}"/>):
/// a value out of range stops the app with a message naming the setting. Each <see cref="DisplayAttribute"/> is the setting's
/// full configuration key, which is what the validation message names.
/// </summary>
public sealed class LeakRightsOptions
{
    public const string Section = "LeakRights";

    /// <summary>Folder with the content data (questionnaire, rules, authorities, statutes). Relative paths are resolved against the app's base directory.</summary>
    [Display(Name = Section + ":SeedsPath")]
    [Required(AllowEmptyStrings = false)]
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>How long a plan link stays valid.</summary>
    [Display(Name = Section + ":PlanLinkDays")]
    [Range(1, 3650)]
    public int PlanLinkDays { get; set; } = 30;

    /// <summary>How long the in-progress answers are kept in the browser's cookie.</summary>
    [Display(Name = Section + ":DraftHours")]
    [Range(1, 24 * 30)]
    public int DraftHours { get; set; } = 12;

    /// <summary>
    /// The largest draft cookie (name and value) the app sets. Browsers drop cookies over 4,096 bytes without a word, which
    /// would send the person back to step 1; over this size the step shows a message instead. Lowered only by tests.
    /// </summary>
    [Display(Name = Section + ":DraftCookieMaxLength")]
    [Range(256, 4096)]
    public int DraftCookieMaxLength { get; set; } = 4000;

    /// <summary>
    /// Saved cases not opened or saved for this many months are deleted (<c>Cases/CaseRetention</c>). Keeping cases forever
    /// is not offered: a case nobody uses is only a risk.
    /// </summary>
    [Display(Name = Section + ":CaseRetentionMonths")]
    [Range(1, 120)]
    public int CaseRetentionMonths { get; set; } = 12;

    /// <summary>The seeds folder as a full path: relative to the app's base directory unless rooted.</summary>
    public string SeedsFullPath => Path.GetFullPath(Path.IsPathRooted(SeedsPath) ? SeedsPath : Path.Combine(AppContext.BaseDirectory, SeedsPath));
}
