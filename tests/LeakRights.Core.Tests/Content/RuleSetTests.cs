namespace LeakRights.Core.Tests.Content;

public class RuleSetTests
{
    [Fact]
    public void FlagIds_AreFlaggedFactsThenThresholdThenLimitationFlags()
    {
        var rules = TestContent.Bundle.Rules;

        var expected = rules.Facts.Where(f => f.Flag).Select(f => f.Id)
            .Concat(["likely-criminal", "possibly-criminal", "limitation-near", "limitation-passed"]);

        Assert.Equal(expected, rules.FlagIds);
        Assert.Contains(rules.Facts, f => !f.Flag);
        Assert.DoesNotContain(rules.Facts.Where(f => !f.Flag).Select(f => f.Id), rules.FlagIds.Contains);
    }
}
