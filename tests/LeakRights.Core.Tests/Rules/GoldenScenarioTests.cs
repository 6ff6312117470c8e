using System.Text.Json;

namespace LeakRights.Core.Tests.Rules;

/// <summary>Runs every named answer set under seeds/scenarios/ through the rules and compares the plan with what the scenario expects.</summary>
public class GoldenScenarioTests
{
    public static TheoryData<string> Scenarios() => new(ScenarioNames());

    private static List<string> ScenarioNames() =>
        Directory.GetFiles(Path.Combine(TestContent.SeedsDirectory, "scenarios"), "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Scenarios_Folder_CoversEverySourceAndPath()
    {
        var scenarios = ScenarioNames().Select(Load).ToList();
        var sources = scenarios.Select(s => s.Answers.GetProperty("source").GetString()).ToHashSet();
        var allSources = TestContent.Bundle.Questionnaire.Get("source").Options.Select(o => o.Id);
        var recommendedPaths = scenarios.SelectMany(s => s.Expected.GetProperty("recommendedPaths").EnumerateArray().Select(p => p.GetString())).ToHashSet();
        var notRecommended = TestContent.Bundle.Rules.Paths.Select(p => p.Id).Where(id => scenarios.Any(s => s.Expected.GetProperty("recommendedPaths").EnumerateArray().All(p => p.GetString() != id)));

        Assert.True(scenarios.Count >= 15, $"only {scenarios.Count} scenarios");
        Assert.Empty(allSources.Except(sources!));
        Assert.Equal(3, recommendedPaths.Count);
        Assert.Equal(2, notRecommended.Count());
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Build_Scenario_MatchesExpectedPlan(string name)
    {
        var scenario = Load(name);
        var plan = TestContent.BuildPlan(TestContent.Answers(scenario.Answers.GetRawText()));
        var e = scenario.Expected;

        AssertSet(e, "urgent", plan.Urgent.Select(u => u.Key));
        AssertSet(e, "recommendedPaths", plan.Paths.Where(p => p.Recommended).Select(p => p.Id));
        AssertSet(e, "steps", plan.Paths.SelectMany(p => p.Steps).Select(s => s.Key));
        AssertSet(e, "authorities", plan.Authorities.Select(a => a.Id));
        AssertSet(e, "flags", plan.Flags.Select(f => f.Id));
        var cited = plan.Citations.Select(c => c.Ref).ToHashSet();
        foreach (var expected in e.GetProperty("citationsInclude").EnumerateArray().Select(c => c.GetString()!))
        {
            Assert.Contains(expected, cited);
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Build_Scenario_KeepsPlanInvariants(string name)
    {
        var plan = TestContent.BuildPlan(TestContent.Answers(Load(name).Answers.GetRawText()));

        Assert.Equal(["request-stop", "complain", "legal-action"], plan.Paths.Select(p => p.Id));
        Assert.Equal([1, 2, 3], plan.Paths.Select(p => p.Priority));
        Assert.All(plan.Paths, p => Assert.False(string.IsNullOrWhiteSpace(p.Why)));
        Assert.All(plan.Paths.Where(p => !p.Recommended), p => Assert.Empty(p.Steps));

        var usedRefs = plan.Urgent.SelectMany(u => u.Citations)
            .Concat(plan.Paths.SelectMany(p => p.Steps).SelectMany(s => s.Citations))
            .Concat(plan.Deadlines.SelectMany(d => d.Citations))
            .Concat(plan.Flags.SelectMany(f => f.Citations))
            .ToHashSet();
        Assert.Equal(usedRefs.Order(), plan.Citations.Select(c => c.Ref).Order());
        Assert.Equal(plan.Citations.Count, plan.Citations.Select(c => c.Ref).Distinct().Count());

        var usedAuthorities = plan.Urgent.SelectMany(u => u.Authorities).Concat(plan.Paths.SelectMany(p => p.Authorities)).ToHashSet();
        Assert.Equal(usedAuthorities.Order(), plan.Authorities.Select(a => a.Id).Order());

        Assert.All(plan.Citations, c => Assert.False(string.IsNullOrWhiteSpace(c.Text)));
        Assert.All(plan.Paths.SelectMany(p => p.Steps), s => Assert.DoesNotContain("{", s.Text, StringComparison.Ordinal));
        Assert.Contains(plan.Deadlines, d => d.Key == "limitation" && d.Date is not null);
    }

    private static (JsonElement Answers, JsonElement Expected) Load(string name)
    {
        var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContent.SeedsDirectory, "scenarios", name + ".json")));
        return (doc.RootElement.GetProperty("answers"), doc.RootElement.GetProperty("expected"));
    }

    private static void AssertSet(JsonElement expected, string property, IEnumerable<string> actual)
    {
        var want = expected.GetProperty(property).EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal).ToList();
        var got = actual.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(want.SequenceEqual(got), $"{property}: expected [{string.Join(", ", want)}] but the plan has [{string.Join(", ", got)}]");
    }
}
