using System.Text.Json;
using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

/// <summary>The wording of texts.json attached to the rules: a missing text or an unknown placeholder fails at load, naming the key.</summary>
public class RuleCompilerTests
{
    private const string T = "seeds/texts.json";

    private static RuleSet B => TestContent.Bundle.Rules;

    /// <summary>texts.json flattened as the loader does, with one key changed (null: removed).</summary>
    private static TextCatalog TextsWith(string key, string? value)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContent.SeedsDirectory, "texts.json")));
        Flatten(doc.RootElement, string.Empty);
        if (value is null)
        {
            all.Remove(key);
        }
        else
        {
            all[key] = value;
        }

        return new TextCatalog(all);

        void Flatten(JsonElement e, string prefix)
        {
            foreach (var p in e.EnumerateObject().Where(p => !p.Name.StartsWith('$')))
            {
                var k = prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}";
                if (p.Value.ValueKind == JsonValueKind.Object)
                {
                    Flatten(p.Value, k);
                }
                else
                {
                    all[k] = p.Value.GetString()!;
                }
            }
        }
    }

    private static List<SeedError> Compile(TextCatalog texts, RuleSet? rules = null)
    {
        var errors = new List<SeedError>();
        RuleCompiler.AttachTexts(rules ?? B, texts, B.Holidays, errors);
        return errors;
    }

    [Fact]
    public void AttachTexts_RealContent_HasNoErrors()
    {
        Assert.Empty(Compile(TextsWith("unused", "x")));
    }

    [Theory]
    [InlineData("common.organisation-default", "the default organisation name")]
    [InlineData("common.estimated-note", "a date counted past the holiday calendar")]
    [InlineData("urgent.call-110-now.title", "urgent action 'call-110-now'")]
    [InlineData("urgent.call-110-now.text", "urgent action 'call-110-now'")]
    [InlineData("paths.complain.title", "path 'complain'")]
    [InlineData("paths.complain.why-recommended", "path 'complain'")]
    [InlineData("paths.complain.why-not-recommended", "path 'complain'")]
    [InlineData("steps.spam-report.title", "step 'spam-report'")]
    [InlineData("steps.spam-report.text", "step 'spam-report'")]
    [InlineData("evidence.timeline", "evidence item 'timeline'")]
    [InlineData("deadlines.limitation.title", "deadline 'limitation'")]
    [InlineData("deadlines.limitation.text", "deadline 'limitation'")]
    [InlineData("deadlines.organisation-reply.due", "deadline 'organisation-reply'")]
    [InlineData("events.request-sent.assumed", "event 'request-sent'")]
    [InlineData("events.complaint-filed.assumed-today", "event 'complaint-filed'")]
    [InlineData("flags.sensitive.label", "flag 'sensitive'")]
    [InlineData("flags.limitation-passed.explain", "flag 'limitation-passed'")]
    public void AttachTexts_MissingText_NamesKeyAndWhatNeedsIt(string key, string why)
    {
        Assert.Equal([new SeedError(T, key, $"is missing (wording for {why} in seeds/rules.json)")], Compile(TextsWith(key, null)));
    }

    [Fact]
    public void AttachTexts_MissingAdditionText_IsNamed()
    {
        var rules = B with { Paths = B.Paths.Select(p => p with { Steps = p.Steps.Select(s => s.Key == "spam-report" ? s with { Additions = [new StepAddition("extra", new FactCondition("sensitive"), [])] } : s).ToList() }).ToList() };

        Assert.Equal([new SeedError(T, "additions.extra", "is missing (wording for step 'spam-report' in seeds/rules.json)")], Compile(TextsWith("unused", "x"), rules));
    }

    [Fact]
    public void AttachTexts_TextWithUnknownPlaceholder_ListsAllowedOnes()
    {
        Assert.Equal(
            [new SeedError(T, "steps.spam-report.text", "uses unknown placeholder '{name}' (allowed here: limitation-date, loss-amount, organisation)")],
            Compile(TextsWith("steps.spam-report.text", "写信给{organisation}，署名{name}。")));
    }

    [Fact]
    public void AttachTexts_DueLine_MayUseTheDueDateButARuleTextMayNot()
    {
        Assert.Empty(Compile(TextsWith("deadlines.organisation-reply.due", "{assumption}：{due-date}（{organisation}）")));
        Assert.Equal(
            [new SeedError(T, "deadlines.organisation-reply.text", "uses unknown placeholder '{due-date}' (allowed here: limitation-date, loss-amount, organisation)")],
            Compile(TextsWith("deadlines.organisation-reply.text", "到{due-date}")));
    }

    [Fact]
    public void AttachTexts_EveryRuleCarriesItsResolvedWording()
    {
        var rules = TestContent.Bundle.Rules;

        Assert.All(rules.Urgent, u => Assert.NotEmpty(u.Title.Source));
        Assert.All(rules.Paths.SelectMany(p => p.Steps), s => Assert.NotEmpty(s.Text.Source));
        Assert.All(rules.Paths, p => Assert.NotEmpty(p.WhyNotRecommended.Source));
        Assert.All(rules.Evidence, e => Assert.NotEmpty(e.Text.Source));
        Assert.All(rules.Deadlines.Where(d => d.Due is not null), d => Assert.Contains("due-date", d.DueText.Placeholders));
    }
}
