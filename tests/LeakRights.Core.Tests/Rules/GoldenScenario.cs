using System.Text.Json;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Tests.Rules;

/// <summary>
/// The golden scenarios under seeds/scenarios/ and the assertions made on the plan built for each. Shared, as a linked file,
/// by the unit tests (plans over the seed files) and the functional tests (plans over the database the app really uses).
/// </summary>
internal static class GoldenScenario
{
    public static List<string> Names(string seedsDirectory) =>
        Directory.GetFiles(Path.Combine(seedsDirectory, "scenarios"), "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static (JsonElement Answers, JsonElement Expected) Load(string seedsDirectory, string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(seedsDirectory, "scenarios", name + ".json")));
        return (doc.RootElement.GetProperty("answers").Clone(), doc.RootElement.GetProperty("expected").Clone());
    }

    /// <summary>The plan has exactly the urgent items, recommended paths, steps, authorities and flags expected, and at least the expected citations.</summary>
    public static void AssertMatchesExpected(JsonElement expected, Plan plan)
    {
        AssertSet(expected, "urgent", plan.Urgent.Select(u => u.Key));
        AssertSet(expected, "recommendedPaths", plan.Paths.Where(p => p.Recommended).Select(p => p.Id));
        AssertSet(expected, "steps", plan.Paths.SelectMany(p => p.Steps).Select(s => s.Key));
        AssertSet(expected, "authorities", plan.Authorities.Select(a => a.Id.Value));
        AssertSet(expected, "flags", plan.Flags.Select(f => f.Id));
        if (expected.TryGetProperty("pathOrder", out var order))
        {
            Assert.Equal(order.EnumerateArray().Select(p => p.GetString()), plan.Paths.Select(p => p.Id));
        }
        // Due dates (plans made on Friday 27 November 2026, China time): exactly these deadlines, each with this date.
        var dates = expected.GetProperty("deadlines").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        var got = plan.Deadlines.ToDictionary(d => d.Key, d => d.Due?.Iso);
        Assert.True(
            dates.Count == got.Count && dates.All(d => got.TryGetValue(d.Key, out var v) && v == d.Value),
            $"deadlines: expected [{string.Join(", ", dates.Select(d => $"{d.Key} {d.Value}"))}] but the plan has [{string.Join(", ", got.Select(d => $"{d.Key} {d.Value}"))}]");
        var cited = plan.Citations.Select(c => c.Ref.ToString()).ToHashSet();
        foreach (var want in expected.GetProperty("citationsInclude").EnumerateArray().Select(c => c.GetString()!))
        {
            Assert.Contains(want, cited);
        }

        // Optional: what a step must tell the person (phrases a lawyer requires), and what no part of the plan may say.
        if (expected.TryGetProperty("stepTextIncludes", out var includes))
        {
            foreach (var step in includes.EnumerateObject())
            {
                var text = plan.Paths.SelectMany(p => p.Steps).Where(s => s.Key == step.Name).Select(s => s.Title + "\n" + s.Text).SingleOrDefault();
                Assert.True(text is not null, $"stepTextIncludes: the plan has no step '{step.Name}'");
                foreach (var phrase in step.Value.EnumerateArray().Select(x => x.GetString()!))
                {
                    Assert.True(text.Contains(phrase, StringComparison.Ordinal), $"stepTextIncludes: step '{step.Name}' does not say \"{phrase}\"");
                }
            }
        }

        if (expected.TryGetProperty("planTextExcludes", out var excludes))
        {
            var seen = PersonVisibleTexts(plan).ToList();
            foreach (var phrase in excludes.EnumerateArray().Select(x => x.GetString()!))
            {
                var hit = seen.FirstOrDefault(t => t.Text.Contains(phrase, StringComparison.Ordinal));
                Assert.True(hit == default, $"planTextExcludes: \"{phrase}\" appears in {hit.Where}");
            }
        }
    }

    /// <summary>Every text of the plan the person reads (not the letters, which are checked on their own), with where it is.</summary>
    private static IEnumerable<(string Where, string Text)> PersonVisibleTexts(Plan plan) =>
        plan.Urgent.Select(u => ($"urgent '{u.Key}'", u.Title + "\n" + u.Text))
            .Concat(plan.Paths.Select(p => ($"path '{p.Id}'", p.Title + "\n" + p.Why)))
            .Concat(plan.Paths.SelectMany(p => p.Steps).Select(s => ($"step '{s.Key}'", s.Title + "\n" + s.Text)))
            .Concat(plan.Authorities.Select(a => ($"authority '{a.Id.Value}'", a.Name + "\n" + a.Handles + "\n" + a.HowTo)))
            .Concat(plan.Deadlines.Select(d => ($"deadline '{d.Key}'", d.Title + "\n" + d.Text + "\n" + d.NoDate)))
            .Concat(plan.Flags.Select(f => ($"flag '{f.Id}'", f.Label + "\n" + f.Explain)));

    /// <summary>What holds for every plan: three paths in order, citations and authorities exactly those used, texts filled in.</summary>
    public static void AssertInvariants(Plan plan)
    {
        // The three paths, recommended ones first; within each group, leading paths (danger, money) before the rest, each by priority.
        Assert.Equal(["complain", "legal-action", "request-stop"], plan.Paths.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal(plan.Paths.OrderBy(p => !p.Recommended).Select(p => p.Id), plan.Paths.Select(p => p.Id));
        Assert.Equal(plan.Paths.Where(p => !p.Recommended).OrderBy(p => p.Priority).Select(p => p.Id), plan.Paths.Where(p => !p.Recommended).Select(p => p.Id));
        Assert.All(plan.Paths, p => Assert.False(string.IsNullOrWhiteSpace(p.Why)));
        Assert.All(plan.Paths.Where(p => !p.Recommended), p => Assert.Empty(p.Steps));

        var usedRefs = plan.Urgent.SelectMany(u => u.Citations)
            .Concat(plan.Paths.SelectMany(p => p.Steps).SelectMany(s => s.Citations))
            .Concat(plan.Deadlines.SelectMany(d => d.Citations))
            .Concat(plan.Flags.SelectMany(f => f.Citations))
            .Concat(plan.Letters.SelectMany(l => l.Citations))
            .Select(r => r.ToString())
            .ToHashSet();
        Assert.Equal(usedRefs.Order(StringComparer.Ordinal), plan.Citations.Select(c => c.Ref.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(plan.Citations.Count, plan.Citations.Select(c => c.Ref).Distinct().Count());

        var usedAuthorities = plan.Urgent.SelectMany(u => u.Authorities).Concat(plan.Paths.SelectMany(p => p.Authorities)).Select(a => a.Value).ToHashSet();
        Assert.Equal(usedAuthorities.Order(StringComparer.Ordinal), plan.Authorities.Select(a => a.Id.Value).Order(StringComparer.Ordinal));

        Assert.All(plan.Citations, c => Assert.False(string.IsNullOrWhiteSpace(c.Text)));
        Assert.All(plan.Paths.SelectMany(p => p.Steps), s => Assert.DoesNotContain("{", s.Text, StringComparison.Ordinal));
        // The limitation deadline is always there: with its month, or saying why it cannot be computed yet.
        Assert.Contains(plan.Deadlines, d => d.Key == "limitation" && (d.Date is not null) != (d.NoDate is not null));
        Assert.Equal(plan.Calendar.Select(e => e.Date).Order(), plan.Calendar.Select(e => e.Date));
        // Every dated deadline is in the calendar, except those whose step has been answered (the contact log settled it).
        Assert.Equal(plan.Deadlines.Count(d => d.Due is not null && !d.Settled), plan.Calendar.Count);
        Assert.All(plan.Letters, l => Assert.Contains(plan.Paths.SelectMany(p => p.Steps), s => s.Key == l.ForStep));
        Assert.All(plan.Letters.SelectMany(l => l.Paragraphs), p => Assert.DoesNotContain("{", p.Text, StringComparison.Ordinal));
    }

    private static void AssertSet(JsonElement expected, string property, IEnumerable<string> actual)
    {
        var want = expected.GetProperty(property).EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal).ToList();
        var got = actual.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(want.SequenceEqual(got), $"{property}: expected [{string.Join(", ", want)}] but the plan has [{string.Join(", ", got)}]");
    }
}
