using LeakRights.Core.Answers;
using LeakRights.Core.Incidents;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Tests.Incidents;

/// <summary>
/// A check started from a published incident (issue 16): the prefilled answers, and the plan and path-1 letter that name the
/// incident from the registry, ask what PIPL 57 and the regulation's Art. 11 entitle the person to, and never say the
/// person's data was in it unless they said so.
/// </summary>
public class IncidentPlanTests
{
    public static readonly Incident Hotel = new(
        "hotel-group-2026-11",
        "某某酒店集团",
        "app",
        new DateOnly(2026, 10, 20),
        new DateOnly(2026, 11, 3),
        ["identity", "contact", "accommodation"],
        "5000-plus",
        "某某酒店集团的会员数据库被公开售卖。",
        IncidentStatus.Reported,
        [new IncidentSource(IncidentSourceKind.Press, "某某酒店集团会员信息疑遭泄露", new Uri("https://news.example.cn/2026/11/03/hotel"), new DateOnly(2026, 11, 3))],
        1,
        new DateTimeOffset(2026, 11, 4, 0, 0, 0, TimeSpan.Zero));

    public sealed class Catalog(params Incident[] incidents) : IIncidentCatalog
    {
        public IReadOnlyList<Incident> PublishedIncidents { get; } = [.. incidents.OrderByDescending(i => i.BecamePublicOn)];

        public Incident? FindIncident(string slug) => PublishedIncidents.FirstOrDefault(i => i.Slug == slug);
    }

    /// <summary>The prefilled answers completed as a person would on the steps that remain.</summary>
    private static AnswerSet Completed(AnswerSet prefilled, string discovery = "[\"news\"]") =>
        TestContent.Answers($$"""
        {
          "source": "{{prefilled.Choice("source")}}",
          "organisation-name": "{{prefilled.Text("organisation-name")}}",
          "data-types": [{{string.Join(",", prefilled.Choices("data-types").Select(d => $"\"{d}\""))}}],
          "scale": "{{prefilled.Choice("scale")}}",
          "discovery": {{discovery}},
          "discovered-on": "2026-11",
          "evidence": ["none"],
          "harms": ["none-yet"],
          "ongoing-danger": "no",
          "police-report": "no"
        }
        """).With(IncidentAnswers.QuestionId, prefilled.Get(IncidentAnswers.QuestionId));

    private static Plan Build(AnswerSet answers, IIncidentCatalog? incidents) =>
        new PlanBuilder(TestContent.Bundle, TestContent.Clock()).Build(answers, new SeedCatalog(TestContent.Bundle), incidents: incidents);

    private static string LetterText(Plan plan) =>
        string.Join("\n", Assert.Single(plan.Letters, l => l.Id == "deletion-request").Paragraphs.Select(p => p.Text));

    [Fact]
    public void Prefill_PublishedIncident_AnswersSourceOrganisationDataScaleNewsAndTheSlug()
    {
        var answers = IncidentAnswers.Prefill(Hotel, TestContent.Walker(), new AnswerParser(TestContent.Clock()));

        Assert.Equal("app", answers.Choice("source"));
        Assert.Equal("某某酒店集团", answers.Text("organisation-name"));
        Assert.Equal(["identity", "contact", "accommodation"], answers.Choices("data-types"));
        Assert.Equal("5000-plus", answers.Choice("scale"));
        Assert.Equal(["news"], answers.Choices("discovery"));
        Assert.Equal("hotel-group-2026-11", answers.Text(IncidentAnswers.QuestionId));
        Assert.Equal(2, TestContent.Walker().FirstIncompleteStep(answers)); // source and data complete (the person still confirms them)
    }

    [Fact]
    public void Prefill_AnOptionTheQuestionnaireDoesNotHave_IsLeftOutAndTheRestKept()
    {
        var odd = Hotel with { Source = "spaceship", DataTypes = ["identity", "no-such-type"], Scale = "millions" };

        var answers = IncidentAnswers.Prefill(odd, TestContent.Walker(), new AnswerParser(TestContent.Clock()));

        Assert.False(answers.Has("source"));
        Assert.False(answers.Has("scale"));
        Assert.Equal(["identity"], answers.Choices("data-types"));
    }

    [Fact]
    public void Build_IncidentAnswer_ThePlanCarriesTheIncident_AndThePath1LetterNamesItAndAsksTheFourQuestions()
    {
        var answers = Completed(IncidentAnswers.Prefill(Hotel, TestContent.Walker(), new AnswerParser(TestContent.Clock())));

        var plan = Build(answers, new Catalog(Hotel));
        var text = LetterText(plan);

        Assert.Same(Hotel, plan.Incident);
        Assert.Contains("2026年11月3日，《某某酒店集团会员信息疑遭泄露》（2026年11月3日）公开了某某酒店集团发生个人信息泄露的情况", text, StringComparison.Ordinal);
        Assert.Contains("尚未经涉事单位或者有关主管部门证实", text, StringComparison.Ordinal);
        Assert.Contains("本人的哪些个人信息在泄露的范围内", text, StringComparison.Ordinal); // what
        Assert.Contains("泄露发生的时间", text, StringComparison.Ordinal); // when
        Assert.Contains("贵单位已经采取的补救措施", text, StringComparison.Ordinal); // measures
        Assert.Contains("是否已经就此次泄露事件通知本人", text, StringComparison.Ordinal); // notified
        Assert.Contains("第五十七条", text, StringComparison.Ordinal);
        Assert.Contains("网络数据安全管理条例》第十一条", text, StringComparison.Ordinal);
        Assert.Contains(plan.Letters.Single(l => l.Id == "deletion-request").Citations, c => c.ToString() == "network-data-security-regulation#11");
        Assert.Single(text.Split('\n'), p => p.StartsWith("二、", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Key == "public-interest" && s.Text.Contains("线索材料", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_IncidentAndOnlyTheNews_NeverSaysThePersonsDataWasInIt()
    {
        var answers = Completed(IncidentAnswers.Prefill(Hotel, TestContent.Walker(), new AnswerParser(TestContent.Clock())));

        var text = LetterText(Build(answers, new Catalog(Hotel)));

        Assert.DoesNotContain("本人的下列个人信息被泄露", text, StringComparison.Ordinal);
        Assert.Contains("可能在泄露范围内", text, StringComparison.Ordinal);
        Assert.Contains("本人的个人信息是否在此次泄露的范围内，请贵单位核实后书面告知", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_IncidentAndThePersonSaysTheyGetSpamCalls_TheLetterStatesWhatTheySaid()
    {
        var answers = Completed(IncidentAnswers.Prefill(Hotel, TestContent.Walker(), new AnswerParser(TestContent.Clock())), "[\"news\", \"spam\"]");

        var text = LetterText(Build(answers, new Catalog(Hotel)));

        Assert.Contains("本人的下列个人信息被泄露", text, StringComparison.Ordinal);
        Assert.Contains("某某酒店集团发生个人信息泄露的情况", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IncidentStatus.ConfirmedByOrganisation, "涉事单位已经确认该事件")]
    [InlineData(IncidentStatus.ConfirmedByAuthority, "有关主管部门已经确认该事件")]
    [InlineData(IncidentStatus.Disputed, "有不同说法")]
    public void Build_IncidentStatus_TheLetterSaysItInItsOwnWords(IncidentStatus status, string words)
    {
        var incident = Hotel with { Status = status };
        var answers = Completed(IncidentAnswers.Prefill(incident, TestContent.Walker(), new AnswerParser(TestContent.Clock())));

        var text = LetterText(Build(answers, new Catalog(incident)));

        Assert.Contains(words, text, StringComparison.Ordinal);
        Assert.DoesNotContain("尚未经涉事单位或者有关主管部门证实", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)] // the slug is not (or no longer) published
    [InlineData(false)] // no catalog at all
    public void Build_UnknownIncident_IsDropped_AndThePlanIsTheOneWithoutIt(bool withCatalog)
    {
        var prefilled = Completed(IncidentAnswers.Prefill(Hotel, TestContent.Walker(), new AnswerParser(TestContent.Clock())));
        var without = prefilled.Without(IncidentAnswers.QuestionId);

        var plan = Build(prefilled, withCatalog ? new Catalog() : null);
        var reference = Build(without, new Catalog(Hotel));

        Assert.Null(plan.Incident);
        Assert.False(plan.Answers.Has(IncidentAnswers.QuestionId));
        Assert.Equal(LetterText(reference), LetterText(plan));
        Assert.DoesNotContain("此次泄露事件", LetterText(plan), StringComparison.Ordinal);
        Assert.Contains("二、书面确认本人的个人信息是否在此次泄露的范围内", LetterText(plan), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoIncidentAnswer_WithACatalog_ChangesNothing()
    {
        var answers = Pdf.PlanPdfTests.Scenario("courier-waybill-leak-spam-calls-only").Answers;
        var plan = Build(answers, null);

        var withCatalog = Build(answers, new Catalog(Hotel));

        Assert.Null(withCatalog.Incident);
        Assert.Equal(plan.Letters.Select(l => string.Join("\n", l.Paragraphs.Select(p => p.Text))), withCatalog.Letters.Select(l => string.Join("\n", l.Paragraphs.Select(p => p.Text))));
        Assert.Equal(plan.Steps.Select(s => s.Text), withCatalog.Steps.Select(s => s.Text));
    }
}
