using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Tests.Rules;

public class FactEvaluatorTests
{
    private static readonly YearMonth November2026 = new(2026, 11);

    private static DerivedFacts Evaluate(string json, YearMonth? now = null) =>
        FactEvaluator.Evaluate(TestContent.Bundle.Rules, TestContent.Answers(json), now ?? November2026);

    private static string Answers(string dataTypes, string scale, string insider = "no", string source = "bank") =>
        $$"""{"source":"{{source}}","insider":"{{insider}}","data-types":[{{dataTypes}}],"scale":"{{scale}}","discovery":["other"],"evidence":["none"],"harms":["none-yet"],"ongoing-danger":"no","police-report":"no","discovered-on":"2026-10"}""";

    [Theory]
    [InlineData("\"location\"", 50)]
    [InlineData("\"communications\"", 50)]
    [InlineData("\"credit\"", 50)]
    [InlineData("\"property\"", 50)]
    [InlineData("\"accommodation\"", 500)]
    [InlineData("\"call-records\"", 500)]
    [InlineData("\"health\"", 500)]
    [InlineData("\"transactions\"", 500)]
    [InlineData("\"identity\"", 5000)]
    [InlineData("\"biometric\"", 5000)]
    [InlineData("\"minor\"", 5000)]
    [InlineData("\"identity\",\"health\"", 500)]
    [InlineData("\"identity\",\"health\",\"location\"", 50)]
    public void CriminalThreshold_MostSensitiveType_SetsThreshold(string types, int expected)
    {
        Assert.Equal(expected, Evaluate(Answers(types, "unknown")).CriminalThreshold);
    }

    [Theory]
    [InlineData("\"location\"", 25)]
    [InlineData("\"health\"", 250)]
    [InlineData("\"identity\"", 2500)]
    public void CriminalThreshold_Insider_IsHalved(string types, int expected)
    {
        Assert.Equal(expected, Evaluate(Answers(types, "unknown", insider: "yes")).CriminalThreshold);
    }

    [Theory]
    [InlineData("\"identity\"", "unsure")]
    [InlineData("\"identity\"", "no")]
    public void CriminalThreshold_NotInsider_IsNotHalved(string types, string insider)
    {
        Assert.Equal(5000, Evaluate(Answers(types, "unknown", insider: insider)).CriminalThreshold);
    }

    [Theory]
    // T = 50
    [InlineData("\"location\"", "no", "under-50", null)]
    [InlineData("\"location\"", "no", "only-me", null)]
    [InlineData("\"location\"", "no", "50-499", "likely-criminal")]
    // T = 25 (insider): the 1–49 bucket contains it
    [InlineData("\"location\"", "yes", "under-50", "possibly-criminal")]
    [InlineData("\"location\"", "yes", "50-499", "likely-criminal")]
    // T = 500
    [InlineData("\"health\"", "no", "50-499", null)]
    [InlineData("\"health\"", "no", "500-4999", "likely-criminal")]
    // T = 250 (insider)
    [InlineData("\"health\"", "yes", "50-499", "possibly-criminal")]
    // T = 5000
    [InlineData("\"identity\"", "no", "500-4999", null)]
    [InlineData("\"identity\"", "no", "5000-plus", "likely-criminal")]
    // T = 2500 (insider)
    [InlineData("\"identity\"", "yes", "500-4999", "possibly-criminal")]
    [InlineData("\"identity\"", "yes", "5000-plus", "likely-criminal")]
    // unknown scale: neither
    [InlineData("\"location\"", "yes", "unknown", null)]
    public void Evaluate_ScaleAgainstThreshold_SetsCriminalFlag(string types, string insider, string scale, string? expected)
    {
        var facts = Evaluate(Answers(types, scale, insider));

        Assert.Equal(expected == "likely-criminal", facts.Has("likely-criminal"));
        Assert.Equal(expected == "possibly-criminal", facts.Has("possibly-criminal"));
    }

    [Fact]
    public void Evaluate_InsiderAnswerHiddenForUnknownSource_IsNotHalved()
    {
        var json = """{"source":"unknown","insider":"yes","data-types":["identity"],"scale":"500-4999","discovery":["other"],"evidence":["none"],"harms":["none-yet"],"ongoing-danger":"no","police-report":"no","discovered-on":"2026-10"}""";

        var facts = Evaluate(json);

        Assert.Equal(5000, facts.CriminalThreshold);
        Assert.False(facts.Has("possibly-criminal"));
    }

    [Theory]
    [InlineData("2026-10", 2026, 11, "2029-10", null)]
    [InlineData("2023-12", 2026, 11, "2026-12", "limitation-near")]
    [InlineData("2024-05", 2026, 11, "2027-05", null)]
    [InlineData("2024-04", 2026, 11, "2027-04", "limitation-near")]
    [InlineData("2023-11", 2026, 11, "2026-11", "limitation-near")]
    [InlineData("2023-10", 2026, 11, "2026-10", "limitation-passed")]
    [InlineData("2020-01", 2026, 11, "2023-01", "limitation-passed")]
    public void Evaluate_DiscoveredOn_SetsLimitationDateAndFlags(string discovered, int year, int month, string limitation, string? flag)
    {
        var json = $$"""{"source":"bank","data-types":["identity"],"scale":"only-me","discovery":["other"],"evidence":["none"],"harms":["none-yet"],"ongoing-danger":"no","police-report":"no","discovered-on":"{{discovered}}","infringer-known":"yes"}""";

        var facts = Evaluate(json, new YearMonth(year, month));

        Assert.Equal(limitation, facts.LimitationDate.ToString());
        Assert.Equal(flag == "limitation-near", facts.Has("limitation-near"));
        Assert.Equal(flag == "limitation-passed", facts.Has("limitation-passed"));
    }

    [Theory]
    [InlineData("\"location\"", "\"harassment\"", true)]
    [InlineData("\"location\"", "\"fraud-attempt\"", true)]
    [InlineData("\"location\"", "\"financial-loss\"", true)]
    [InlineData("\"location\"", "\"spam\"", false)]
    [InlineData("\"address\"", "\"harassment\"", false)]
    public void Evaluate_LocationUsedForCrime_NeedsLocationAndACrimeHarm(string types, string harms, bool expected)
    {
        var json = $$"""{"source":"app","data-types":[{{types}}],"scale":"only-me","discovery":["other"],"evidence":["none"],"harms":[{{harms}}],"loss-amount":100,"ongoing-danger":"no","police-report":"no","discovered-on":"2026-10"}""";

        Assert.Equal(expected, Evaluate(json).Has("location-used-for-crime"));
    }

    [Theory]
    [InlineData("\"location\"", true)]
    [InlineData("\"health\"", true)]
    [InlineData("\"biometric\"", true)]
    [InlineData("\"minor\"", true)]
    [InlineData("\"property\"", true)]
    [InlineData("\"identity\",\"contact\",\"credit\"", false)]
    public void Evaluate_SensitiveTypes_SetSensitive(string types, bool expected)
    {
        Assert.Equal(expected, Evaluate(Answers(types, "unknown")).Has("sensitive"));
    }

    [Theory]
    [InlineData("bank", true)]
    [InlineData("government", true)]
    [InlineData("individual", false)]
    [InlineData("unknown", false)]
    public void Evaluate_Source_SetsOrganisationKnown(string source, bool expected)
    {
        Assert.Equal(expected, Evaluate(Answers("\"identity\"", "unknown", source: source)).Has("organisation-known"));
    }

    [Fact]
    public void Evaluate_NoAnswers_HoldsNothing()
    {
        var facts = FactEvaluator.Evaluate(TestContent.Bundle.Rules, AnswerSet.Empty, November2026);

        Assert.Empty(facts.Holding);
        Assert.Null(facts.CriminalThreshold);
        Assert.Null(facts.LimitationDate);
    }
}
