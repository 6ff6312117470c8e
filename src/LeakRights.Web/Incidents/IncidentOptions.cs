using System.ComponentModel.DataAnnotations;

namespace LeakRights.Web.Incidents;

/// <summary>Settings under "LeakRights:Incidents" (issue 16; docs/decisions/0011).</summary>
public sealed class IncidentOptions
{
    public const string Section = "LeakRights:Incidents";

    /// <summary>
    /// How many leading zero bits the counter's proof of work needs: 16 is about 65,000 SHA-256 hashes, a second or two in a
    /// phone's browser and nothing for a person, but a real cost for one machine posting thousands of counts.
    /// </summary>
    [Display(Name = Section + ":CounterDifficultyBits")]
    [Range(0, 24)]
    public int CounterDifficultyBits { get; set; } = 16;

    /// <summary>How long a counter challenge may be used, in minutes (once).</summary>
    [Display(Name = Section + ":ChallengeMinutes")]
    [Range(1, 60)]
    public int ChallengeMinutes { get; set; } = 10;

    /// <summary>
    /// How long the incident pages, the feed and the API are served from the output cache, in seconds. Admin edits and a
    /// reload from another instance evict them at once; only the "我也受到影响" range can lag by this much.
    /// </summary>
    [Display(Name = Section + ":CacheSeconds")]
    [Range(1, 3600)]
    public int CacheSeconds { get; set; } = 60;
}
