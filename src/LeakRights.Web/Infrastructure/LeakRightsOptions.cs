namespace LeakRights.Web.Infrastructure;

/// <summary>Settings under "LeakRights" in configuration.</summary>
public sealed class LeakRightsOptions
{
    public const string Section = "LeakRights";

    /// <summary>Folder with the content data (questionnaire, rules, authorities, statutes). Relative paths are resolved against the app's base directory.</summary>
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>How long a plan link stays valid.</summary>
    public int PlanLinkDays { get; set; } = 30;

    /// <summary>How long the in-progress answers are kept in the browser's cookie.</summary>
    public int DraftHours { get; set; } = 12;

    /// <summary>
    /// The largest draft cookie (name and value) the app sets. Browsers drop cookies over 4,096 bytes without a word, which
    /// would send the person back to step 1; over this size the step shows a message instead. Lowered only by tests.
    /// </summary>
    public int DraftCookieMaxLength { get; set; } = 4000;
}
