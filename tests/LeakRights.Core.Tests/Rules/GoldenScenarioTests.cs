using System.Text.Json;

namespace LeakRights.Core.Tests.Rules;

/// <summary>
/// Runs every named answer set under seeds/scenarios/ through the rules over the seed files and compares the plan with what
/// the scenario expects. Web.Tests runs the same scenarios and assertions over the database content (PlanServiceGoldenScenarioTests).
/// </summary>
public class GoldenScenarioTests
{
    public static TheoryData<string> Scenarios() => new(ScenarioNames());

    private static List<string> ScenarioNames() => GoldenScenario.Names(TestContent.SeedsDirectory);

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

        GoldenScenario.AssertMatchesExpected(scenario.Expected, plan);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Build_Scenario_KeepsPlanInvariants(string name)
    {
        var plan = TestContent.BuildPlan(TestContent.Answers(Load(name).Answers.GetRawText()));

        GoldenScenario.AssertInvariants(plan);
    }

    private static (JsonElement Answers, JsonElement Expected) Load(string name) => GoldenScenario.Load(TestContent.SeedsDirectory, name);
}
