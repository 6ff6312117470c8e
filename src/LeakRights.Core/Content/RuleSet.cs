namespace LeakRights.Core.Content;

/// <summary>A derived fact that holds when its condition holds (for example organisation-known, sensitive).</summary>
public sealed record FactRule(string Id, Condition When, bool Flag, IReadOnlyList<string> Cites);

public sealed record ThresholdTier(IReadOnlyList<string> DataTypes, int Threshold);

/// <summary>A range of counts that one option of the scale question stands for; <see cref="Max"/> null means unbounded.</summary>
public sealed record ScaleRange(int Min, int? Max);

/// <summary>
/// The count thresholds of the 2017 judicial interpretation (Art. 5 para 1): the most sensitive leaked type sets the threshold,
/// which is multiplied by <see cref="ReducedFactor"/> when <see cref="ReducedWhen"/> holds (insiders, item 8).
/// </summary>
public sealed record CriminalThresholdRule(
    string DataQuestion,
    IReadOnlyList<ThresholdTier> Tiers,
    int DefaultThreshold,
    Condition? ReducedWhen,
    decimal ReducedFactor,
    string ScaleQuestion,
    IReadOnlyDictionary<string, ScaleRange> ScaleRanges,
    string LikelyFlag,
    string PossiblyFlag,
    IReadOnlyList<string> Cites);

/// <summary>Limitation period: <see cref="Years"/> after the month the person found out (Civil Code Art. 188).</summary>
public sealed record LimitationRule(string MonthQuestion, int Years, int NearMonths, string NearFlag, string PassedFlag, IReadOnlyList<string> Cites);

public sealed record UrgentRule(string Key, Condition When, IReadOnlyList<string> Authorities, IReadOnlyList<string> Cites);

/// <summary>An extra paragraph of a step, with its own citations, shown only when its condition holds.</summary>
public sealed record StepAddition(string TextKey, Condition When, IReadOnlyList<string> Cites);

public sealed record StepRule(string Key, Condition? When, IReadOnlyList<string> Cites, IReadOnlyList<string> Authorities, IReadOnlyList<StepAddition> Additions);

public sealed record AuthorityRule(Condition? When, IReadOnlyList<string> Authorities);

public sealed record PathRule(string Id, int Priority, Condition? RecommendedWhen, IReadOnlyList<StepRule> Steps, IReadOnlyList<AuthorityRule> Authorities);

public sealed record EvidenceRule(string Key, Condition? When, Condition? HaveWhen);

public sealed record DeadlineRule(string Key, Condition? When, bool UsesLimitationDate, IReadOnlyList<string> Cites);

public sealed record RuleSet(
    IReadOnlyList<FactRule> Facts,
    CriminalThresholdRule CriminalThreshold,
    LimitationRule Limitation,
    IReadOnlyList<UrgentRule> Urgent,
    IReadOnlyList<PathRule> Paths,
    IReadOnlyList<EvidenceRule> Evidence,
    IReadOnlyList<DeadlineRule> Deadlines)
{
    /// <summary>Every flag id the rules can raise, in a stable order.</summary>
    public IEnumerable<string> FlagIds =>
        Facts.Where(f => f.Flag).Select(f => f.Id)
            .Concat([CriminalThreshold.LikelyFlag, CriminalThreshold.PossiblyFlag, Limitation.NearFlag, Limitation.PassedFlag]);
}
