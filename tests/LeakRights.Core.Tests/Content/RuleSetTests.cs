namespace LeakRights.Core.Tests.Content;

public class RuleSetTests
{
    [Fact]
    public void Flags_AreFlaggedFactsThenThresholdThenLimitationFlags_WithWording()
    {
        var rules = TestContent.Bundle.Rules;

        var expected = rules.Facts.Where(f => f.Flag).Select(f => f.Id)
            .Concat(["likely-criminal", "possibly-criminal", "limitation-near", "limitation-passed"]);

        Assert.Equal(expected, rules.Flags.Select(f => f.Id));
        Assert.Equal(expected, rules.FlagSources().Select(f => f.Id));
        Assert.Contains(rules.Facts, f => !f.Flag);
        Assert.All(rules.Flags, f => Assert.NotEmpty(f.Label.Source));
        Assert.All(rules.Flags, f => Assert.NotEmpty(f.Explain.Source));
        Assert.Equal(rules.CriminalThreshold.Cites, rules.Flags.Single(f => f.Id == "likely-criminal").Cites);
        Assert.Equal(rules.Limitation.Cites, rules.Flags.Single(f => f.Id == "limitation-passed").Cites);
    }
}
