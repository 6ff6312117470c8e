using System.Text.Json;
using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class SeedLoaderTests
{
    [Fact]
    public void Load_RealSeeds_HasNoErrors()
    {
        var (bundle, errors) = SeedLoader.TryLoad(TestContent.SeedsDirectory);

        Assert.Empty(errors);
        Assert.NotNull(bundle);
    }

    [Fact]
    public void TryLoad_DuplicateQuestionId_IsReportedNotThrown()
    {
        using var seeds = new SeedCopy();
        seeds.Replace("questionnaire.json", "\"id\": \"your-contact\"", "\"id\": \"your-name\"");

        var (bundle, errors) = SeedLoader.TryLoad(seeds.Path);

        Assert.Null(bundle);
        Assert.Contains(new SeedError("seeds/questionnaire.json", "question 'your-name'", "the id appears more than once"), errors);
    }

    [Theory]
    [InlineData("\"01-01\", ", "\"01-02\", ", "2025-01-02 is a fixed holiday but not a day off of 2025")] // off in 2026 (元旦 1-3 Jan), a working Thursday in 2025
    [InlineData("\"01-01\", ", "\"13-01\", ", "'13-01' is not a day of the year (MM-DD)")]
    public void TryLoad_FixedHolidayNotOffInAListedYearOrNotADay_IsReported(string from, string to, string message)
    {
        using var seeds = new SeedCopy();
        seeds.Replace("holidays.json", from, to);

        Assert.Equal(new SeedError("seeds/holidays.json", "fixedDaysOff", message), OnlyError(seeds));
    }

    private static JsonElement SeedJson(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContent.SeedsDirectory, file))).RootElement;

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static decimal? Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    private static string[] List(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];

    private static SeedError OnlyError(SeedCopy seeds)
    {
        var (bundle, errors) = SeedLoader.TryLoad(seeds.Path);
        Assert.Null(bundle);
        return Assert.Single(errors);
    }

    [Fact]
    public void Load_Questionnaire_ReadsEveryFieldAsWritten()
    {
        var json = SeedJson("questionnaire.json");
        var q = TestContent.Bundle.Questionnaire;

        var questions = json.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(questions.Count, q.Questions.Count);
        foreach (var (e, question) in questions.Zip(q.Questions))
        {
            Assert.Equal(Str(e, "id"), question.Id);
            Assert.Equal(Str(e, "type"), question.Type.ToSeedName());
            Assert.Equal(Str(e, "label"), question.Label);
            Assert.Equal(Str(e, "hint"), question.Hint);
            Assert.Equal(Flag(e, "required"), question.Required);
            Assert.Equal(Flag(e, "letterOnly"), question.LetterOnly);
            Assert.Equal(Num(e, "min"), question.Min);
            Assert.Equal(Num(e, "max"), question.Max);
            Assert.Equal(Str(e, "unit"), question.Unit);
            Assert.Equal((int?)Num(e, "maxLength"), question.MaxLength);
            Assert.Equal(e.TryGetProperty("showIf", out _), question.ShowIf is not null);
            var options = e.TryGetProperty("options", out var o) ? o.EnumerateArray().Select(x => new QuestionOption(Str(x, "id")!, Str(x, "label")!, Flag(x, "exclusive"))).ToList() : [];
            Assert.Equal(options, question.Options);
        }

        var steps = json.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(steps.Select(s => (Str(s, "id"), Str(s, "title"), Str(s, "intro"), string.Join(',', List(s, "questions")))), q.Steps.Select(s => ((string?)s.Id, (string?)s.Title, s.Intro, string.Join(',', s.QuestionIds))));
        Assert.Contains(q.Questions, x => x.Hint is not null);
        Assert.Contains(q.Questions, x => x.Options.Any(o => o.Exclusive));
        Assert.Contains(q.Questions, x => x.LetterOnly);
    }

    [Fact]
    public void Load_ShowIf_IsTheConditionWritten()
    {
        Assert.Equal(new QuestionCondition("harms", ConditionOperator.Any, ["financial-loss"], null), TestContent.Bundle.Questionnaire.Get("loss-amount").ShowIf, new ConditionEquality());
    }

    [Fact]
    public void Load_Authorities_ReadsEveryFieldAsWritten()
    {
        var json = SeedJson("authorities.json").GetProperty("authorities").EnumerateArray().ToList();
        var statuses = new Dictionary<string, ConfirmationStatus>
        {
            ["confirmed-law-text"] = ConfirmationStatus.ConfirmedLawText,
            ["confirmed-official-page"] = ConfirmationStatus.ConfirmedOfficialPage,
            ["confirmed-third-party"] = ConfirmationStatus.ConfirmedThirdParty,
            ["not-confirmed"] = ConfirmationStatus.NotConfirmed,
        };

        var expected = json.Select(e => new Authority(new AuthorityId(Str(e, "id")!), Str(e, "name")!, Str(e, "hotline"), Str(e, "website"), Str(e, "handles")!, Str(e, "howTo")!, statuses[Str(e, "status")!], Str(e, "statusNote")!, Str(e, "lastVerified") is { } lv ? DateOnly.Parse(lv, System.Globalization.CultureInfo.InvariantCulture) : null));

        Assert.Equal(expected, TestContent.Bundle.Authorities);
    }

    [Theory]
    [InlineData("confirmed-law-text", ConfirmationStatus.ConfirmedLawText)]
    [InlineData("confirmed-official-page", ConfirmationStatus.ConfirmedOfficialPage)]
    [InlineData("confirmed-third-party", ConfirmationStatus.ConfirmedThirdParty)]
    [InlineData("not-confirmed", ConfirmationStatus.NotConfirmed)]
    public void Load_AuthorityStatus_IsMapped(string text, ConfirmationStatus expected)
    {
        using var seeds = new SeedCopy();
        seeds.Replace("authorities.json", "\"status\": \"confirmed-third-party\",\n      \"statusNote\": \"号码见人民日报2016年7月7日", $"\"status\": \"{text}\",\n      \"statusNote\": \"号码见人民日报2016年7月7日");

        var bundle = SeedLoader.Load(seeds.Path);

        Assert.Equal(expected, bundle.Authorities.Single(a => a.Id.Value == "police-110").Status);
    }

    [Fact]
    public void Load_UnknownAuthorityStatus_ListsAllowedValues()
    {
        using var seeds = new SeedCopy();
        seeds.Replace("authorities.json", "\"status\": \"confirmed-third-party\",\n      \"statusNote\": \"号码见人民日报2016年7月7日", "\"status\": \"official\",\n      \"statusNote\": \"号码见人民日报2016年7月7日");

        Assert.Equal(
            new SeedError("seeds/authorities.json", "authorities[0] (id 'police-110')", "status 'official' must be confirmed-law-text, confirmed-official-page, confirmed-third-party or not-confirmed"),
            OnlyError(seeds));
    }

    [Fact]
    public void Load_Letters_ReadsEveryField()
    {
        var json = SeedJson("letters.json");
        var letters = TestContent.Bundle.Letters;

        Assert.Equal(Str(json, "blank"), letters.Blank);
        foreach (var (e, letter) in json.GetProperty("letters").EnumerateArray().Zip(letters.Letters, (e, l) => (e, l)))
        {
            Assert.Equal(Str(e, "id"), letter.Id);
            Assert.Equal(Str(e, "forStep"), letter.ForStep);
            Assert.Equal(Str(e, "title"), letter.Title.Source);
            Assert.Equal(e.GetProperty("paragraphs").EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() : Str(p, "text")), letter.Paragraphs.Select(p => p.Text.Source));
            Assert.Equal(e.GetProperty("paragraphs").EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Object), letter.Paragraphs.Select(p => p.When is not null));
            Assert.Equal(List(e, "closing"), letter.Closing.Select(p => p.Source));
            Assert.Equal(List(e, "signature"), letter.Signature.Select(p => p.Source));
        }

    }

    [Fact]
    public void Load_PathLeadWhen_IsReadForTheLegalRouteOnly()
    {
        var rules = TestContent.Bundle.Rules;

        Assert.Equal(["legal-action"], rules.Paths.Where(p => p.LeadWhen is not null).Select(p => p.Id));
        Assert.Contains(new FactCondition("fraud-loss"), Assert.IsType<AnyOfCondition>(rules.Paths.Single(p => p.Id == "legal-action").LeadWhen).Conditions);
    }

    [Fact]
    public void Load_LetterBindings_ReadCitesLabelsAndMissingAsWritten()
    {
        var json = SeedJson("letters.json").GetProperty("bindings");
        var bindings = TestContent.Bundle.Letters.Bindings;

        Assert.Equal(json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), bindings.Keys.Order(StringComparer.Ordinal));
        foreach (var p in json.EnumerateObject())
        {
            var b = bindings[p.Name];
            Assert.Equal(p.Value.TryGetProperty("cites", out _) ? List(p.Value, "cites") : [], b.Cites);
            Assert.Equal(p.Value.TryGetProperty("missing", out var m) && m.GetString() == "omit", b.OmitWhenMissing);
            Assert.Equal(
                p.Value.TryGetProperty("labels", out var l) ? l.EnumerateObject().Select(o => (o.Name, o.Value.GetString())) : null,
                b.Labels?.Select(kv => (kv.Key, (string?)kv.Value)));
        }

        Assert.Equal(["criminal-procedure-law#112", "mps-criminal-procedure-rules-2020#179"], bindings["reconsideration-basis"].Cites);
        Assert.Equal("身份信息", bindings["data-types"].Labels!["identity"]);
        Assert.True(bindings["loss"].OmitWhenMissing);
        Assert.False(bindings["your-name"].OmitWhenMissing);
    }

    [Fact]
    public void Load_Texts_AttachesEachRulesWordingFromNestedKeys()
    {
        var rules = TestContent.Bundle.Rules;
        var texts = SeedJson("texts.json");

        Assert.Equal("涉事单位", rules.Common.OrganisationDefault);
        Assert.Equal("现在就拨打110", rules.Urgent.Single(u => u.Key == "call-110-now").Title.Source);
        Assert.Equal(Str(texts.GetProperty("steps").GetProperty("send-deletion-request"), "text"), rules.Paths[0].Steps.Single(s => s.Key == "send-deletion-request").Text.Source);
        Assert.Equal(Str(texts.GetProperty("deadlines").GetProperty("organisation-reply"), "due"), rules.FindDeadline("organisation-reply")!.DueText.Source);
        Assert.Equal(Str(texts.GetProperty("events").GetProperty("complaint-filed"), "assumed-today"), rules.FindEvent("complaint-filed")!.AssumedToday.Source);
    }

    [Theory]
    [InlineData("\"organisation-default\": \"涉事单位\"", "\"organisation-default\": \" \"")]
    [InlineData("\"organisation-default\": \"涉事单位\"", "\"organisation-default\": 5")]
    [InlineData("\"organisation-default\": \"涉事单位\"", "\"organisation-default\": [\"涉事单位\"]")]
    public void Load_TextNotANonEmptyString_NamesKey(string from, string to)
    {
        using var seeds = new SeedCopy();
        seeds.Replace("texts.json", from, to);

        Assert.Equal(new SeedError("seeds/texts.json", "common.organisation-default", "must be a non-empty string or an object of texts"), OnlyError(seeds));
    }

    [Fact]
    public void Load_Rules_ReadsThresholdAndLimitationAsWritten()
    {
        var rules = TestContent.Bundle.Rules;
        var ct = rules.CriminalThreshold;

        Assert.Equal("data-types", ct.DataQuestion);
        Assert.Equal([50, 500], ct.Tiers.Select(t => t.Threshold));
        Assert.Equal(["location", "communications", "credit", "property"], ct.Tiers[0].DataTypes);
        Assert.Equal(5000, ct.DefaultThreshold);
        Assert.Equal(new QuestionCondition("insider", ConditionOperator.Eq, ["yes"], null), ct.ReducedWhen, new ConditionEquality());
        Assert.Equal(0.5m, ct.ReducedFactor);
        Assert.Equal("scale", ct.ScaleQuestion);
        Assert.Equal(new ScaleRange(50, 499), ct.ScaleRanges["50-499"]);
        Assert.Equal(new ScaleRange(5000, null), ct.ScaleRanges["5000-plus"]);
        Assert.Equal("likely-criminal", ct.LikelyFlag);
        Assert.Equal("possibly-criminal", ct.PossiblyFlag);
        Assert.Equal(["criminal-law#253-1", "spc-spp-interpretation-2017#5"], ct.Cites);
        Assert.Equal(new LimitationRule("limitation", 6, "limitation-near", "limitation-passed", ["civil-code#188", "civil-code#995"], "limitation-earliest") with { Cites = rules.Limitation.Cites }, rules.Limitation);
        Assert.Equal(["civil-code#188", "civil-code#195", "civil-code#193", "civil-code#196", "civil-code#995"], rules.Limitation.Cites);
    }

    private sealed class ConditionEquality : IEqualityComparer<Condition?>
    {
        public bool Equals(Condition? x, Condition? y) => (x, y) switch
        {
            (QuestionCondition a, QuestionCondition b) => a.Question == b.Question && a.Operator == b.Operator && a.Number == b.Number && a.Values.SequenceEqual(b.Values),
            _ => Equals(x, y),
        };

        public int GetHashCode(Condition? obj) => 0;
    }

    [Fact]
    public void Load_Rules_ReadsFactsUrgentPathsEvidenceAndDeadlinesAsWritten()
    {
        var json = SeedJson("rules.json");
        var rules = TestContent.Bundle.Rules;

        Assert.Equal(json.GetProperty("facts").EnumerateArray().Select(f => (Str(f, "id"), Flag(f, "flag"), string.Join(',', List(f, "cites")))), rules.Facts.Select(f => ((string?)f.Id, f.Flag, string.Join(',', f.Cites))));
        Assert.Equal(json.GetProperty("urgent").EnumerateArray().Select(u => (Str(u, "key"), string.Join(',', List(u, "authorities")), string.Join(',', List(u, "cites")))), rules.Urgent.Select(u => ((string?)u.Key, string.Join(',', u.Authorities), string.Join(',', u.Cites))));

        foreach (var (p, path) in json.GetProperty("paths").EnumerateArray().Zip(rules.Paths, (p, r) => (p, r)))
        {
            Assert.Equal(Str(p, "id"), path.Id);
            Assert.Equal((int)Num(p, "priority")!, path.Priority);
            Assert.Equal(p.TryGetProperty("recommendedWhen", out _), path.RecommendedWhen is not null);
            Assert.Equal(
                p.GetProperty("steps").EnumerateArray().Select(s => (Str(s, "key"), s.TryGetProperty("when", out _), string.Join(',', List(s, "cites")), string.Join(',', List(s, "authorities")), s.TryGetProperty("additions", out var a) ? string.Join(',', a.EnumerateArray().Select(x => Str(x, "text") + ":" + string.Join('+', List(x, "cites")))) : string.Empty)),
                path.Steps.Select(s => ((string?)s.Key, s.When is not null, string.Join(',', s.Cites), string.Join(',', s.Authorities), string.Join(',', s.Additions.Select(x => x.TextKey + ":" + string.Join('+', x.Cites))))));
            var authorities = p.TryGetProperty("authorities", out var au) ? au.EnumerateArray().Select(x => (x.TryGetProperty("when", out _), string.Join(',', List(x, "authorities")))).ToList() : [];
            Assert.Equal(authorities, path.Authorities.Select(a => (a.When is not null, string.Join(',', a.Authorities))));
        }

        Assert.Equal(json.GetProperty("evidence").EnumerateArray().Select(e => (Str(e, "key"), e.TryGetProperty("when", out _), e.TryGetProperty("haveWhen", out _))), rules.Evidence.Select(e => ((string?)e.Key, e.When is not null, e.HaveWhen is not null)));
        Assert.Equal(json.GetProperty("deadlines").EnumerateArray().Select(d => (Str(d, "key"), d.TryGetProperty("when", out _), Flag(d, "omitWithoutDate"), Str(d, "step"), string.Join(',', List(d, "cites")))), rules.Deadlines.Select(d => ((string?)d.Key, d.When is not null, d.OmitWithoutDate, d.Step, string.Join(',', d.Cites))));
        Assert.Equal(
            [("limitation", 3, ClockUnit.Years, "knew-of-harm-and-infringer", 30), ("limitation-earliest", 3, ClockUnit.Years, "knew-of-harm", 30), ("organisation-reply", 15, ClockUnit.Days, "request-sent", 1), ("credit-dispute-reply", 20, ClockUnit.Days, "credit-dispute-sent", 1), ("credit-complaint-reply", 30, ClockUnit.Days, "credit-complaint-filed", 1), ("reconsideration-window", 7, ClockUnit.Days, "refusal-notice-received", 1), ("reconsideration-decision", 30, ClockUnit.Days, "reconsideration-filed", 1), ("review-window", 7, ClockUnit.Days, "reconsideration-decision-received", 2), ("review-decision", 30, ClockUnit.Days, "review-filed", 1), ("samr-acceptance", 7, ClockUnit.WorkingDays, "complaint-filed", 1), ("regulator-reply", 7, ClockUnit.WorkingDays, "complaint-filed", 1), ("telecom-operator-reply", 15, ClockUnit.Days, "operator-complaint-sent", 1)],
            rules.Deadlines.Where(d => d.Due is not null).Select(d => (d.Key, d.Due!.Amount, d.Due.Unit, d.Due.From, d.RemindDaysBefore)));
        Assert.Equal(
            [("knew-of-harm-and-infringer", EventSource.Answer, "discovered-on,infringer-known-on,last-claim-on", null), ("request-sent", EventSource.Today, string.Empty, null), ("knew-of-harm", EventSource.Answer, "discovered-on,infringer-known-on", null), ("complaint-filed", EventSource.AfterDeadline, string.Empty, "organisation-reply"), ("credit-dispute-sent", EventSource.Today, string.Empty, null), ("reconsideration-filed", EventSource.Today, string.Empty, null), ("credit-complaint-filed", EventSource.Today, string.Empty, null), ("operator-complaint-sent", EventSource.Today, string.Empty, null), ("refusal-notice-received", EventSource.Recorded, string.Empty, null), ("reconsideration-decision-received", EventSource.Recorded, string.Empty, null), ("review-filed", EventSource.Today, string.Empty, null)],
            rules.Events.Select(e => (e.Id, e.Source, string.Join(',', e.Questions), e.AfterDeadline)));
        Assert.NotNull(rules.Events[0].When);
        Assert.Equal(
            ["request-sent:send-deletion-request:done", "complaint-filed:consumer-complaint:done", "credit-dispute-sent:credit-dispute:done", "reconsideration-filed:police-refused:done", "credit-complaint-filed:credit-complaint:done", "operator-complaint-sent:complain-operator-first:done", "refusal-notice-received:report-to-police+police-pending:not-filed", "reconsideration-decision-received:police-refused:refused", "review-filed:police-review:done"],
            rules.Events.Where(e => e.Recorded is not null).Select(e => $"{e.Id}:{string.Join('+', e.Recorded!.Steps)}:{string.Join('+', e.Recorded.States)}"));
        Assert.Contains(rules.Paths.SelectMany(p => p.Steps), s => s.Additions.Count > 0);
        Assert.Contains(rules.Evidence, e => e.When is not null);
    }

    [Fact]
    public void Load_Laws_AreOrderedByOrderThenId()
    {
        var laws = TestContent.Bundle.Laws;

        Assert.Equal(laws.OrderBy(l => l.Order).ThenBy(l => l.Id, StringComparer.Ordinal).Select(l => l.Id), laws.Select(l => l.Id));
        Assert.NotEqual(laws.OrderBy(l => l.Id, StringComparer.Ordinal).Select(l => l.Id), laws.Select(l => l.Id));
    }

    [Fact]
    public void Load_LawsWithSameOrder_AreOrderedById()
    {
        using var seeds = new SeedCopy();
        seeds.Replace("statutes/pipl.md", "order: 20", "order: 10");

        var laws = SeedLoader.Load(seeds.Path).Laws.Where(l => l.Order == 10).Select(l => l.Id).ToList();

        Assert.Equal(2, laws.Count);
        Assert.Equal(laws.Order(StringComparer.Ordinal), laws);
    }

    [Fact]
    public void TryLoad_MissingFolder_SaysSo()
    {
        var dir = Path.Combine(Path.GetTempPath(), "leakrights-none-" + Guid.NewGuid().ToString("N"));

        var (bundle, errors) = SeedLoader.TryLoad(dir);

        Assert.Null(bundle);
        Assert.Equal(new SeedError(dir, "folder", "the seeds folder does not exist"), Assert.Single(errors));
    }

    [Fact]
    public void Load_InvalidSeeds_ThrowsWithEveryError()
    {
        using var seeds = new SeedCopy();
        seeds.Delete("letters.json");

        var ex = Assert.Throws<SeedValidationException>(() => SeedLoader.Load(seeds.Path));

        Assert.Equal(new SeedError("seeds/letters.json", "file", "is missing"), Assert.Single(ex.Errors));
    }

    [Theory]
    [InlineData("questionnaire.json")]
    [InlineData("rules.json")]
    [InlineData("texts.json")]
    [InlineData("authorities.json")]
    public void TryLoad_MissingFile_NamesIt(string file)
    {
        using var seeds = new SeedCopy();
        seeds.Delete(file);

        Assert.Equal(new SeedError($"seeds/{file}", "file", "is missing"), OnlyError(seeds));
    }

    [Fact]
    public void TryLoad_JsonComments_AreAllowed()
    {
        using var seeds = new SeedCopy();
        seeds.Replace("authorities.json", "\"authorities\": [", "// a comment\n  \"authorities\": [");

        Assert.Empty(SeedLoader.TryLoad(seeds.Path).Errors);
    }

    [Fact]
    public void TryLoad_TrailingComma_IsRefusedWithLine()
    {
        using var seeds = new SeedCopy();
        seeds.Write("letters.json", "{\n  \"blank\": \"＿\",\n  \"letters\": [],\n}");

        var error = OnlyError(seeds);

        Assert.Equal("seeds/letters.json", error.File);
        Assert.Equal("line 4", error.Entry);
        Assert.StartsWith("is not valid JSON: ", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_NoStatutesFolder_SaysSo()
    {
        using var seeds = new SeedCopy();
        Directory.Delete(Path.Combine(seeds.Path, "statutes"), recursive: true);

        var (_, errors) = SeedLoader.TryLoad(seeds.Path);

        Assert.Equal(new SeedError("seeds/statutes/", "folder", "is missing"), Assert.Single(errors));
    }

    [Fact]
    public void TryLoad_EmptyStatutesFolder_SaysSo()
    {
        using var seeds = new SeedCopy();
        foreach (var file in Directory.GetFiles(Path.Combine(seeds.Path, "statutes")))
        {
            File.Delete(file);
        }

        var (_, errors) = SeedLoader.TryLoad(seeds.Path);

        Assert.Equal(new SeedError("seeds/statutes/", "folder", "holds no statute files"), Assert.Single(errors));
    }

    [Fact]
    public void TryLoad_StatuteFileName_IsUsedInErrors()
    {
        using var seeds = new SeedCopy();
        seeds.Replace("statutes/pipl.md", "order: 20", "order: twenty");

        Assert.Equal(new SeedError("seeds/statutes/pipl.md", "front matter 'order'", "must be a whole number"), OnlyError(seeds));
    }

    [Fact]
    public void TryLoad_ParseErrors_SkipCrossFileChecks()
    {
        using var seeds = new SeedCopy();
        seeds.Replace("rules.json", "\"pipl#57\"", "\"pipl#999\"");
        seeds.Replace("texts.json", "\"organisation-default\": \"涉事单位\"", "\"organisation-default\": 5");

        var (_, errors) = SeedLoader.TryLoad(seeds.Path);

        Assert.Equal("seeds/texts.json", Assert.Single(errors).File);
    }

    [Fact]
    public void TryLoad_UnknownQuestionType_ListsTypes()
    {
        using var seeds = new SeedCopy();
        seeds.Edit("questionnaire.json", root => root["questions"]![6]!["type"] = "date");

        var (_, errors) = SeedLoader.TryLoad(seeds.Path);

        Assert.Equal(new SeedError("seeds/questionnaire.json", "questions[6] (id 'discovered-on')", "type 'date' must be single, multi, number, month or text"), Assert.Single(errors));
    }

    [Fact]
    public void TryLoad_ChoiceQuestionWithoutOptions_SaysRequired()
    {
        using var seeds = new SeedCopy();
        seeds.Edit("questionnaire.json", root => root["questions"]![12]!["options"] = null);

        var (_, errors) = SeedLoader.TryLoad(seeds.Path);

        Assert.Contains(new SeedError("seeds/questionnaire.json", "questions[12] (id 'ongoing-danger')", "'options' is required"), errors);
    }

    [Fact]
    public void TryLoad_NumberQuestionWithoutBounds_SaysRequired()
    {
        using var seeds = new SeedCopy();
        seeds.Edit("questionnaire.json", root =>
        {
            root["questions"]![11]!.AsObject().Remove("min");
            root["questions"]![11]!.AsObject().Remove("max");
        });

        var (_, errors) = SeedLoader.TryLoad(seeds.Path);

        Assert.Equal(
            [new SeedError("seeds/questionnaire.json", "questions[11] (id 'loss-amount')", "'min' is required"), new SeedError("seeds/questionnaire.json", "questions[11] (id 'loss-amount')", "'max' is required")],
            errors);
    }

    [Fact]
    public void TryLoad_TextQuestionWithoutMaxLength_SaysRequired()
    {
        using var seeds = new SeedCopy();
        seeds.Edit("questionnaire.json", root => root["questions"]![18]!.AsObject().Remove("maxLength"));

        Assert.Equal(new SeedError("seeds/questionnaire.json", "questions[18] (id 'your-name')", "'maxLength' is required"), OnlyError(seeds));
    }

    [Fact]
    public void TryLoad_MissingRuleSections_AreNamed()
    {
        using var seeds = new SeedCopy();
        seeds.Write("rules.json", "{}");

        var (_, errors) = SeedLoader.TryLoad(seeds.Path);

        Assert.Equal(
            [
                new SeedError("seeds/rules.json", string.Empty, "'facts' is required"),
                new SeedError("seeds/rules.json", "criminalThreshold", "'criminalThreshold' must be an object"),
                new SeedError("seeds/rules.json", "limitation", "'limitation' must be an object"),
                new SeedError("seeds/rules.json", string.Empty, "'urgent' is required"),
                new SeedError("seeds/rules.json", string.Empty, "'paths' is required"),
                new SeedError("seeds/rules.json", string.Empty, "'evidence' is required"),
                new SeedError("seeds/rules.json", string.Empty, "'events' is required"),
                new SeedError("seeds/rules.json", string.Empty, "'deadlines' is required"),
            ],
            errors);
    }

    [Fact]
    public void TryLoad_RuleEntries_AreNamedWithIndexAndKey()
    {
        using var seeds = new SeedCopy();
        seeds.Edit("rules.json", root =>
        {
            root["facts"]![0]!.AsObject().Remove("when");
            root["criminalThreshold"]!["tiers"]![1]!.AsObject().Remove("threshold");
            root["criminalThreshold"]!["scaleRanges"]!["50-499"]!.AsObject().Remove("min");
            root["criminalThreshold"]!.AsObject().Remove("defaultThreshold");
            root["limitation"]!.AsObject().Remove("nearMonths");
            root["urgent"]![0]!.AsObject().Remove("when");
            root["paths"]![0]!.AsObject().Remove("priority");
            root["paths"]![1]!["steps"]![0]!["when"] = "x";
            root["paths"]![2]!["steps"]![0]!["additions"]![0]!.AsObject().Remove("when");
            root["paths"]![1]!["authorities"]![0]!.AsObject().Remove("authorities");
            root["evidence"]![0]!["when"] = 1;
            root["deadlines"]![0]!["omitWithoutDate"] = "yes";
            root["deadlines"]![2]!["due"] = new System.Text.Json.Nodes.JsonObject { ["days"] = 0, ["from"] = "request-sent" };
            root["deadlines"]![10]!["due"] = new System.Text.Json.Nodes.JsonObject { ["weeks"] = 1, ["from"] = "complaint-filed" };
            root["events"]![0]!.AsObject().Remove("latestOf");
        });

        var (_, errors) = SeedLoader.TryLoad(seeds.Path);

        Assert.Equal(
            [
                new SeedError("seeds/rules.json", "facts[0] (id 'organisation-known')", "'when' is required"),
                new SeedError("seeds/rules.json", "criminalThreshold.tiers[1]", "'threshold' is required"),
                new SeedError("seeds/rules.json", "criminalThreshold.scaleRanges.50-499", "'min' is required"),
                new SeedError("seeds/rules.json", "criminalThreshold", "'defaultThreshold' is required"),
                new SeedError("seeds/rules.json", "limitation", "'nearMonths' is required"),
                new SeedError("seeds/rules.json", "urgent[0] (key 'call-110-now')", "'when' is required"),
                new SeedError("seeds/rules.json", "paths[1] (id 'complain').steps[0] (key 'complain-operator-first').when", "a condition must be an object"),
                new SeedError("seeds/rules.json", "paths[1] (id 'complain').authorities[0]", "'authorities' is required"),
                new SeedError("seeds/rules.json", "paths[0] (id 'request-stop')", "'priority' is required"),
                new SeedError("seeds/rules.json", "paths[2] (id 'legal-action').steps[0] (key 'report-to-police').additions[0]", "'when' is required"),
                new SeedError("seeds/rules.json", "evidence[0] (key 'timeline').when", "a condition must be an object"),
                new SeedError("seeds/rules.json", "deadlines[0] (key 'limitation')", "'omitWithoutDate' must be true or false"),
                new SeedError("seeds/rules.json", "deadlines[2] (key 'organisation-reply').due", "'days' must be a positive whole number"),
                new SeedError("seeds/rules.json", "deadlines[10] (key 'regulator-reply').due", "unknown key 'weeks' (a clock is one of days, workingDays, months, years, with 'from')"),
                new SeedError("seeds/rules.json", "deadlines[10] (key 'regulator-reply').due", "needs exactly one clock: days, workingDays, months or years"),
                new SeedError("seeds/rules.json", "events[0] (id 'knew-of-harm-and-infringer')", "needs either 'answer' (a month question) or 'assume' (today, after-deadline or recorded), not both"),
                new SeedError("seeds/rules.json", "events[0] (id 'knew-of-harm-and-infringer')", "'when' is only for an event read from answers"),
            ],
            errors,
            new SeedErrorSetComparer());
    }

    /// <summary>Compares two error lists as sets (their order follows the reader, not the file).</summary>
    private sealed class SeedErrorSetComparer : IEqualityComparer<IEnumerable<SeedError>>
    {
        public bool Equals(IEnumerable<SeedError>? x, IEnumerable<SeedError>? y) => x!.ToHashSet().SetEquals(y!) && x!.Count() == y!.Count();

        public int GetHashCode(IEnumerable<SeedError> obj) => 0;
    }

    [Fact]
    public void TryLoad_ReducedFactorLeftOut_IsOne()
    {
        using var seeds = new SeedCopy();
        seeds.Replace("rules.json", "\"reducedFactor\": 0.5,", string.Empty);

        Assert.Equal(1m, SeedLoader.Load(seeds.Path).Rules.CriminalThreshold.ReducedFactor);
    }

    [Fact]
    public void TryLoad_LetterEntries_AreNamed()
    {
        using var seeds = new SeedCopy();
        seeds.Write("letters.json", """{"blank":"","letters":[{"id":"x","forStep":"spam-report","title":"t"}]}""");

        var (_, errors) = SeedLoader.TryLoad(seeds.Path);

        Assert.Equal(
            [new SeedError("seeds/letters.json", "letters[0] (id 'x')", "'paragraphs' is required"), new SeedError("seeds/letters.json", "bindings", "'bindings' must be an object"), new SeedError("seeds/letters.json", string.Empty, "'blank' is required and must be a non-empty string")],
            errors);
    }

    [Fact]
    public void TryLoad_StepEntries_AreNamed()
    {
        using var seeds = new SeedCopy();
        seeds.Edit("questionnaire.json", root =>
        {
            root["steps"]![1]!.AsObject().Remove("questions");
            root["questions"]![3]!["options"]![0]!["exclusive"] = "no";
        });

        var (_, errors) = SeedLoader.TryLoad(seeds.Path);

        Assert.Equal(
            [
                new SeedError("seeds/questionnaire.json", "questions[3] (id 'data-types').options[0]", "'exclusive' must be true or false"),
                new SeedError("seeds/questionnaire.json", "steps[1] (id 'data')", "'questions' is required"),
            ],
            errors);
    }
}
