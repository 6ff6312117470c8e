namespace LeakRights.Core.Content;

/// <summary>
/// Attaches the wording of <c>seeds/texts.json</c> to the rules of <c>seeds/rules.json</c>. This is the only place that knows
/// how a rule's text key is built (<c>urgent.{key}.title</c>, <c>steps.{key}.text</c>, …) and which placeholders a text may use;
/// a missing text or an unknown placeholder is a seed error naming the key, found when the content is loaded.
/// </summary>
public static class RuleCompiler
{
    /// <summary>Placeholders every rule text may use.</summary>
    public static readonly IReadOnlySet<string> RulePlaceholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "organisation",
        "limitation-date",
        "loss-amount",
    };

    /// <summary>Placeholders a deadline's due line may use besides <see cref="RulePlaceholders"/>.</summary>
    public static readonly IReadOnlySet<string> DuePlaceholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "due-date",
        "assumption",
    };

    /// <summary>Placeholders of an event's wording for a date recorded in the contact log.</summary>
    public static readonly IReadOnlySet<string> RecordedPlaceholders = new HashSet<string>(RulePlaceholders, StringComparer.Ordinal) { "recorded-date" };

    /// <summary>Placeholders of the note added to a date counted past the holiday calendar.</summary>
    public static readonly IReadOnlySet<string> EstimatedPlaceholders = new HashSet<string>(StringComparer.Ordinal) { "year" };

    private const string T = "seeds/texts.json";

    /// <summary>The rules with their wording attached; every missing or malformed text is added to <paramref name="errors"/>.</summary>
    public static RuleSet AttachTexts(RuleSet rules, TextCatalog texts, HolidayCalendar holidays, List<SeedError> errors)
    {
        var resolver = new Resolver(texts, errors);
        var dueAllowed = RulePlaceholders.Concat(DuePlaceholders).ToHashSet(StringComparer.Ordinal);

        var flags = rules.FlagSources()
            .Select(f => f with
            {
                Label = resolver.Get($"flags.{f.Id}.label", $"flag '{f.Id}'", RulePlaceholders),
                Explain = resolver.Get($"flags.{f.Id}.explain", $"flag '{f.Id}'", RulePlaceholders),
            })
            .ToList();
        return rules with
        {
            Flags = flags,
            Holidays = holidays,
            Common = new CommonTexts(
                resolver.Get("common.organisation-default", "the default organisation name", new HashSet<string>()).Source,
                resolver.Get("common.estimated-note", "a date counted past the holiday calendar", EstimatedPlaceholders)),
            Urgent = [.. rules.Urgent.Select(u => u with
            {
                Title = resolver.Get($"urgent.{u.Key}.title", $"urgent action '{u.Key}'", RulePlaceholders),
                Text = resolver.Get($"urgent.{u.Key}.text", $"urgent action '{u.Key}'", RulePlaceholders),
            })],
            Paths = [.. rules.Paths.Select(p => p with
            {
                Title = resolver.Get($"paths.{p.Id}.title", $"path '{p.Id}'", RulePlaceholders),
                WhyRecommended = resolver.Get($"paths.{p.Id}.why-recommended", $"path '{p.Id}'", RulePlaceholders),
                WhyNotRecommended = resolver.Get($"paths.{p.Id}.why-not-recommended", $"path '{p.Id}'", RulePlaceholders),
                Steps = [.. p.Steps.Select(s => s with
                {
                    Title = resolver.Get($"steps.{s.Key}.title", $"step '{s.Key}'", RulePlaceholders),
                    Text = resolver.Get($"steps.{s.Key}.text", $"step '{s.Key}'", RulePlaceholders),
                    Additions = [.. s.Additions.Select(a => a with { Text = resolver.Get($"additions.{a.TextKey}", $"step '{s.Key}'", RulePlaceholders) })],
                })],
            })],
            Evidence = [.. rules.Evidence.Select(e => e with { Text = resolver.Get($"evidence.{e.Key}", $"evidence item '{e.Key}'", RulePlaceholders) })],
            Events = [.. rules.Events.Select(e => e.Source == EventSource.Answer ? e : e with
            {
                Assumed = e.Source == EventSource.Recorded ? TextTemplate.Empty : resolver.Get($"events.{e.Id}.assumed", $"event '{e.Id}'", RulePlaceholders),
                RecordedText = e.Recorded is null ? TextTemplate.Empty : resolver.Get($"events.{e.Id}.recorded", $"event '{e.Id}' recorded in the contact log", RecordedPlaceholders),
                AssumedToday = e.Source == EventSource.AfterDeadline
                    ? resolver.Get($"events.{e.Id}.assumed-today", $"event '{e.Id}'", RulePlaceholders)
                    : TextTemplate.Empty,
            })],
            Deadlines = [.. rules.Deadlines.Select(d => d with
            {
                Title = resolver.Get($"deadlines.{d.Key}.title", $"deadline '{d.Key}'", RulePlaceholders),
                Text = resolver.Get($"deadlines.{d.Key}.text", $"deadline '{d.Key}'", RulePlaceholders),
                DueText = d.Due is null ? TextTemplate.Empty : resolver.Get($"deadlines.{d.Key}.due", $"deadline '{d.Key}'", dueAllowed),
                NoDateText = d.Due is not null && !d.OmitWithoutDate && rules.FindEvent(d.Due.From) is { Source: EventSource.Answer }
                    ? resolver.Get($"deadlines.{d.Key}.no-date", $"deadline '{d.Key}' without a date", RulePlaceholders)
                    : TextTemplate.Empty,
            })],
        };
    }

    private sealed class Resolver(TextCatalog texts, List<SeedError> errors)
    {
        public TextTemplate Get(string key, string why, IReadOnlySet<string> allowed)
        {
            if (!texts.All.TryGetValue(key, out var source))
            {
                errors.Add(new SeedError(T, key, $"is missing (wording for {why} in seeds/rules.json)"));
                return TextTemplate.Empty;
            }

            var template = TextTemplate.Parse(source);
            foreach (var name in template.Placeholders.Where(n => !allowed.Contains(n)))
            {
                errors.Add(new SeedError(T, key, $"uses unknown placeholder '{{{name}}}' (allowed here: {string.Join(", ", allowed.Order(StringComparer.Ordinal))})"));
            }

            return template;
        }
    }
}
