using LeakRights.Core.Answers;
using LeakRights.Core.Tests.Rules;
using LeakRights.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Browser;

/// <summary>
/// Plan links for the golden scenarios (seeds/scenarios/*.json), made the way the review page makes them: the answers
/// validated by <see cref="QuestionnaireWalker.ParseAll"/>, then <see cref="PlanLinks.Create"/>. Clicking through the
/// check for 30 scenarios would take minutes; the check itself is covered by CheckFlowBrowserTests.
/// </summary>
public static class ScenarioPlans
{
    /// <summary>The three people of issue 12.</summary>
    public static readonly string[] People =
        ["courier-waybill-leak-spam-calls-only", "bank-insider-sold-data-with-fraud-loss", "car-dealer-location-data-used-by-stalker"];

    public static string SeedsDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static List<string> Names() => GoldenScenario.Names(SeedsDirectory);

    public static AnswerSet Answers(IServiceProvider services, string name)
    {
        var (answers, _) = GoldenScenario.Load(SeedsDirectory, name);
        var (raw, _) = AnswerJson.ReadObject(answers);
        var parsed = services.GetRequiredService<QuestionnaireWalker>().ParseAll(raw, acceptLetterFields: false);
        Assert.True(parsed.IsValid, $"{name}: " + string.Join("; ", parsed.Errors.Select(e => $"{e.Key}: {e.Value}")));
        return parsed.Answers;
    }

    /// <summary>The plan page's path for a scenario, and the plan the page shows (built by the app's own service).</summary>
    public static (string Url, Core.Rules.Plan Plan) Open(IServiceProvider services, string name)
    {
        var answers = Answers(services, name);
        var token = services.GetRequiredService<PlanLinks>().Create(answers, out _);
        return ("/plan/" + token, services.GetRequiredService<PlanService>().Build(answers));
    }
}
