using System.Diagnostics.CodeAnalysis;
using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Tests.Rules;

/// <summary>
/// <see cref="PlanBuilder"/> on a small made-up rule set, so each rule field's meaning is checked on its own
/// (the golden scenarios check the real rules end to end).
/// </summary>
public class PlanBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private static QuestionCondition Eq(string question, string value) => new(question, ConditionOperator.Eq, [value], null);

    private static readonly CriminalThresholdRule Threshold = new(
        "types", [new ThresholdTier(["location"], 50)], 5000, null, 1m, "scale",
        new Dictionary<string, ScaleRange> { ["many"] = new(5000, null) }, "likely", "possibly", ["law#2"]);

    private static readonly LimitationRule Limitation = new("d1", 6, "near", "passed", ["law#3"]);

    /// <summary>The limitation deadline: 3 years from the month answered to "found".</summary>
    private static readonly DeadlineRule D1 = new("d1", null, new DueRule(3, ClockUnit.Years, "found-at"), null, true, 30, ["law#3"]);

    /// <summary>A deadline without a clock.</summary>
    private static readonly DeadlineRule D2 = new("d2", null, null, null, false, 1, []);

    private static readonly IReadOnlyList<EventRule> Events =
    [
        new("found-at", EventSource.Answer, "found", null),
        new("sent", EventSource.Today, null, null),
        new("filed", EventSource.AfterDeadline, null, "reply"),
    ];

    private static RuleSet Rules(
        IReadOnlyList<FactRule>? facts = null,
        IReadOnlyList<UrgentRule>? urgent = null,
        IReadOnlyList<PathRule>? paths = null,
        IReadOnlyList<EvidenceRule>? evidence = null,
        IReadOnlyList<DeadlineRule>? deadlines = null) =>
        new(facts ?? [], Threshold, Limitation, urgent ?? [], paths ?? [], evidence ?? [], Events, deadlines ?? [D1]);

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["common.organisation-default"] = "涉事单位",
        ["common.estimated-note"] = "（{year}年未收录）",
        ["events.sent.assumed"] = "如今天发出",
        ["events.filed.assumed"] = "如到期后投诉",
        ["events.filed.assumed-today"] = "如今天投诉",
        ["deadlines.d1.due"] = "截止{due-date}",
        ["deadlines.d1.no-date"] = "未能计算：还不知道是谁",
        ["deadlines.a-first.title"] = "甲",
        ["deadlines.a-first.text"] = "甲",
        ["deadlines.a-first.due"] = "{due-date}",
        ["deadlines.b-second.title"] = "乙",
        ["deadlines.b-second.text"] = "乙",
        ["deadlines.b-second.due"] = "{due-date}",
        ["deadlines.reply.title"] = "答复",
        ["deadlines.reply.text"] = "十五日",
        ["deadlines.reply.due"] = "{assumption}，答复期限{due-date}",
        ["deadlines.handled.title"] = "处理",
        ["deadlines.handled.text"] = "七个工作日",
        ["deadlines.handled.due"] = "{assumption}，{due-date}前处理",
        ["urgent.u.title"] = "紧急：{organisation}",
        ["urgent.u.text"] = "损失{loss-amount}元",
        ["paths.a.title"] = "路径A",
        ["paths.a.why-recommended"] = "推荐A",
        ["paths.a.why-not-recommended"] = "不推荐A",
        ["paths.b.title"] = "路径B",
        ["paths.b.why-recommended"] = "推荐B",
        ["paths.b.why-not-recommended"] = "不推荐B",
        ["paths.c.title"] = "路径C",
        ["paths.c.why-recommended"] = "推荐C",
        ["paths.c.why-not-recommended"] = "不推荐C",
        ["steps.s1.title"] = "步骤1",
        ["steps.s1.text"] = "正文1",
        ["steps.s2.title"] = "步骤2",
        ["steps.s2.text"] = "正文2",
        ["steps.s3.title"] = "步骤3",
        ["steps.s3.text"] = "正文3",
        ["steps.s4.title"] = "步骤4",
        ["steps.s4.text"] = "正文4",
        ["steps.s5.title"] = "步骤5",
        ["steps.s5.text"] = "正文5",
        ["steps.s6.title"] = "步骤6",
        ["steps.s6.text"] = "正文6",
        ["additions.x"] = "补充X",
        ["additions.y"] = "补充Y",
        ["evidence.e1"] = "证据1",
        ["evidence.e2"] = "证据2",
        ["deadlines.d1.title"] = "时效",
        ["deadlines.d1.text"] = "截至{limitation-date}",
        ["deadlines.d2.title"] = "回复",
        ["deadlines.d2.text"] = "十五日",
        ["flags.f.label"] = "标记F",
        ["flags.f.explain"] = "因为{organisation}",
        ["flags.likely.label"] = "可能构成犯罪",
        ["flags.likely.explain"] = "说明",
        ["flags.possibly.label"] = "或许构成犯罪",
        ["flags.possibly.explain"] = "说明",
        ["flags.near.label"] = "时效将到",
        ["flags.near.explain"] = "说明",
        ["flags.passed.label"] = "时效已过",
        ["flags.passed.explain"] = "说明",
    };

    private sealed class Catalog : IContentCatalog
    {
        private static readonly Law Law = new(
            "law", "示例法", "示例", null, "全国人民代表大会", null, null, new DateOnly(2020, 1, 1), LawStatus.InForce, null, null, new DateOnly(2020, 1, 1), 1, "测试", []);

        public bool TryFindArticle(CitationRef reference, [NotNullWhen(true)] out Law? law, [NotNullWhen(true)] out Article? article)
        {
            var found = reference.LawId == "law" && reference.Number != "404";
            law = found ? Law : null;
            article = found
                ? new Article(reference.Number, $"第{reference.Number}条", $"条文{reference.Number}", 2, new DateOnly(2021, 1, 1), new DateOnly(2026, int.Parse(reference.Number, System.Globalization.CultureInfo.InvariantCulture), 1), false)
                : null;
            return found;
        }

        public Authority? FindAuthority(AuthorityId id) => id.Value.StartsWith("auth", StringComparison.Ordinal)
            ? new Authority(id, "机关" + id.Value, "12345", "example.cn", "管", "做", ConfirmationStatus.ConfirmedOfficialPage, "注", new DateOnly(2026, 1, 1))
            : null;
    }

    private static readonly Questionnaire Questions = new(
        [
            new Question("x", QuestionType.SingleChoice, "X？", null, false, [new QuestionOption("yes", "是", false), new QuestionOption("no", "否", false)], null, null, null, null, null, false),
            new Question("found", QuestionType.Month, "何时发现？", null, false, [], null, null, null, null, null, false),
            new Question("organisation-name", QuestionType.Text, "单位", null, false, [], null, null, null, null, 50, false),
            new Question("your-name", QuestionType.Text, "姓名", null, false, [], null, null, null, null, 50, true),
        ],
        [new QuestionnaireStep("one", "一", null, ["x", "found", "organisation-name"])]);

    /// <summary>The made-up rules compiled with <see cref="Texts"/>, as the loader does; fails the test on a seed error.</summary>
    private static ContentBundle Content(RuleSet rules, LetterSet? letters = null, HolidayCalendar? holidays = null)
    {
        var errors = new List<SeedError>();
        var compiled = RuleCompiler.AttachTexts(rules, new TextCatalog(Texts), holidays ?? HolidayCalendar.None, errors);
        Assert.Empty(errors);
        return new ContentBundle(Questions, compiled, [], [], letters ?? new LetterSet("＿＿", [], new Dictionary<string, LetterBinding>()));
    }

    private static Plan Build(RuleSet rules, AnswerSet? answers = null, DateTimeOffset? now = null, LetterSet? letters = null, HolidayCalendar? holidays = null, IReadOnlyDictionary<string, string>? letterFields = null) =>
        new PlanBuilder(Content(rules, letters, holidays), TestContent.Clock(now ?? Now)).Build(answers ?? AnswerSet.Empty, new Catalog(), letterFields);

    private static AnswerSet Answers(params (string Id, AnswerValue Value)[] values) =>
        values.Aggregate(AnswerSet.Empty, (a, v) => a.With(v.Id, v.Value));

    private static PathRule Path(string id, int priority, Condition? recommendedWhen, params StepRule[] steps) => new(id, priority, recommendedWhen, steps, []);

    private static StepRule Step(string key, Condition? when = null, string[]? cites = null, string[]? authorities = null, StepAddition[]? additions = null) =>
        new(key, when, cites ?? [], authorities ?? [], additions ?? []);

    [Fact]
    public void Build_Plan_CarriesTimeAnswersAndFacts()
    {
        var answers = Answers(("x", new ChoiceAnswer("yes")));

        var plan = Build(Rules(facts: [new FactRule("f", Eq("x", "yes"), false, [])]), answers);

        Assert.Equal(Now, plan.GeneratedAt);
        Assert.Same(answers, plan.Answers);
        Assert.True(plan.Facts.Has("f"));
    }

    [Fact]
    public void Build_UrgentRule_IncludedOnlyWhenItHolds()
    {
        var rules = Rules(urgent: [new UrgentRule("u", Eq("x", "yes"), ["auth-1"], ["law#1"])]);

        Assert.Empty(Build(rules).Urgent);
        var urgent = Assert.Single(Build(rules, Answers(("x", new ChoiceAnswer("yes")))).Urgent);
        Assert.Equal("u", urgent.Key);
        Assert.Equal(["auth-1"], urgent.Authorities.Select(x => x.ToString()));
        Assert.Equal(["law#1"], urgent.Citations.Select(x => x.ToString()));
    }

    [Fact]
    public void Build_UrgentUsingFact_SeesDerivedFacts()
    {
        var rules = Rules(facts: [new FactRule("f", Eq("x", "yes"), false, [])], urgent: [new UrgentRule("u", new FactCondition("f"), [], [])]);

        Assert.Single(Build(rules, Answers(("x", new ChoiceAnswer("yes")))).Urgent);
    }

    [Fact]
    public void Build_Templates_UseOrganisationAndAmount()
    {
        var rules = Rules(urgent: [new UrgentRule("u", new AnyOfCondition([Eq("x", "yes"), Eq("x", "no")]), [], [])]);

        var named = Build(rules, Answers(("x", new ChoiceAnswer("yes")), ("organisation-name", new TextAnswer("某银行")), ("loss-amount", new NumberAnswer(1234567.5m)))).Urgent[0];
        var unnamed = Build(rules, Answers(("x", new ChoiceAnswer("no")))).Urgent[0];

        Assert.Equal("紧急：某银行", named.Title);
        Assert.Equal("损失1,234,567.5元", named.Text);
        Assert.Equal("紧急：涉事单位", unnamed.Title);
        Assert.Equal("损失元", unnamed.Text);
    }

    [Fact]
    public void Build_Paths_AreInPriorityOrderWithTitles()
    {
        var rules = Rules(paths: [Path("c", 3, null, Step("s3")), Path("a", 1, null, Step("s1")), Path("b", 2, null, Step("s2"))]);

        var plan = Build(rules);

        Assert.Equal(["a", "b", "c"], plan.Paths.Select(p => p.Id));
        Assert.Equal(["路径A", "路径B", "路径C"], plan.Paths.Select(p => p.Title));
        Assert.Equal([1, 2, 3], plan.Paths.Select(p => p.Priority));
    }

    [Fact]
    public void Build_PathWithCondition_IsRecommendedOnlyWhenItHolds()
    {
        var rules = Rules(paths: [Path("a", 1, Eq("x", "yes"), Step("s1"))]);

        var no = Build(rules).Paths[0];
        var yes = Build(rules, Answers(("x", new ChoiceAnswer("yes")))).Paths[0];

        Assert.False(no.Recommended);
        Assert.Equal("不推荐A", no.Why);
        Assert.Empty(no.Steps);
        Assert.True(yes.Recommended);
        Assert.Equal("推荐A", yes.Why);
        Assert.Equal(["s1"], yes.Steps.Select(s => s.Key));
    }

    [Fact]
    public void Build_PathWithoutCondition_IsRecommendedWhenAStepApplies()
    {
        var conditional = Rules(paths: [Path("a", 1, null, Step("s1", Eq("x", "yes")), Step("s2", Eq("x", "also")))]);
        var unconditional = Rules(paths: [Path("a", 1, null, Step("s1", Eq("x", "yes")), Step("s2"))]);

        Assert.False(Build(conditional).Paths[0].Recommended);
        Assert.True(Build(conditional, Answers(("x", new ChoiceAnswer("also")))).Paths[0].Recommended);
        Assert.Equal(["s2"], Build(conditional, Answers(("x", new ChoiceAnswer("also")))).Paths[0].Steps.Select(s => s.Key));
        Assert.True(Build(unconditional).Paths[0].Recommended);
        Assert.Equal(["s2"], Build(unconditional).Paths[0].Steps.Select(s => s.Key));
    }

    [Fact]
    public void Build_PathRecommendedCondition_SeesEarlierPathsOnly()
    {
        var rules = Rules(paths:
        [
            Path("a", 1, new PathRecommendedCondition("c"), Step("s1")),
            Path("b", 2, new PathRecommendedCondition("a"), Step("s2")),
            Path("c", 3, null, Step("s3")),
        ]);

        var plan = Build(rules);

        Assert.Equal([("c", true), ("a", false), ("b", false)], plan.Paths.Select(p => (p.Id, p.Recommended)));
    }

    [Fact]
    public void Build_PathRecommendedCondition_FollowsEarlierRecommendation()
    {
        var rules = Rules(paths: [Path("a", 1, null, Step("s1")), Path("b", 2, new PathRecommendedCondition("a"), Step("s2", new PathRecommendedCondition("a")))]);

        var b = Build(rules).Paths[1];

        Assert.True(b.Recommended);
        Assert.Equal(["s2"], b.Steps.Select(s => s.Key));
    }

    [Fact]
    public void Build_StepAdditions_AppendTextAndCitations()
    {
        var step = Step("s1", cites: ["law#1", "law#2"], additions:
        [
            new StepAddition("x", Eq("x", "yes"), ["law#2", "law#5"]),
            new StepAddition("y", Eq("x", "no"), ["law#6"]),
            new StepAddition("y", new AnyOfCondition([Eq("x", "yes")]), ["law#1"]),
        ]);
        var rules = Rules(paths: [Path("a", 1, null, step)]);

        var withX = Build(rules, Answers(("x", new ChoiceAnswer("yes")))).Paths[0].Steps[0];
        var plain = Build(rules).Paths[0].Steps[0];

        Assert.Equal("步骤1", withX.Title);
        Assert.Equal("正文1\n\n补充X\n\n补充Y", withX.Text);
        Assert.Equal(["law#1", "law#2", "law#5"], withX.Citations.Select(x => x.ToString()));
        Assert.Equal("正文1", plain.Text);
        Assert.Equal(["law#1", "law#2"], plain.Citations.Select(x => x.ToString()));
    }

    [Fact]
    public void Build_PathAuthorities_ComeFromHoldingRulesThenSteps()
    {
        var path = new PathRule("a", 1, null, [Step("s1", authorities: ["auth-step", "auth-1"]), Step("s2", Eq("x", "never"), authorities: ["auth-hidden"])],
        [
            new AuthorityRule(null, ["auth-1"]),
            new AuthorityRule(Eq("x", "yes"), ["auth-2", "auth-1"]),
            new AuthorityRule(Eq("x", "no"), ["auth-3"]),
        ]);

        var plan = Build(Rules(paths: [path]), Answers(("x", new ChoiceAnswer("yes"))));

        Assert.Equal(["auth-1", "auth-2", "auth-step"], plan.Paths[0].Authorities.Select(x => x.ToString()));
        Assert.Equal(["auth-1", "auth-2", "auth-step"], plan.Authorities.Select(a => a.Id.Value));
    }

    [Fact]
    public void Build_NotRecommendedPath_HasNoAuthorities()
    {
        var path = new PathRule("a", 1, Eq("x", "yes"), [Step("s1", authorities: ["auth-step"])], [new AuthorityRule(null, ["auth-1"])]);

        var plan = Build(Rules(paths: [path]));

        Assert.Empty(plan.Paths[0].Authorities.Select(x => x.ToString()));
        Assert.Empty(plan.Authorities);
    }

    [Fact]
    public void Build_RepeatedAuthorityAndCitation_AreListedOnce()
    {
        var rules = Rules(urgent: [new UrgentRule("u", new AnyOfCondition([Eq("x", "yes")]), ["auth-1", "auth-1"], ["law#1", "law#1"])]);

        var plan = Build(rules, Answers(("x", new ChoiceAnswer("yes"))));

        Assert.Equal(["auth-1"], plan.Urgent[0].Authorities.Select(x => x.ToString()));
        Assert.Equal(["law#1"], plan.Urgent[0].Citations.Select(x => x.ToString()));
        Assert.Equal(["auth-1"], plan.Authorities.Select(a => a.Id.Value));
        Assert.Equal(["law#1"], plan.Citations.Select(c => c.Ref.ToString()));
    }

    [Theory]
    [InlineData("nobody", "law#1", "authority 'nobody'")]
    [InlineData("auth-1", "law#404", "cite law#404")]
    public void Build_AuthorityOrCitationMissingFromContent_ThrowsNamingIt(string authority, string cite, string named)
    {
        var rules = Rules(urgent: [new UrgentRule("u", new AnyOfCondition([Eq("x", "yes")]), [authority], [cite])]);

        var ex = Assert.Throws<MissingContentException>(() => Build(rules, Answers(("x", new ChoiceAnswer("yes")))));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AuthorityAndCitation_CarryCatalogDetails()
    {
        var rules = Rules(urgent: [new UrgentRule("u", new AnyOfCondition([Eq("x", "yes")]), ["auth-1"], ["law#3"])]);

        var plan = Build(rules, Answers(("x", new ChoiceAnswer("yes"))));

        Assert.Equal(new Authority(new AuthorityId("auth-1"), "机关auth-1", "12345", "example.cn", "管", "做", ConfirmationStatus.ConfirmedOfficialPage, "注", new DateOnly(2026, 1, 1)), plan.Authority(new AuthorityId("auth-1")));
        Assert.Equal(new PlanCitation(new CitationRef("law", "3"), "示例法", "第3条", "条文3", 2, new DateOnly(2021, 1, 1), new DateOnly(2026, 3, 1)), plan.Citation(new CitationRef("law", "3")));
    }

    [Fact]
    public void Build_CitationsAndAuthorities_AreCollectedOnceInOrderOfFirstUse()
    {
        var rules = Rules(
            urgent: [new UrgentRule("u", new AnyOfCondition([Eq("x", "yes")]), ["auth-2"], ["law#2"])],
            paths: [Path("a", 1, null, Step("s1", cites: ["law#1", "law#2"], authorities: ["auth-1", "auth-2"]))]);

        var plan = Build(rules, Answers(("x", new ChoiceAnswer("yes"))));

        Assert.Equal(["law#2", "law#1"], plan.Citations.Select(c => c.Ref.ToString()));
        Assert.Equal(["auth-2", "auth-1"], plan.Authorities.Select(a => a.Id.Value));
        Assert.Equal(["law#1", "law#2"], plan.Paths[0].Steps[0].Citations.Select(x => x.ToString()));
    }

    [Fact]
    public void Build_TextsAsOf_IsLatestCitedDate()
    {
        var rules = Rules(urgent: [new UrgentRule("u", new AnyOfCondition([Eq("x", "yes")]), [], ["law#3", "law#5", "law#1"])]);

        Assert.Equal(new DateOnly(2026, 5, 1), Build(rules, Answers(("x", new ChoiceAnswer("yes")))).TextsAsOf);
        Assert.Null(Build(rules).TextsAsOf);
    }

    [Fact]
    public void Build_Evidence_FiltersAndMarksWhatThePersonHas()
    {
        var rules = Rules(evidence:
        [
            new EvidenceRule("e1", null, Eq("x", "yes")),
            new EvidenceRule("e2", Eq("x", "yes"), null),
        ]);

        var without = Build(rules).EvidenceChecklist;
        var with = Build(rules, Answers(("x", new ChoiceAnswer("yes")))).EvidenceChecklist;

        Assert.Equal([new PlanEvidenceItem("e1", "证据1", false)], without);
        Assert.Equal([new PlanEvidenceItem("e1", "证据1", true), new PlanEvidenceItem("e2", "证据2", false)], with);
    }

    [Fact]
    public void Build_LimitationDeadline_NeedsTheDiscoveryMonth()
    {
        var rules = Rules(deadlines: [D1, D2]);

        var without = Build(rules).Deadlines;
        var with = Build(rules, Answers(("found", new MonthAnswer(new YearMonth(2026, 10))))).Deadlines;

        Assert.Equal(["d2"], without.Select(d => d.Key));
        Assert.Null(without[0].Date);
        Assert.Equal(["d1", "d2"], with.Select(d => d.Key));
        Assert.Equal("2029-10", with[0].Date);
        Assert.Equal(new DateOnly(2029, 10, 1), with[0].Due!.Date);
        Assert.Equal(DatePrecision.Month, with[0].Due!.Precision);
        Assert.Equal(DueBasis.Answer, with[0].Due!.Basis);
        Assert.Equal("截止2029年10月", with[0].Due!.Text);
        Assert.Equal("时效", with[0].Title);
        Assert.Equal("截至2029年10月", with[0].Text);
        Assert.Equal(["law#3"], with[0].Citations.Select(x => x.ToString()));
        Assert.Null(with[1].Date);
    }

    [Fact]
    public void Build_DeadlineWithCondition_IncludedOnlyWhenItHolds()
    {
        var rules = Rules(deadlines: [D2 with { When = Eq("x", "yes") }]);

        Assert.Empty(Build(rules).Deadlines);
        Assert.Single(Build(rules, Answers(("x", new ChoiceAnswer("yes")))).Deadlines);
    }

    [Fact]
    public void Build_Flags_ShowHoldingFlaggedFactsOnly()
    {
        var rules = Rules(facts:
        [
            new FactRule("f", Eq("x", "yes"), true, ["law#1"]),
            new FactRule("g", Eq("x", "yes"), false, []),
        ]);

        var flags = Build(rules, Answers(("x", new ChoiceAnswer("yes")), ("organisation-name", new TextAnswer("某银行")))).Flags;

        Assert.Equal([("f", "标记F", "因为某银行")], flags.Select(f => (f.Id, f.Label, f.Explain)));
        Assert.Equal(["law#1"], flags[0].Citations.Select(x => x.ToString()));
        Assert.Empty(Build(rules).Flags);
    }

    [Fact]
    public void Build_ThresholdAndLimitationFlags_CiteTheirRules()
    {
        var answers = Answers(
            ("types", new ChoicesAnswer(["identity"])),
            ("scale", new ChoiceAnswer("many")),
            ("found", new MonthAnswer(new YearMonth(2023, 10))));

        var flags = Build(Rules(), answers).Flags;

        Assert.Equal(["likely", "passed"], flags.Select(f => f.Id));
        Assert.Equal([["law#2"], ["law#3"]], flags.Select(f => f.Citations.Select(x => x.ToString())));
    }

    [Fact]
    public void Build_PossiblyAndNearFlags_AreShown()
    {
        var answers = Answers(
            ("types", new ChoicesAnswer(["location"])),
            ("scale", new ChoiceAnswer("many")),
            ("found", new MonthAnswer(new YearMonth(2023, 12))));
        var rules = Rules() with { CriminalThreshold = Threshold with { ScaleRanges = new Dictionary<string, ScaleRange> { ["many"] = new(10, null) } } };

        Assert.Equal(["possibly", "near"], Build(rules, answers).Flags.Select(f => f.Id));
    }

    [Fact]
    public void Build_CurrentMonth_IsChinaTime()
    {
        // 2026-10-31 16:30 UTC is already November in China: the discovery three years earlier is then past the limitation.
        var rules = Rules();
        var answers = Answers(("found", new MonthAnswer(new YearMonth(2023, 10))));

        Assert.False(Build(rules, answers, new DateTimeOffset(2026, 10, 31, 15, 30, 0, TimeSpan.Zero)).Facts.Has("passed"));
        Assert.True(Build(rules, answers, new DateTimeOffset(2026, 10, 31, 16, 30, 0, TimeSpan.Zero)).Facts.Has("passed"));
    }

    // Due dates, decided once here (the page, API, PDF and calendar only show them)

    private static readonly DeadlineRule Reply = new("reply", null, new DueRule(15, ClockUnit.Days, "sent"), "s1", false, 1, []);

    private static readonly DeadlineRule Handled = new("handled", null, new DueRule(7, ClockUnit.WorkingDays, "filed"), null, false, 2, []);

    private static HolidayCalendar Holidays2026() => new([new HolidayYear(2026, "通知", new HashSet<DateOnly> { new(2026, 12, 14), new(2026, 12, 15) }, new HashSet<DateOnly> { new(2026, 12, 19) })]);

    [Fact]
    public void Build_DaysClockFromAnEventThePersonCauses_CountsFromTodayInChina()
    {
        // 2026-11-27 02:00 UTC is 10:00 on 27 November in China; 15 days later is 12 December.
        var plan = Build(Rules(paths: [Path("a", 1, null, Step("s1"))], deadlines: [Reply]));

        var due = plan.Deadlines.Single().Due!;
        Assert.Equal(new DateOnly(2026, 12, 12), due.Date);
        Assert.Equal(DatePrecision.Day, due.Precision);
        Assert.Equal(DueBasis.IfStartedToday, due.Basis);
        Assert.Equal("2026年12月12日", due.Display);
        Assert.Equal("如今天发出，答复期限2026年12月12日", due.Text);
        Assert.Equal("2026-12-12", due.Iso);
        Assert.Null(plan.Deadlines.Single().Date);
    }

    [Fact]
    public void Build_DayInChinaIsAlreadyTomorrow_CountsFromChinaDate()
    {
        // 20:00 UTC on 27 November is 04:00 on 28 November in China.
        var plan = Build(Rules(deadlines: [Reply]), now: new DateTimeOffset(2026, 11, 27, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 28), plan.Today);
        Assert.Equal(new DateOnly(2026, 12, 13), plan.Deadlines.Single().Due!.Date);
    }

    [Fact]
    public void Build_ClockAfterAnotherDeadline_StartsWhenThatOneEnds_SkippingHolidays()
    {
        var plan = Build(Rules(deadlines: [Reply, Handled]), holidays: Holidays2026());

        // The complaint is filed when the reply is due (12 Dec, a Saturday); 7 working days: 14 and 15 Dec are days off,
        // Saturday 19 Dec is a working day: 16, 17, 18, 19, 21, 22, 23 → 23 December.
        var handled = plan.Deadlines.Single(d => d.Key == "handled").Due!;
        Assert.Equal(new DateOnly(2026, 12, 23), handled.Date);
        Assert.Equal(DueBasis.AfterDeadline, handled.Basis);
        Assert.Equal("如到期后投诉，2026年12月23日前处理", handled.Text);
        Assert.False(handled.Estimated);
    }

    [Fact]
    public void Build_ClockAfterADeadlineNotInThePlan_CountsFromToday()
    {
        var plan = Build(Rules(deadlines: [Reply with { When = Eq("x", "yes") }, Handled]), holidays: Holidays2026());

        var handled = Assert.Single(plan.Deadlines).Due!;
        Assert.Equal(DueBasis.IfStartedToday, handled.Basis);
        Assert.Equal(new DateOnly(2026, 12, 8), handled.Date); // Fri 27 Nov + 7 working days (no holidays before 14 Dec)
        Assert.StartsWith("如今天投诉，", handled.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WorkingDaysPastTheHolidayCalendar_AreMarkedEstimated()
    {
        var plan = Build(Rules(deadlines: [Reply, Handled]), now: new DateTimeOffset(2026, 12, 25, 2, 0, 0, TimeSpan.Zero), holidays: Holidays2026());

        var reply = plan.Deadlines.Single(d => d.Key == "reply").Due!;
        var handled = plan.Deadlines.Single(d => d.Key == "handled").Due!;
        Assert.False(reply.Estimated); // calendar days need no holiday calendar
        Assert.True(handled.Estimated);
        Assert.Equal("（2027年未收录）", handled.Note);
        Assert.EndsWith("（2027年未收录）", handled.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StepWithADeadline_CarriesItsDueDate()
    {
        var plan = Build(Rules(paths: [Path("a", 1, null, Step("s1"), Step("s2"))], deadlines: [Reply]));

        Assert.Same(plan.Deadlines.Single(), plan.Paths[0].Steps[0].Deadline);
        Assert.Null(plan.Paths[0].Steps[1].Deadline);
    }

    [Fact]
    public void Build_Calendar_OneEventPerDatedDeadlineInDateOrder()
    {
        var rules = Rules(deadlines: [D1, D2, Handled, Reply]);

        var plan = Build(rules, Answers(("found", new MonthAnswer(new YearMonth(2026, 10)))), holidays: Holidays2026());

        Assert.Equal(
            [("reply-20261212@leakrights", new DateOnly(2026, 12, 12), "答复", 1), ("handled-20261223@leakrights", new DateOnly(2026, 12, 23), "处理", 2), ("d1-20291001@leakrights", new DateOnly(2029, 10, 1), "时效", 30)],
            plan.Calendar.Select(e => (e.Uid, e.Date, e.Title, e.RemindDaysBefore)));
    }

    [Fact]
    public void Build_FirstThings_AreUrgentActionsThenFirstStepOfEachRecommendedPath()
    {
        var rules = Rules(
            urgent: [new UrgentRule("u", Eq("x", "yes"), [], [])],
            paths: [Path("a", 1, null, Step("s1"), Step("s2")), Path("b", 2, Eq("x", "no"), Step("s3")), Path("c", 3, null, Step("s2", Eq("x", "yes")))],
            deadlines: [Reply]);

        var plan = Build(rules, Answers(("x", new ChoiceAnswer("yes")), ("organisation-name", new TextAnswer("某银行"))));

        // s2 is in two paths: listed once.
        Assert.Equal([("紧急：某银行", "urgent-u"), ("步骤1", "step-s1"), ("步骤2", "step-s2")], plan.FirstThings.Select(t => (t.Title, t.Anchor)));
        Assert.Same(plan.Deadlines.Single().Due, plan.FirstThings[1].Due);
        Assert.Null(plan.FirstThings[0].Due);
    }

    [Fact]
    public void Build_GlossaryTerm_IsExplainedOnceWhereThePlanFirstUsesIt()
    {
        // s2 (path b, leads) and s1 (path a) both use 甲; s3 uses 乙; nobody uses 丙.
        var texts = new Dictionary<string, string>(Texts, StringComparer.Ordinal) { ["steps.s1.text"] = "先甲", ["steps.s2.text"] = "又甲", ["steps.s3.text"] = "乙" };
        GlossaryTerm[] glossary = [new("甲", "解释甲"), new("乙", "解释乙"), new("丙", "解释丙")];
        var paths = new[] { Path("a", 1, null, Step("s1")), Path("b", 2, null, Step("s2"), Step("s3")) with { LeadWhen = Eq("x", "yes") } };
        var rules = Rules(paths: paths) with { Glossary = glossary };
        var errors = new List<SeedError>();
        var compiled = RuleCompiler.AttachTexts(rules, new TextCatalog(texts), HolidayCalendar.None, errors) with { Glossary = rules.Glossary };
        var builder = new PlanBuilder(new ContentBundle(Questions, compiled, [], [], new LetterSet("＿＿", [], new Dictionary<string, LetterBinding>())), TestContent.Clock(Now));

        var leads = builder.Build(Answers(("x", new ChoiceAnswer("yes"))), new Catalog());
        var not = builder.Build(AnswerSet.Empty, new Catalog());

        Assert.Empty(errors);
        Assert.Equal([("s2", "甲"), ("s3", "乙")], leads.Paths.SelectMany(p => p.Steps).SelectMany(s => s.Terms.Select(t => (s.Key, t.Term))));
        Assert.Equal([("s1", "甲"), ("s3", "乙")], not.Paths.SelectMany(p => p.Steps).SelectMany(s => s.Terms.Select(t => (s.Key, t.Term))));
        Assert.Equal("解释甲", not.Paths[0].Steps[0].Terms[0].Explanation);
    }

    [Fact]
    public void Build_PathLeadWhen_PutsThatPathFirstOnlyWhenItHoldsAndItIsRecommended()
    {
        var paths = new[]
        {
            Path("a", 1, null, Step("s1")),
            Path("b", 2, Eq("x", "never"), Step("s2")) with { LeadWhen = Eq("x", "yes") },
            Path("c", 3, null, Step("s3")) with { LeadWhen = Eq("x", "yes") },
        };
        var rules = Rules(paths: paths);

        var leads = Build(rules, Answers(("x", new ChoiceAnswer("yes"))));
        var not = Build(rules, Answers(("x", new ChoiceAnswer("no"))));

        Assert.Equal(["c", "a", "b"], leads.Paths.Select(p => p.Id)); // b leads but is not recommended: last
        Assert.Equal([3, 1, 2], leads.Paths.Select(p => p.Priority));
        Assert.Equal(["step-s3", "step-s1"], leads.FirstThings.Select(t => t.Anchor));
        Assert.Equal(["a", "c", "b"], not.Paths.Select(p => p.Id));
    }

    [Fact]
    public void Build_FirstThings_AreUrgentActionsThenFirstStepsThenNextSteps_SixAtMost()
    {
        var rules = Rules(
            urgent: [new UrgentRule("u", Eq("x", "yes"), [], [])],
            paths: [Path("a", 1, null, Step("s1"), Step("s2"), Step("s3"), Step("s4"), Step("s5")), Path("b", 2, null, Step("s6"))]);

        var calm = Build(rules, Answers(("x", new ChoiceAnswer("no"))));
        var urgent = Build(rules, Answers(("x", new ChoiceAnswer("yes"))));

        Assert.Equal(["step-s1", "step-s6", "step-s2", "step-s3", "step-s4", "step-s5"], calm.FirstThings.Select(t => t.Anchor));
        Assert.Equal(["urgent-u", "step-s1", "step-s6", "step-s2", "step-s3", "step-s4"], urgent.FirstThings.Select(t => t.Anchor));
        Assert.Equal(6, PlanBuilder.MaxFirstThings);
    }

    [Fact]
    public void Build_Situation_ListsAnsweredQuestionsInQuestionnaireOrder_WithoutLetterDetails()
    {
        var answers = Answers(("organisation-name", new TextAnswer("某银行")), ("x", new ChoiceAnswer("no")), ("your-name", new TextAnswer("王小明")));

        var plan = Build(Rules(), answers);

        Assert.Equal([("x", "X？", "否"), ("organisation-name", "单位", "某银行")], plan.Situation.Select(s => (s.QuestionId, s.Question, s.Answer)));
    }

    // Letters, filled once here from the bindings of letters.json

    private static LetterSet Letters(params (string Placeholder, LetterBinding Binding)[] bindings) => new(
        "＿＿",
        [new LetterTemplate("l1", "s1", TextTemplate.Parse("致{organisation}"), [new LetterParagraph(TextTemplate.Parse("我是{your-name}，{found}发现，损失{x}。")), new LetterParagraph(TextTemplate.Parse("依据：{cites}"))], [], [TextTemplate.Parse("日期：{date}")])],
        bindings.ToDictionary(b => b.Placeholder, b => b.Binding, StringComparer.Ordinal));

    private static readonly LetterSet BoundLetters = Letters(
        ("organisation", new LetterBinding("organisation", "organisation-name", null, null)),
        ("your-name", new LetterBinding("your-name", "your-name", null, null)),
        ("found", new LetterBinding("found", "found", null, null)),
        ("x", new LetterBinding("x", "x", null, TextTemplate.Parse("（{value}）"))),
        ("cites", new LetterBinding("cites", null, null, null) { Cites = ["law#1"] }),
        ("date", new LetterBinding("date", null, LetterPlanValue.Date, null)));

    [Fact]
    public void Build_Letter_FillsWhatThePersonSaid_AndMarksEveryOtherValueBlank()
    {
        var rules = Rules(paths: [Path("a", 1, null, Step("s1", cites: ["law#1"]))]);

        var plan = Build(rules, Answers(("found", new MonthAnswer(new YearMonth(2026, 10)))), letters: BoundLetters);

        var letter = Assert.Single(plan.Letters);
        Assert.Equal("致＿＿", letter.Title.Text);
        Assert.Equal("我是＿＿，2026年10月发现，损失＿＿。", letter.Paragraphs[0].Text);
        Assert.Equal([false, true, false, false, false, true, false], letter.Paragraphs[0].Segments.Select(x => x.Blank));
        Assert.Equal("依据：《示例法》第1条", letter.Paragraphs[1].Text);
        Assert.Equal("日期：2026年11月27日", letter.Signature[0].Text);
    }

    [Fact]
    public void Build_Letter_UsesLetterDetailsAndWrapsAnswers()
    {
        var rules = Rules(paths: [Path("a", 1, null, Step("s1"))]);
        var answers = Answers(("organisation-name", new TextAnswer("某银行")), ("x", new ChoiceAnswer("yes")));

        var plan = Build(rules, answers, letters: BoundLetters, letterFields: new Dictionary<string, string> { ["your-name"] = "王小明" });

        var letter = Assert.Single(plan.Letters);
        Assert.Equal("致某银行", letter.Title.Text);
        Assert.Equal("我是王小明，＿＿发现，损失（是）。", letter.Paragraphs[0].Text);
        Assert.False(letter.Title.HasBlanks);
    }

    [Fact]
    public void Build_LetterWhoseStepIsNotInThePlan_IsLeftOut()
    {
        var rules = Rules(paths: [Path("a", 1, null, Step("s1", Eq("x", "yes")), Step("s2"))]);

        Assert.Empty(Build(rules, letters: BoundLetters).Letters);
        Assert.Single(Build(rules, Answers(("x", new ChoiceAnswer("yes"))), letters: BoundLetters).Letters);
    }

    [Fact]
    public void Build_LetterDetailsGivenForThePdf_DoNotChangeTheRestOfThePlan()
    {
        var rules = Rules(paths: [Path("a", 1, null, Step("s1"))]);

        var without = Build(rules, letters: BoundLetters);
        var with = Build(rules, letters: BoundLetters, letterFields: new Dictionary<string, string> { ["your-name"] = "王小明" });

        Assert.Empty(with.Situation);
        Assert.Equal(without.Paths.Select(p => p.Steps.Count), with.Paths.Select(p => p.Steps.Count));
        Assert.NotEqual(without.Letters[0].Paragraphs[0].Text, with.Letters[0].Paragraphs[0].Text);
    }

    [Fact]
    public void Build_LetterParagraphWithCondition_IsPrintedOnlyWhenItHolds()
    {
        var rules = Rules(paths: [Path("a", 1, null, Step("s1"))]);
        var letters = BoundLetters with
        {
            Letters = [BoundLetters.Letters[0] with { Paragraphs = [.. BoundLetters.Letters[0].Paragraphs, new LetterParagraph(TextTemplate.Parse("只在X时写。"), Eq("x", "yes"))] }],
        };

        Assert.DoesNotContain(Build(rules, letters: letters).Letters[0].Paragraphs, p => p.Text == "只在X时写。");
        Assert.Equal("只在X时写。", Build(rules, Answers(("x", new ChoiceAnswer("yes"))), letters: letters).Letters[0].Paragraphs[^1].Text);
    }

    private static LetterSet OneParagraph(string text, params (string Placeholder, LetterBinding Binding)[] bindings) => new(
        "＿＿",
        [new LetterTemplate("l1", "s1", TextTemplate.Parse("信"), [new LetterParagraph(TextTemplate.Parse(text)), new LetterParagraph(TextTemplate.Parse("结尾。"))], [], [])],
        bindings.ToDictionary(b => b.Placeholder, b => b.Binding, StringComparer.Ordinal));

    [Fact]
    public void Build_LetterCitesBinding_NamesArticlesOnceWithTheirLaw_AndPutsTheirTextInThePlan()
    {
        var rules = Rules(paths: [Path("a", 1, null, Step("s1", cites: ["law#1"]))]);
        var letters = OneParagraph("依据{basis}。", ("basis", new LetterBinding("basis", null, null, null) { Cites = ["law#2", "law#3"] }));

        var plan = Build(rules, letters: letters);

        Assert.Equal("依据《示例法》第2条、第3条。", plan.Letters[0].Paragraphs[0].Text);
        Assert.Equal(["law#2", "law#3"], plan.Letters[0].Citations.Select(c => c.ToString()));
        Assert.Equal(["law#1", "law#2", "law#3"], plan.Citations.Select(c => c.Ref.ToString()));
    }

    [Fact]
    public void Build_LetterCitesBindingInAParagraphNotPrinted_AddsNoCitation()
    {
        var rules = Rules(paths: [Path("a", 1, null, Step("s1"))]);
        var letters = OneParagraph("无。", ("basis", new LetterBinding("basis", null, null, null) { Cites = ["law#2"] }));
        letters = letters with { Letters = [letters.Letters[0] with { Paragraphs = [.. letters.Letters[0].Paragraphs, new LetterParagraph(TextTemplate.Parse("{basis}"), Eq("x", "yes"))] }] };

        var plan = Build(rules, letters: letters);

        Assert.Empty(plan.Letters[0].Citations);
        Assert.Empty(plan.Citations);
        Assert.Equal(["law#2"], Build(rules, Answers(("x", new ChoiceAnswer("yes"))), letters: letters).Letters[0].Citations.Select(c => c.ToString()));
    }

    [Theory]
    [InlineData("yes", "回答：肯定。", false)]
    [InlineData("no", "回答：＿＿。", true)] // an option the letter has no words for is not stated: the person fills it in
    public void Build_LetterLabels_PrintTheLettersWordsAndNeverAnUnmappedLabel(string answer, string expected, bool blank)
    {
        var rules = Rules(paths: [Path("a", 1, null, Step("s1"))]);
        var labels = new Dictionary<string, string> { ["yes"] = "肯定" };
        var letters = OneParagraph("回答：{x}。", ("x", new LetterBinding("x", "x", null, null) { Labels = labels }));

        var line = Build(rules, Answers(("x", new ChoiceAnswer(answer))), letters: letters).Letters[0].Paragraphs[0];

        Assert.Equal(expected, line.Text);
        Assert.Equal(blank, line.HasBlanks);
    }

    [Fact]
    public void Build_LetterOmitWhenMissing_PrintsNothing_AndDropsAParagraphLeftEmpty()
    {
        var rules = Rules(paths: [Path("a", 1, null, Step("s1"))]);
        var omit = new LetterBinding("x", "x", null, TextTemplate.Parse("附：{value}")) { OmitWhenMissing = true };

        var without = Build(rules, letters: OneParagraph("{x}", ("x", omit))).Letters[0];
        var with = Build(rules, Answers(("x", new ChoiceAnswer("yes"))), letters: OneParagraph("{x}", ("x", omit))).Letters[0];
        var blank = Build(rules, letters: OneParagraph("{x}", ("x", omit with { OmitWhenMissing = false }))).Letters[0];

        Assert.Equal(["结尾。"], without.Paragraphs.Select(p => p.Text));
        Assert.Equal(["附：是", "结尾。"], with.Paragraphs.Select(p => p.Text));
        Assert.Equal(["＿＿", "结尾。"], blank.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Build_LetterFirstAuthorityLabels_AddressTheLettersOwnWordsElseTheName()
    {
        var rules = Rules(paths: [Path("a", 1, null, Step("s1", authorities: ["auth1"]))]);
        var labelled = OneParagraph("致：{to}", ("to", new LetterBinding("to", null, LetterPlanValue.FirstAuthority, null) { Labels = new Dictionary<string, string> { ["auth1"] = "某某分局" } }));
        var plain = OneParagraph("致：{to}", ("to", new LetterBinding("to", null, LetterPlanValue.FirstAuthority, null) { Labels = new Dictionary<string, string> { ["auth9"] = "别处" } }));

        Assert.Equal("致：某某分局", Build(rules, letters: labelled).Letters[0].Paragraphs[0].Text);
        Assert.Equal("致：机关auth1", Build(rules, letters: plain).Letters[0].Paragraphs[0].Text);
    }

    [Fact]
    public void Build_LetterWithCondition_IsLeftOutWhenItDoesNotHold()
    {
        var rules = Rules(paths: [Path("a", 1, null, Step("s1"))]);
        var letters = BoundLetters with { Letters = [BoundLetters.Letters[0] with { When = Eq("x", "yes") }] };

        Assert.Empty(Build(rules, letters: letters).Letters);
        Assert.Single(Build(rules, Answers(("x", new ChoiceAnswer("yes"))), letters: letters).Letters);
    }

    [Fact]
    public void Build_AnswerEventReadFromSeveralMonths_CountsFromTheLatest_OnlyWhenItsConditionHolds()
    {
        var events = new List<EventRule>(Events) { new("restart", EventSource.Answer, "found", null) { Questions = ["found", "again"], When = Eq("x", "yes") } };
        var d1 = D1 with { Due = D1.Due! with { From = "restart" }, OmitWithoutDate = false };
        var rules = Rules(deadlines: [d1]) with { Events = events };
        var later = Answers(("found", new MonthAnswer(new YearMonth(2024, 3))), ("again", new MonthAnswer(new YearMonth(2025, 7))));

        var known = Build(rules, later.With("x", new ChoiceAnswer("yes"))).Deadlines.Single();
        var unknown = Build(rules, later).Deadlines.Single();

        Assert.Equal("2028-07", known.Due!.Iso);
        Assert.Null(known.NoDate);
        Assert.Null(unknown.Due);
        Assert.Equal("未能计算：还不知道是谁", unknown.NoDate);
        Assert.DoesNotContain("passed", Build(rules, later).Flags.Select(f => f.Id));
    }

    [Fact]
    public void Build_WorkingDaysFromACoveredYearIntoAnUncoveredOne_NameTheFirstUncoveredYear()
    {
        // Handled counted from today (no reply deadline): Fri 25 Dec 2026 + 7 working days runs into 2027.
        var plan = Build(Rules(deadlines: [Handled]), now: new DateTimeOffset(2026, 12, 25, 2, 0, 0, TimeSpan.Zero), holidays: Holidays2026());

        var due = plan.Deadlines.Single().Due!;
        Assert.True(due.Estimated);
        Assert.Equal("（2027年未收录）", due.Note);
        Assert.Equal(new DateOnly(2027, 1, 5), due.Date);
    }

    [Fact]
    public void Build_LetterAddressee_IsTheFirstAuthorityOfTheLettersOwnPath()
    {
        var rules = Rules(paths:
        [
            new PathRule("a", 1, null, [Step("s3", authorities: ["auth-0"])], []),
            new PathRule("b", 2, null, [Step("s1", cites: ["law#1"], authorities: ["auth-1"])], []),
            new PathRule("c", 3, null, [Step("s2", Eq("x", "yes"), cites: ["law#2"])], []),
        ]);
        var letters = Letters(("who", new LetterBinding("who", null, LetterPlanValue.FirstAuthority, null)));
        letters = letters with { Letters = [letters.Letters[0] with { Paragraphs = [new LetterParagraph(TextTemplate.Parse("致{who}"))] }] };

        var letter = Assert.Single(Build(rules, letters: letters).Letters);

        Assert.Equal("致机关auth-1", letter.Paragraphs[0].Text);
    }

    [Fact]
    public void Build_NoLimitationDate_LeavesTheLimitationPlaceholderEmpty()
    {
        var rules = Rules(urgent: [new UrgentRule("u", new AnyOfCondition([Eq("x", "yes")]), [], [])]);

        var plan = Build(rules, Answers(("x", new ChoiceAnswer("yes"))));

        Assert.Equal("损失元", plan.Urgent[0].Text);
        Assert.Null(plan.Facts.LimitationDate);
    }

    [Fact]
    public void Build_Calendar_SameDay_OrdersByUid()
    {
        var a = new DeadlineRule("b-second", null, new DueRule(15, ClockUnit.Days, "sent"), null, false, 1, []);
        var b = new DeadlineRule("a-first", null, new DueRule(15, ClockUnit.Days, "sent"), null, false, 1, []);

        var plan = Build(Rules(deadlines: [a, b]));

        Assert.Equal(["a-first-20261212@leakrights", "b-second-20261212@leakrights"], plan.Calendar.Select(e => e.Uid));
    }
}

