using System.Text.Json;
using LeakRights.Core.Cases;
using LeakRights.Core.Rules;
using LeakRights.Core.Tests.Pdf;

namespace LeakRights.Core.Tests.Rules;

/// <summary>
/// The letters of seeds/letters.json for real people (golden scenarios), read as a lawyer would: they state only what the person
/// said, name the articles that say what the letter claims, and fit the person's situation (issue 11 and the lawyer's review).
/// </summary>
public class LetterContentTests
{
    private static PlanLetter Letter(Plan plan, string id) => Assert.Single(plan.Letters, l => l.Id == id);

    private static string Text(PlanLetter letter) => string.Join("\n", letter.Paragraphs.Select(p => p.Text));

    [Fact]
    public void FirstThings_MoneyLostToFraud_The控告ComesRightAfter110_BeforeLettersToTheBank_TheLegalRouteFirst()
    {
        var plan = PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss");
        var anchors = plan.FirstThings.Select(t => t.Anchor).ToList();

        Assert.Equal("urgent-freeze-accounts", anchors[0]);
        Assert.Equal(anchors.FindIndex(a => a.StartsWith("step-", StringComparison.Ordinal)), anchors.IndexOf("step-report-to-police"));
        Assert.True(anchors.IndexOf("step-report-to-police") < anchors.IndexOf("step-send-deletion-request"));
        Assert.Single(anchors, a => a == "step-report-to-police");
        Assert.Equal("legal-action", plan.Paths[0].Id);
    }

    [Fact]
    public void FirstThings_NoFraudLoss_KeepThePathOrder()
    {
        var anchors = PlanPdfTests.Scenario("courier-waybill-leak-spam-calls-only").FirstThings.Select(t => t.Anchor).ToList();

        Assert.Equal("step-send-deletion-request", anchors.First(a => a.StartsWith("step-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Situation_FollowsTheQuestionnairesSteps_NewQuestionsWhereTheyAreAsked()
    {
        var plan = PlanPdfTests.Scenario("police-officer-leaked-home-address-to-harasser");
        var ids = plan.Situation.Select(s => s.QuestionId).ToList();

        Assert.Equal(["source", "government-body"], ids.Take(2));
        Assert.Equal(TestContent.Bundle.Questionnaire.Steps.SelectMany(s => s.QuestionIds).Where(ids.Contains), ids);
    }

    [Theory]
    [InlineData(null, null)] // refused and reported, no date of either: no date, and never "passed" (规定第八、十三条)
    [InlineData("2026-11", "2029-11")] // learned of the refusal this month: three years from then (第十三条第二款)
    public void Limitation_DemandAndReportWithoutTheirDate_GiveNoDateAndNoPassedFlag(string? lastClaim, string? due)
    {
        var plan = lastClaim is null
            ? PlanPdfTests.Scenario("former-employer-shared-hr-file-and-refused-deletion")
            : PlanPdfTests.ScenarioWith("former-employer-shared-hr-file-and-refused-deletion", "last-claim-on", lastClaim);
        var limitation = plan.Deadlines.Single(d => d.Key == "limitation");

        Assert.Equal(due, limitation.Due?.Iso);
        Assert.Equal(due is null, limitation.NoDate?.Contains("这不等于已经过期", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(plan.Flags, f => f.Id == "limitation-passed");
    }

    [Fact]
    public void Glossary_TheFirstPoliceStepExplains控告AndNoLaterStepRepeatsIt()
    {
        var plan = PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss");
        var explained = plan.Paths.SelectMany(p => p.Steps).SelectMany(s => s.Terms.Select(t => (s.Key, t.Term))).ToList();

        Assert.Contains(("report-to-police", "控告"), explained);
        Assert.Equal(explained.Count, explained.Select(e => e.Term).Distinct().Count());
        Assert.Equal(TestContent.Bundle.Rules.Glossary.Count, JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContent.SeedsDirectory, "glossary.json"))).RootElement.GetProperty("terms").GetArrayLength());
    }

    [Fact]
    public void WhatHappened_InThePersonsWords_GoesIntoTheFacts_OrStaysBlankInThe控告AndAbsentElsewhere()
    {
        var told = PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss", new Dictionary<string, string> { ["what-happened"] = "10月3日有人冒充客服说出我的余额" });
        var silent = PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss", new Dictionary<string, string>());

        Assert.Contains("经过：10月3日有人冒充客服说出我的余额", Text(Letter(told, "deletion-request")), StringComparison.Ordinal);
        Assert.Contains("经过（请写明时间、地点、对方做了什么、您是怎么知道的）：10月3日有人冒充客服说出我的余额", Text(Letter(told, "police-statement")), StringComparison.Ordinal);
        Assert.DoesNotContain(Letter(silent, "deletion-request").Paragraphs, p => p.Text.StartsWith("经过：", StringComparison.Ordinal));
        Assert.Contains("您是怎么知道的）：＿＿＿＿＿＿", Text(Letter(silent, "police-statement")), StringComparison.Ordinal);
        Assert.DoesNotContain(told.Situation, s => s.QuestionId == "what-happened"); // a letter detail, never part of the answers
    }

    [Fact]
    public void Letters_DataTypes_StateTheCategoriesTicked_NotTheOptionsExamples()
    {
        var plan = PlanPdfTests.Scenario("courier-waybill-leak-spam-calls-only");

        foreach (var letter in plan.Letters)
        {
            Assert.Contains("身份信息、联系方式、住址", Text(letter), StringComparison.Ordinal);
            Assert.DoesNotContain("邮箱", Text(letter), StringComparison.Ordinal); // the option's label lists 手机号、电话、邮箱
        }
    }

    [Fact]
    public void Letters_DiscoveryOther_IsABlankToFillIn_NotTheWordOther()
    {
        var letter = Letter(PlanPdfTests.Scenario("bank-clerk-told-my-ex-about-my-account-one-person-only"), "deletion-request");
        var facts = letter.Paragraphs.Single(p => p.Text.Contains("发现经过", StringComparison.Ordinal));

        Assert.Contains("发现经过：＿＿＿＿＿＿。", facts.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("其他", facts.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Letters_NoLossAndNoEvidence_PrintNoBlankAfterTheHarmAndNoAttachmentLine()
    {
        var letter = Letter(PlanPdfTests.Scenario("app-never-told-me-my-face-data-leaked"), "complaint");

        Assert.Contains("泄露给本人造成的影响：精神上受到严重困扰。", Text(letter), StringComparison.Ordinal);
        Assert.DoesNotContain("附：", Text(letter), StringComparison.Ordinal); // evidence: none
    }

    [Fact]
    public void Complaint_CitesTheProvisionsBreached_AndTheMissingNotification()
    {
        var letter = Letter(PlanPdfTests.Scenario("app-never-told-me-my-face-data-leaked"), "complaint");

        Assert.Contains("违反了《中华人民共和国个人信息保护法》第十条、第五十一条、《中华人民共和国民法典》第一千零三十八条的规定", Text(letter), StringComparison.Ordinal);
        Assert.Contains("没有通知本人（《网络数据安全管理条例》第十一条、《中华人民共和国个人信息保护法》第五十七条）", Text(letter), StringComparison.Ordinal);
        Assert.Contains("对方至今没有回应", Text(letter), StringComparison.Ordinal);
        Assert.Equal(["pipl#10", "pipl#51", "civil-code#1038", "network-data-security-regulation#11", "pipl#57", "consumer-protection-law#29", "pipl#65"], letter.Citations.Select(c => c.ToString()));
    }

    [Fact]
    public void Complaint_NotYetAskedTheOrganisation_SaysNothingAboutAnEarlierRequest()
    {
        var letter = Letter(PlanPdfTests.Scenario("courier-waybill-leak-spam-calls-only"), "complaint");

        Assert.DoesNotContain("提出删除个人信息、停止侵害的要求", Text(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void DeletionRequest_ChildsData_IsWrittenByTheGuardianCitingTheMinorsRules()
    {
        var letter = Letter(PlanPdfTests.Scenario("school-posted-student-list-with-child-info-online"), "deletion-request");

        Assert.Contains("申请人是未成年人＿＿＿＿（姓名）的父母（或者其他监护人），代其提出本要求。", Text(letter), StringComparison.Ordinal);
        Assert.Contains("本人孩子的下列个人信息被泄露", Text(letter), StringComparison.Ordinal);
        Assert.Contains("《中华人民共和国个人信息保护法》第三十一条、《中华人民共和国未成年人保护法》第七十二条、《未成年人网络保护条例》第三十四条", Text(letter), StringComparison.Ordinal);
        // A school keeps student records by law: stop all but storage rather than demand blanket deletion (第四十七条第二款).
        Assert.Contains("停止除存储和采取必要的安全保护措施之外的处理", Text(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void DeletionRequest_AdultsData_HasNoGuardianWording()
    {
        var letter = Letter(PlanPdfTests.Scenario("courier-waybill-leak-spam-calls-only"), "deletion-request");

        Assert.DoesNotContain("监护人", Text(letter), StringComparison.Ordinal);
        Assert.Contains("本人认为上述信息是从贵单位泄露的，理由是：", Text(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void DeletionRequest_Basis_NamesOnlyArticlesThatSayIt()
    {
        var letter = Letter(PlanPdfTests.Scenario("courier-waybill-leak-spam-calls-only"), "deletion-request");

        Assert.Contains("根据《中华人民共和国民法典》第一千零三十八条，信息处理者不得泄露", Text(letter), StringComparison.Ordinal);
        Assert.Contains("根据《中华人民共和国个人信息保护法》第四十五条、第四十七条、《中华人民共和国民法典》第一千零三十七条，本人有权查阅、复制", Text(letter), StringComparison.Ordinal);
        Assert.DoesNotContain("网络安全法", Text(letter), StringComparison.Ordinal);
        Assert.DoesNotContain("决定", Text(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_NoFirstRequestAndNoWait_StraightToComplaintAndSuit()
    {
        var plan = PlanPdfTests.Scenario("former-employer-shared-hr-file-and-refused-deletion");
        var steps = plan.Paths.SelectMany(p => p.Steps).Select(s => s.Key).ToList();

        Assert.DoesNotContain("send-deletion-request", steps);
        Assert.DoesNotContain(plan.Letters, l => l.Id == "deletion-request");
        Assert.DoesNotContain(plan.Deadlines, d => d.Key == "organisation-reply");
        Assert.DoesNotContain(plan.Calendar, e => e.Title.Contains("单位答复", StringComparison.Ordinal));
        Assert.Contains("civil-suit", steps);
        Assert.Contains("file-complaint", steps);
    }

    [Fact]
    public void NoReply_TheComplaintIsCountedFromToday_NotAfterAnotherFifteenDays()
    {
        var plan = PlanPdfTests.Scenario("app-never-told-me-my-face-data-leaked");

        Assert.DoesNotContain(plan.Deadlines, d => d.Key == "organisation-reply");
        Assert.Equal("2026-12-08", plan.Deadlines.Single(d => d.Key == "regulator-reply").Due!.Iso);
        Assert.Contains(plan.Letters, l => l.Id == "deletion-request"); // a written, provable demand is still worth sending
    }

    [Fact]
    public void CreditQuery_GetsTheQueryLetterAndThePeoplesBankComplaint_NotALeakOrDeletionCharge()
    {
        var plan = PlanPdfTests.Scenario("loan-company-checked-my-credit-report-without-consent");

        Assert.Equal(["credit-query-request", "credit-complaint"], plan.Letters.Select(l => l.Id));
        var request = Text(Letter(plan, "credit-query-request"));
        Assert.Contains("出示查询所依据的本人书面授权", request, StringComparison.Ordinal);
        Assert.DoesNotContain("泄露", request, StringComparison.Ordinal);
        Assert.DoesNotContain("本人曾向贵单位提供", request, StringComparison.Ordinal);

        var complaint = Text(Letter(plan, "credit-complaint"));
        Assert.StartsWith("致：中国人民银行＿＿＿＿分行（或者所在地分支机构）", complaint, StringComparison.Ordinal);
        Assert.Contains("根据《征信业管理条例》第二十六条，现向贵行投诉", complaint, StringComparison.Ordinal);
        Assert.Contains("未经本人同意查询本人信用信息的行为，责令改正并依法处理（《征信业管理条例》第四十条；查询机构不是直接查询人民银行征信中心的，请删去此项依据", complaint, StringComparison.Ordinal);
        Assert.Contains("自受理之日起30日内书面答复本人", complaint, StringComparison.Ordinal);
    }

    [Fact]
    public void PoliceStatement_AfterARefusal_AsksWithNewFactsOrEvidence()
    {
        var plan = PlanPdfTests.Scenario("former-employer-shared-hr-file-and-refused-deletion");

        Assert.Contains("现有新的事实和证据（只在有新的事实或者证据时使用本材料）：", Text(Letter(plan, "police-statement")), StringComparison.Ordinal);
        Assert.DoesNotContain("新的事实和证据", Text(Letter(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss"), "police-statement")), StringComparison.Ordinal);
    }

    [Fact]
    public void PoliceOfficerAsTheSource_NoLetterGoesToThePoliceStation_The控告GoesToHisSuperiorOrgan()
    {
        var plan = PlanPdfTests.Scenario("police-officer-leaked-home-address-to-harasser");

        Assert.All(plan.Letters, l => Assert.DoesNotContain("派出所", Text(l), StringComparison.Ordinal));
        Assert.StartsWith("致：＿＿＿＿公安局（涉事民警所在公安机关的上一级公安机关）", Text(Letter(plan, "police-statement")), StringComparison.Ordinal);
    }

    [Fact]
    public void StateBodyNotNamed_The控告SaysWhereToGoIfTheLeakerIsAnOfficer()
    {
        var plan = PlanPdfTests.Scenario("government-worker-leaked-my-address-not-sure-which-office");

        Assert.StartsWith("致：＿＿＿＿公安局（如果泄露者是民警，请向其所在公安机关的上一级公安机关提出", Text(Letter(plan, "police-statement")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("within-7-days", "police-reconsideration", "本计划附有复议申请书")]
    [InlineData("over-7-days", "procuratorate-supervision", "本计划附有一份立案监督申请书")]
    [InlineData("not-received", "police-notice-request", "请先书面要求作出决定的公安机关送达通知书")]
    public void PoliceRefused_TheLetterAttachedIsTheOneThatStillWorks_AndTheStepSaysSoOnlyThen(string notice, string? letter, string says)
    {
        var plan = PlanPdfTests.ScenarioWith("former-employer-shared-hr-file-and-refused-deletion", "refusal-notice", notice);
        var step = plan.Paths.SelectMany(p => p.Steps).Single(s => s.Key == "police-refused");

        Assert.Equal(letter is null ? [] : [letter], plan.Letters.Where(l => l.ForStep == "police-refused").Select(l => l.Id));
        Assert.Contains(says, step.Text, StringComparison.Ordinal);
        Assert.Equal(letter is not null, step.Text.Contains("本计划附有", StringComparison.Ordinal));
    }

    /// <summary>
    /// The 复核申请书 (程序规定第一百七十九条): once the person records that the 复议 upheld the refusal, the next step is the 复核,
    /// with its letter from that day until the seventh day after it, dated from their log; the date of the refusal notice,
    /// which they recorded nowhere (they answered the questionnaire instead), stays a blank to fill in. After the seventh day
    /// the step says the 复核 may be too late and points to the procuratorate, whose letter stays attached throughout.
    /// </summary>
    [Theory]
    [InlineData(0, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void PoliceReview_ReconsiderationUpheldTheRefusal_AttachedOnlyForSevenDaysAndStatesOnlyWhatWasRecorded(int daysAfterTheDecision, bool attached)
    {
        var plan = ReconsiderationUpheld(new DateTimeOffset(2027, 1, 4, 2, 0, 0, TimeSpan.Zero).AddDays(daysAfterTheDecision));
        var review = plan.Paths.SelectMany(p => p.Steps).Single(s => s.Key == "police-review");

        Assert.Equal(attached ? ["police-review"] : [], plan.Letters.Where(l => l.ForStep == "police-review").Select(l => l.Id));
        Assert.Equal(["procuratorate-supervision"], plan.Letters.Where(l => l.ForStep == "police-refused").Select(l => l.Id));
        Assert.Equal(attached, review.Text.Contains("本计划附有一份复核申请书", StringComparison.Ordinal));
        Assert.Equal(!attached, review.Text.Contains("申请复核可能已经逾期", StringComparison.Ordinal));
        if (attached)
        {
            var letter = Letter(plan, "police-review");
            Assert.Equal("不予立案复核申请书", letter.Title.Text);
            Assert.Equal(["mps-criminal-procedure-rules-2020#179"], letter.Citations.Select(c => c.ToString()));
            Assert.Contains("本人于＿＿＿＿＿＿收到不予立案通知书；本人于2026年12月4日申请复议，于2027年1月4日收到复议决定书，复议决定维持不予立案的决定", Text(letter), StringComparison.Ordinal);
            Assert.Contains("根据《公安机关办理刑事案件程序规定》第一百七十九条的规定，现申请复核", Text(letter), StringComparison.Ordinal);
            Assert.EndsWith("的上一级公安机关全称）", letter.Closing[^1].Text, StringComparison.Ordinal);
            Assert.Contains("不予立案复核申请书", PlanPdfTests.Text(PlanPdfTests.Render(plan)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PoliceReview_Filed_TheLetterLeavesAndTheDecisionIsDueInThirtyDays()
    {
        var plan = ReconsiderationUpheld(new DateTimeOffset(2027, 1, 6, 2, 0, 0, TimeSpan.Zero), Entry("police-review", ProgressKind.Done, new DateOnly(2027, 1, 5)));

        Assert.DoesNotContain(plan.Letters, l => l.Id == "police-review");
        Assert.DoesNotContain(plan.Deadlines, d => d.Key == "review-window");
        Assert.Equal(new DateOnly(2027, 2, 4), Assert.Single(plan.Deadlines, d => d.Key == "review-decision").Due!.Date);
        Assert.Contains("您已经递交了复核申请", plan.Paths.SelectMany(p => p.Steps).Single(s => s.Key == "police-review").Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every answer the police can give to the 复议 leads somewhere: revoked — ask whether the case was filed (no 复核, no
    /// supervision letter); no answer — the thirty days and the procuratorate, with its letter; and no answer to the 复核 either.
    /// </summary>
    [Theory]
    [InlineData("police-refused", "answered", "复议撤销了不予立案的决定", false, false)]
    [InlineData("police-refused", "no-response", "您记下了公安机关对复议申请没有答复", true, false)]
    [InlineData("police-review", "no-response", "您记下了上一级公安机关对复核申请没有答复", true, true)]
    public void PoliceReply_EachAnswer_TheStepSaysWhatNextAndAttachesOnlyTheLetterThatFits(string step, string reply, string says, bool supervision, bool review)
    {
        var log = new List<ProgressEntry> { Entry("police-refused", ProgressKind.Done, new DateOnly(2026, 12, 4)) };
        if (step == "police-review")
        {
            log.Add(Entry("police-refused", ProgressKind.Reply, new DateOnly(2027, 1, 4), "refused"));
            log.Add(Entry("police-review", ProgressKind.Done, new DateOnly(2027, 1, 5)));
        }

        log.Add(Entry(step, ProgressKind.Reply, new DateOnly(2027, 2, 10), reply));
        var plan = RefusedWithinSevenDays(new DateTimeOffset(2027, 2, 11, 2, 0, 0, TimeSpan.Zero), log);
        var steps = plan.Paths.SelectMany(p => p.Steps).ToList();

        Assert.Contains(says, steps.Single(s => s.Key == step).Text, StringComparison.Ordinal);
        Assert.Equal(supervision, plan.Letters.Any(l => l.Id == "procuratorate-supervision"));
        Assert.Equal(supervision, steps.Single(s => s.Key == "police-refused").Text.Contains("本计划附有一份立案监督申请书", StringComparison.Ordinal));
        Assert.Equal(review, steps.Any(s => s.Key == "police-review"));
        Assert.DoesNotContain(plan.Letters, l => l.Id is "police-review" or "police-reconsideration");
    }

    /// <summary>The former employee's plan, the refusal answered in the questionnaire; 复议 filed 4 Dec, upheld, received 4 Jan.</summary>
    private static Plan ReconsiderationUpheld(DateTimeOffset now, params ProgressEntry[] more) => RefusedWithinSevenDays(now,
        [Entry("police-refused", ProgressKind.Done, new DateOnly(2026, 12, 4)), Entry("police-refused", ProgressKind.Reply, new DateOnly(2027, 1, 4), "refused"), .. more]);

    /// <summary>The former employee's plan with the refusal notice received within seven days (questionnaire), and <paramref name="log"/>.</summary>
    private static Plan RefusedWithinSevenDays(DateTimeOffset now, IReadOnlyList<ProgressEntry> log)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestContent.SeedsDirectory, "scenarios", "former-employer-shared-hr-file-and-refused-deletion.json")))!;
        json["answers"]!["refusal-notice"] = "within-7-days";
        return TestContent.BuildPlan(TestContent.Answers(json["answers"]!.ToJsonString()), TestContent.Clock(now), PlanPdfTests.Letters, log);
    }

    private static ProgressEntry Entry(string step, ProgressKind kind, DateOnly on, string? reply = null) =>
        new($"{step}-{kind}-{on:yyyyMMdd}", step, kind, on, null, null, null, reply);

    [Fact]
    public void ProcuratorateSupervision_AsksForTheReasonsUnderArticle113()
    {
        var letter = Letter(PlanPdfTests.ScenarioWith("former-employer-shared-hr-file-and-refused-deletion", "refusal-notice", "over-7-days"), "procuratorate-supervision");

        Assert.Equal(["criminal-procedure-law#113"], letter.Citations.Select(c => c.ToString()));
        Assert.Contains("说明不立案的理由；认为理由不能成立的，通知其立案（《中华人民共和国刑事诉讼法》第一百一十三条）", Text(letter), StringComparison.Ordinal);
        Assert.EndsWith("人民检察院", letter.Closing[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OnePersonsRecord_TheInsiderNoteDoesNotPromiseAHalvedThreshold()
    {
        var steps = PlanPdfTests.Scenario("former-employer-shared-hr-file-and-refused-deletion").Paths.SelectMany(p => p.Steps).ToList();

        Assert.DoesNotContain("一般标准的一半", steps.Single(s => s.Key == "report-to-police").Text, StringComparison.Ordinal);
        Assert.Contains("一般标准的一半", PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss").Paths.SelectMany(p => p.Steps).Single(s => s.Key == "report-to-police").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownOnlyFromTheNews_TheLetterAsksWhetherTheirDataIsAffected_AndStatesNoLeakAsFact()
    {
        var letter = Letter(PlanPdfTests.Scenario("app-never-told-me-my-face-data-leaked"), "deletion-request");
        var complaint = Text(Letter(PlanPdfTests.Scenario("app-never-told-me-my-face-data-leaked"), "complaint"));

        Assert.Contains("看到新闻报道，得知贵单位发生了个人信息泄露事件", Text(letter), StringComparison.Ordinal);
        Assert.Contains("看到新闻报道，得知被投诉举报人发生了个人信息泄露事件", complaint, StringComparison.Ordinal);
        // The complaint, too, asks whether their data was in the leak instead of stating that it was.
        Assert.Contains("请一并查明本人的个人信息是否在泄露范围内", complaint, StringComparison.Ordinal);
        Assert.DoesNotContain("致使本人的个人信息被泄露", complaint, StringComparison.Ordinal);
        Assert.DoesNotContain("从看到", complaint, StringComparison.Ordinal);
        Assert.Contains("可能在泄露范围内", Text(letter), StringComparison.Ordinal);
        Assert.Contains("书面确认本人的个人信息是否在此次泄露的范围内", Text(letter), StringComparison.Ordinal);
        Assert.DoesNotContain("本人的下列个人信息被泄露", Text(letter), StringComparison.Ordinal);
        // Face data: sensitive, strict protection, and the court's rule on a face-data leak (个保法第二十八条; 人脸识别规定第二条).
        Assert.Contains("人脸等生物识别信息属于敏感个人信息", Text(letter), StringComparison.Ordinal);
        Assert.Contains(letter.Citations, c => c.ToString() == "spc-facial-recognition-2021#2");
    }

    [Fact]
    public void DeletionRequest_AlwaysAsksToPreserveTheLogs_AndNamesTheStaffQuestionOnlyWithSignsOfAnInsider()
    {
        var hospital = Text(Letter(PlanPdfTests.Scenario("hospital-leak-of-thousands-of-patients-in-the-news"), "deletion-request"));
        var bank = Text(Letter(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss"), "deletion-request"));

        Assert.Contains("封存并保全与本人信息有关的查询、访问和导出记录", hospital, StringComparison.Ordinal);
        Assert.DoesNotContain("哪些工作人员", hospital, StringComparison.Ordinal);
        Assert.Contains("哪些工作人员于何时查询、导出本人信息", bank, StringComparison.Ordinal);
        Assert.Contains("本人在贵单位的账号、客户号、学号或者就诊号等", hospital, StringComparison.Ordinal);
    }

    [Fact]
    public void PoliceStatement_AccusesNoOrganisationOfACrime_NamesTheFraudsterAsUnknown_AndCitesTheCrimeNotTheFine()
    {
        var app = Text(Letter(PlanPdfTests.Scenario("app-leaked-face-data-of-many-users-in-news"), "police-statement"));
        var fraud = Letter(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss"), "police-statement");

        Assert.DoesNotContain("被控告人：某", app, StringComparison.Ordinal);
        Assert.Contains("信息可能从以下单位或者个人处泄露", app, StringComparison.Ordinal);
        Assert.Contains("诈骗者：身份不详", Text(fraud), StringComparison.Ordinal);
        Assert.Equal(["criminal-law#253-1", "spc-spp-interpretation-2017#5", "criminal-procedure-law#110", "anti-telecom-fraud-law#20", "anti-telecom-fraud-law#29"], fraud.Citations.Select(c => c.ToString()));
    }

    [Fact]
    public void Letters_ClaimCompensationSoTheyInterruptLimitation_AndTheAppsOperatorIsTheAddressee()
    {
        var app = Text(Letter(PlanPdfTests.Scenario("app-never-told-me-my-face-data-leaked"), "deletion-request"));
        var police = Text(Letter(PlanPdfTests.Scenario("app-never-told-me-my-face-data-leaked"), "police-statement"));

        Assert.Contains("五、赔偿因上述行为给本人造成的损失，具体数额另行主张", app, StringComparison.Ordinal);
        Assert.Contains("被申请人：某某App的运营者＿＿＿＿＿＿＿＿（全称见App或者网站内的《隐私政策》", app, StringComparison.Ordinal);
        Assert.Contains("本人同时请求依法保护本人的民事权利，责令侵权人赔偿本人因此遭受的损失", police, StringComparison.Ordinal);
        Assert.Contains("尚不构成犯罪的，依法作出处理", police, StringComparison.Ordinal);
    }

    [Fact]
    public void Complaint_InsiderCase_SaysWhatThePersonBelievesAndAsksForAnInvestigation()
    {
        var complaint = Text(Letter(PlanPdfTests.Scenario("bank-clerk-told-my-ex-about-my-account-one-person-only"), "complaint"));

        Assert.Contains("本人认为，本人的信息可能是被投诉举报人的工作人员＿＿＿＿（姓名或者工号，不知道的可以不写）泄露或者提供给＿＿＿＿的，依据是：", complaint, StringComparison.Ordinal);
        Assert.Contains("请一并调查被投诉举报人是否合理确定了个人信息处理的操作权限", complaint, StringComparison.Ordinal);
        // The person answered only that there are signs of an insider: how it was done and the bank's internal controls are not theirs to state.
        Assert.DoesNotContain("没有合理确定个人信息处理的操作权限", complaint, StringComparison.Ordinal);
        Assert.DoesNotContain("查询本人的信息，并提供给", complaint, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconsideration_CitesOnlyTheArticlesThatGiveIt_AndAsksForReasons()
    {
        var letter = Letter(PlanPdfTests.ScenarioWith("former-employer-shared-hr-file-and-refused-deletion", "refusal-notice", "within-7-days"), "police-reconsideration");

        Assert.Equal(["criminal-procedure-law#112", "mps-criminal-procedure-rules-2020#179"], letter.Citations.Select(c => c.ToString()));
        Assert.Contains("根据《中华人民共和国刑事诉讼法》第一百一十二条、《公安机关办理刑事案件程序规定》第一百七十九条的规定，现申请复议", Text(letter), StringComparison.Ordinal);
        Assert.Contains("通知书所称理由不能成立，因为", Text(letter), StringComparison.Ordinal);
        Assert.DoesNotContain("第二百一十条", Text(letter), StringComparison.Ordinal);
    }
}

/// <summary>
/// Issue 12: for every golden person, re-told as someone who has done nothing yet (no request to the organisation, no police
/// report), no letter may state that they did something.
/// </summary>
public class LettersForSomeoneWhoDidNothingYetTests
{
    private static readonly string[] ClaimsOfAnAction =
    [
        "本人已于", "本人曾", "已经报警", "已报警", "本人向被申请机关提出控告", "对方拒绝", "没有回应", "只处理了一部分",
        "已作处理", "机关决定不予立案", "该机关决定不予立案", "复议", "立案监督", "收到不予立案通知书",
    ];

    public static TheoryData<string> Scenarios() => [.. GoldenScenario.Names(TestContent.SeedsDirectory)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Letters_PersonWhoHasDoneNothingYet_StateNoActionTheyDidNotTake(string name)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestContent.SeedsDirectory, "scenarios", name + ".json")))!;
        var answers = json["answers"]!.AsObject();
        answers.Remove("refusal-notice");
        answers.Remove("last-claim-on");
        answers["contacted-organisation"] = "not-yet";
        answers["police-report"] = "no";
        var plan = TestContent.BuildPlan(TestContent.Answers(answers.ToJsonString()));

        foreach (var letter in plan.Letters)
        {
            var text = string.Join("\n", letter.Paragraphs.Select(p => p.Text));
            foreach (var claim in ClaimsOfAnAction)
            {
                Assert.False(text.Contains(claim, StringComparison.Ordinal), $"{name}: letter '{letter.Id}' says \"{claim}\":\n{text}");
            }
        }
    }

    [Fact]
    public void Letters_PersonWhoWasRefused_TheComplaintSaysSo_SoTheCheckAboveCanFail()
    {
        var plan = PlanPdfTests.ScenarioWith("former-employer-shared-hr-file-and-refused-deletion", "refusal-notice", "within-7-days");

        Assert.Contains("对方拒绝", string.Join("\n", plan.Letters.Single(l => l.Id == "complaint").Paragraphs.Select(p => p.Text)), StringComparison.Ordinal);
        Assert.Contains("被申请机关决定不予立案", string.Join("\n", plan.Letters.Single(l => l.Id == "police-reconsideration").Paragraphs.Select(p => p.Text)), StringComparison.Ordinal);
    }
}
