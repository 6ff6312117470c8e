using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

/// <summary>Breaks a copy of the real seeds in one place and checks that loading names the file, the entry and the problem.</summary>
public sealed class SeedValidationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "leakrights-seeds-" + Guid.NewGuid().ToString("N"));

    public SeedValidationTests()
    {
        foreach (var file in Directory.GetFiles(TestContent.SeedsDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir, Path.GetRelativePath(TestContent.SeedsDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Replace(string file, string from, string to)
    {
        var path = Path.Combine(_dir, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private SeedError SingleError()
    {
        var ex = Assert.Throws<SeedValidationException>(() => SeedLoader.Load(_dir));
        return Assert.Single(ex.Errors);
    }

    [Theory]
    [InlineData("\"basis-no-leak\": { \"cites\": [\"civil-code#1038\"] }", "\"basis-no-leak\": { \"cites\": [\"civil-code#1038\"], \"answer\": \"harms\" }", "bindings.basis-no-leak", "needs exactly one of 'answer' (a question id), 'plan' (a value of the plan), 'cites' (a non-empty list of citations), 'progress' (a value of the contact log) or 'incident' (a value of the published incident)")]
    [InlineData("\"missing\": \"omit\" },\n    \"loss-amount\"", "\"missing\": \"skip\" },\n    \"loss-amount\"", "bindings.loss", "'missing' must be 'blank' (the default) or 'omit', not 'skip'")]
    [InlineData("\"basis-no-leak\": { \"cites\": [\"civil-code#1038\"] }", "\"basis-no-leak\": { \"cites\": [\"civil-code#1038\"], \"labels\": {} }", "bindings.basis-no-leak", "'labels' is only for an 'answer' binding (option ids), the plan's first-authority (authority ids), a progress reply (reply ids) or channel (channel ids) or the incident's status (status ids)")]
    [InlineData("\"incident-organisation\": { \"incident\": \"organisation\" }", "\"incident-organisation\": { \"incident\": \"name\" }", "bindings.incident-organisation", "incident value 'name' must be organisation, became-public-on, occurred-on, sources or status")]
    [InlineData("\"disputed\": \"（据本人了解，涉事单位或者有关部门对该事件有不同说法）\",", "\"rumour\": \"（传闻）\", \"disputed\": \"（据本人了解，涉事单位或者有关部门对该事件有不同说法）\",", "bindings.incident-status", "labels: 'rumour' is not an incident status (reported, confirmed-by-organisation, confirmed-by-authority, disputed)")]
    [InlineData("\"basis-no-leak\": { \"cites\": [\"civil-code#1038\"] }", "\"basis-no-leak\": { \"answer\": \"harms\", \"labels\": { \"spam\": 1 } }", "bindings.basis-no-leak", "'labels' must map ids to strings")]
    public void Load_MalformedLetterBinding_IsNamed(string from, string to, string entry, string problem)
    {
        Replace("letters.json", from, to);

        Assert.Equal(new SeedError("seeds/letters.json", entry, problem), SingleError());
    }

    [Fact]
    public void Load_IncidentStatusWithoutWords_IsRefused_TheLetterNeverPrintsAStatusItHasNoWordsFor()
    {
        Replace("letters.json", "\"disputed\": \"（据本人了解，涉事单位或者有关部门对该事件有不同说法）\",\n", string.Empty);

        Assert.Equal(new SeedError("seeds/letters.json", "bindings.incident-status", "labels: the incident status 'disputed' has no words (a letter states the status only in its own words)"), SingleError());
    }

    [Theory]
    [InlineData("\"hidden\": true,", "\"hidden\": true, \"showIf\": { \"question\": \"source\", \"op\": \"eq\", \"value\": \"app\" },", "question 'incident'", "a hidden question must be optional, not letter-only and without showIf")]
    [InlineData("\"questions\": [\"source\", \"government-body\", \"insider\", \"organisation-name\"]", "\"questions\": [\"source\", \"government-body\", \"insider\", \"organisation-name\", \"incident\"]", "step 'source'", "question 'incident' is hidden (set by a prefilled start) and must not be part of a step")]
    public void Load_HiddenQuestionMisused_IsNamed(string from, string to, string entry, string problem)
    {
        Replace("questionnaire.json", from, to);

        Assert.Contains(new SeedError("seeds/questionnaire.json", entry, problem), Assert.Throws<SeedValidationException>(() => SeedLoader.Load(_dir)).Errors);
    }

    [Fact]
    public void Load_AuthorityWebsiteTheEditorWouldRefuse_IsRefused()
    {
        Replace("authorities.json", "\"www.12377.cn\"", "\"javascript:alert(1)\"");

        var error = SingleError();

        Assert.Equal("authority 'cac-12377'", error.Entry);
        Assert.Contains("website", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ArticleLongerThanTheEditorAllows_IsRefused()
    {
        Replace("statutes/criminal-law-amendment-9.md", "\n# 条文\n", "\n# 条文\n\n## 第九百九十九条\n\n" + new string('长', ContentRules.MaxArticleTextLength + 1) + "\n");

        var error = SingleError();

        Assert.Equal("article '第九百九十九条'", error.Entry);
        Assert.Contains("longer than", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CitationOfMissingArticle_NamesRuleAndArticle()
    {
        Replace("rules.json", "\"pipl#44\"", "\"pipl#999\"");

        var error = SingleError();

        Assert.Equal("seeds/rules.json", error.File);
        Assert.Contains("send-deletion-request", error.Entry, StringComparison.Ordinal);
        Assert.Contains("pipl#999", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CitationOfSupersededLaw_IsRefused()
    {
        Replace("rules.json", "\"pipl#47\", \"pipl#44\"", "\"cybersecurity-law-2016#43\", \"pipl#44\"");

        Assert.Contains("superseded", SingleError().Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownAuthority_NamesIt()
    {
        Replace("rules.json", "\"spb-12305\"", "\"spb-99999\"");

        var error = SingleError();

        Assert.Contains("spb-99999", error.Problem, StringComparison.Ordinal);
        Assert.Equal("seeds/rules.json", error.File);
    }

    [Fact]
    public void Load_UnknownOptionInCondition_NamesQuestionAndOption()
    {
        Replace("rules.json", "\"value\": [\"financial-loss\"] }, { \"noneOf\": [{ \"question\": \"police-report\"", "\"value\": [\"money-gone\"] }, { \"noneOf\": [{ \"question\": \"police-report\"");

        var error = SingleError();

        Assert.Contains("freeze-accounts", error.Entry, StringComparison.Ordinal);
        Assert.Contains("'money-gone' is not an option of question 'harms'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownOperator_IsRefused()
    {
        Replace("rules.json", "\"op\": \"eq\", \"value\": \"yes\" },\n      \"authorities\": [\"police-110\"]", "\"op\": \"regex\", \"value\": \"yes\" },\n      \"authorities\": [\"police-110\"]");

        Assert.Contains("unknown operator 'regex'", SingleError().Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingWording_NamesTheTextKey()
    {
        Replace("texts.json", "\"spam-report\": {", "\"spam-reporting\": {");

        var ex = Assert.Throws<SeedValidationException>(() => SeedLoader.Load(_dir));

        Assert.Equal(["steps.spam-report.text", "steps.spam-report.title"], ex.Errors.Select(e => e.Entry).Order());
        Assert.All(ex.Errors, e => Assert.Equal("seeds/texts.json", e.File));
    }

    [Fact]
    public void Load_BadArticleHeading_NamesStatuteFile()
    {
        Replace("statutes/pipl.md", "## 第五十七条", "## Article 57");

        var error = Assert.Throws<SeedValidationException>(() => SeedLoader.Load(_dir)).Errors[0];

        Assert.Equal("seeds/statutes/pipl.md", error.File);
        Assert.Contains("Article 57", error.Entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidJson_NamesFileAndLine()
    {
        Replace("authorities.json", "\"id\": \"court\",", "\"id\": \"court\",,");

        var error = SingleError();

        Assert.Equal("seeds/authorities.json", error.File);
        Assert.StartsWith("line ", error.Entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShowIfOnLaterQuestion_IsRefused()
    {
        Replace("questionnaire.json", "\"showIf\": { \"question\": \"harms\", \"op\": \"any\", \"value\": [\"financial-loss\"] }", "\"showIf\": { \"question\": \"police-report\", \"op\": \"eq\", \"value\": \"no\" }");

        Assert.Contains("asked later", SingleError().Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Exception_ListsEveryProblemInItsMessage()
    {
        Replace("rules.json", "\"pipl#44\"", "\"pipl#999\"");
        Replace("rules.json", "\"spb-12305\"", "\"spb-99999\"");

        var ex = Assert.Throws<SeedValidationException>(() => SeedLoader.Load(_dir));

        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains("pipl#999", ex.Message, StringComparison.Ordinal);
        Assert.Contains("spb-99999", ex.Message, StringComparison.Ordinal);
    }
}
