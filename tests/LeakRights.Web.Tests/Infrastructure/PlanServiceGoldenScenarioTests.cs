using LeakRights.Core.Answers;
using LeakRights.Core.Tests.Rules;
using LeakRights.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>
/// The golden scenarios of seeds/scenarios/, run through <see cref="PlanService"/>: the rules over the statutes and
/// authorities the app loaded from its database (<see cref="LeakRights.Web.Data.ContentSnapshot"/>), not the seed files. The assertions are the
/// ones Core.Tests makes over the seed files (GoldenScenario.cs, linked).
/// </summary>
[Collection(ReadOnlyApp.Name)]
public sealed class PlanServiceGoldenScenarioTests(LeakRightsFactory factory)
{
    private static string SeedsDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static TheoryData<string> Scenarios() => new(GoldenScenario.Names(SeedsDirectory));

    private Core.Rules.Plan Build(string name)
    {
        var (answers, _) = GoldenScenario.Load(SeedsDirectory, name);
        var (raw, duplicates) = AnswerJson.ReadObject(answers);
        Assert.Empty(duplicates);
        var parsed = factory.Services.GetRequiredService<QuestionnaireWalker>().ParseAll(raw, acceptLetterFields: false);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => $"{e.Key}: {e.Value}")));
        return factory.Services.GetRequiredService<PlanService>().Build(parsed.Answers);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Build_ScenarioOverDatabaseContent_MatchesExpectedPlan(string name)
    {
        var plan = Build(name);

        GoldenScenario.AssertMatchesExpected(GoldenScenario.Load(SeedsDirectory, name).Expected, plan);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Build_ScenarioOverDatabaseContent_KeepsPlanInvariants(string name)
    {
        GoldenScenario.AssertInvariants(Build(name));
    }

}
