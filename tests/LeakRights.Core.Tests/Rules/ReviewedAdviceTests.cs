using System.Text.Json.Nodes;
using LeakRights.Core.Rules;
using LeakRights.Core.Tests.Pdf;

namespace LeakRights.Core.Tests.Rules;

/// <summary>
/// What the lawyer's review of 2026-12-07 (docs/reviews/2026-12-07-lawyer-and-print-review.md) found wrong in the plans and
/// letters, on the real seeds: each test names the advice a person must (not) get.
/// </summary>
public class ReviewedAdviceTests
{
    private static PlanStep Step(Plan plan, string key) => Assert.Single(plan.Paths.SelectMany(p => p.Steps), s => s.Key == key);

    private static string LetterText(Plan plan, string id) =>
        string.Join("\n", Assert.Single(plan.Letters, l => l.Id == id).Paragraphs.Select(p => p.Text));

    private static Plan ScenarioWith(string name, Action<JsonObject> change) => PlanPdfTests.ScenarioWith(name, change);

    [Theory]
    [InlineData("ex-partner-posted-my-address-online")] // harassment
    [InlineData("neighbour-sold-my-address-for-money-once")] // harassment
    public void DemandIndividual_PersonHarassed_TellsThemNotToContactTheOtherSideThemselves(string scenario)
    {
        var text = Step(PlanPdfTests.Scenario(scenario), "demand-individual").Text;

        Assert.Contains("不要自己联系对方，也不要让对方知道您现在的住址和联系方式", text, StringComparison.Ordinal);
        Assert.DoesNotContain("短信、微信", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DemandIndividual_InDangerWithoutHarassmentAnswered_TellsThemNotToContactTheOtherSide()
    {
        var plan = ScenarioWith("neighbour-sold-my-address-to-a-fraud-gang-knowing-what-they-do", a => a["ongoing-danger"] = "yes");

        Assert.Contains("不要自己联系对方", Step(plan, "demand-individual").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DemandIndividual_NoHarassmentOrDanger_SaysHowToAsk()
    {
        var text = Step(PlanPdfTests.Scenario("neighbour-sold-my-address-to-a-fraud-gang-knowing-what-they-do"), "demand-individual").Text;

        Assert.Contains("可以用短信、微信或书面方式向对方提出", text, StringComparison.Ordinal);
        Assert.DoesNotContain("不要自己联系对方", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SendDeletionRequest_PoliceOfficerLeaked_GoesToTheSuperiorOrganNotTheStation()
    {
        var police = Step(PlanPdfTests.Scenario("police-officer-leaked-home-address-to-harasser"), "send-deletion-request");
        var bank = Step(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss"), "send-deletion-request");

        Assert.Contains("不要交到他所在的派出所", police.Text, StringComparison.Ordinal);
        Assert.Contains("寄给上一级公安机关", police.Text, StringComparison.Ordinal);
        Assert.Contains(police.Citations, c => c.ToString() == "pipl#68");
        Assert.DoesNotContain("派出所", bank.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bank.Citations, c => c.ToString() == "pipl#68");
    }

    [Fact]
    public void SendDeletionRequest_AskedBeforeWithoutAnAnswer_SaysWhenToWriteAgainAndWhenToGoOn()
    {
        var asked = Step(PlanPdfTests.Scenario("app-leaked-face-data-of-many-users-in-news"), "send-deletion-request");
        var notYet = Step(PlanPdfTests.Scenario("courier-waybill-leak-spam-calls-only"), "send-deletion-request");

        Assert.Contains("您说已经向某某App提出过要求", asked.Text, StringComparison.Ordinal);
        Assert.Contains("超过15日还没有答复的，不必再等，可以直接投诉", asked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("您说已经向", notYet.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CivilSuit_ReasonableCostsAsLoss_SaidOnlyForOnlineInfringement()
    {
        var text = Step(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss"), "civil-suit").Text;

        Assert.Contains("利用网络侵害人身权益的案件（例如在网上公开、出售您的信息），您为制止侵权支付的合理开支", text, StringComparison.Ordinal);
        Assert.DoesNotContain("支付的合理开支（例如调查、取证的费用）也算财产损失；", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PoliceStatement_AnIndividualTheyNamed_IsTheAccusedNotSomeoneUnknown()
    {
        var text = LetterText(PlanPdfTests.Scenario("ex-partner-posted-my-address-online"), "police-statement");

        Assert.Contains("被控告人：张某（与本人的关系：＿＿＿＿", text, StringComparison.Ordinal);
        Assert.DoesNotContain("身份不详", text, StringComparison.Ordinal);
        Assert.DoesNotContain("信息可能从以下单位或者个人处泄露", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Limitation_NoDateComputable_TitleAndTextHaveNoEmptyDateAndSayKnewOrShouldHaveKnown()
    {
        // The courier case: the person is not sure who leaked, so no date can be computed.
        var limitation = Assert.Single(PlanPdfTests.Scenario("courier-waybill-leak-spam-calls-only").Deadlines, d => d.Key == "limitation");

        Assert.Null(limitation.Due);
        Assert.Equal("诉讼时效：要求赔偿的起诉期限", limitation.Title);
        Assert.DoesNotContain("在前", limitation.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("在之前", limitation.Text, StringComparison.Ordinal);
        Assert.Contains("知道或者应当知道权利受到损害以及谁是侵权人", limitation.Text, StringComparison.Ordinal);
        Assert.Contains("知道或者应当知道权利受到损害以及谁是侵权人", limitation.NoDate, StringComparison.Ordinal);
    }

    [Fact]
    public void Limitation_WithADate_DueLineSaysOnlyAClaimForCompensationRestartsIt()
    {
        var limitation = Assert.Single(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss").Deadlines, d => d.Key == "limitation");

        Assert.StartsWith("诉讼时效截止：2029年10月（", limitation.Due!.Text, StringComparison.Ordinal);
        Assert.Contains("之后书面要求对方赔偿，或者为追回损失、要求赔偿而报案、控告的，从那时重新计算三年", limitation.Due.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Complaint_IdentityMisuseAtATelecom_IsAddressedToTheTelecomRegulatorAndStillListsThePeoplesBank()
    {
        var plan = PlanPdfTests.Scenario("telecom-sim-card-opened-in-my-name");
        var complain = Assert.Single(plan.Paths, p => p.Id == "complain");

        Assert.Equal("miit-12300", complain.Authorities[0].Value);
        Assert.Contains(complain.Authorities, a => a.Value == "pboc-12363");
        Assert.DoesNotContain("致：中国人民银行", LetterText(plan, "complaint"), StringComparison.Ordinal);
    }

    [Fact]
    public void Complaint_Telecom_IsAddressedToTheProvincialBodyFirst()
    {
        var text = LetterText(PlanPdfTests.Scenario("telecom-operator-leaked-my-number-i-have-not-complained-yet"), "complaint");

        Assert.Contains("致：＿＿＿＿省（自治区、直辖市）电信用户申诉受理机构（该省没有设立的，工业和信息化部电信用户申诉受理中心）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Flag_GovernmentOfficeNotKnown_DoesNotSayTheSourceIsKnownOrToAskItDirectly()
    {
        var flag = Assert.Single(PlanPdfTests.Scenario("government-worker-leaked-my-address-not-sure-which-office").Flags, f => f.Id == "organisation-known");

        Assert.Equal("知道可能的泄露来源", flag.Label);
        Assert.Contains("国家机关向其上级机关提出", flag.Explain, StringComparison.Ordinal);
        Assert.DoesNotContain("直接向它", flag.Explain, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsumerComplaintDeadline_BankCase_NamesNoMarketRegulatorThePlanDoesNotList()
    {
        var plan = PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss");
        var reply = Assert.Single(plan.Deadlines, d => d.Key == "regulator-reply");

        Assert.DoesNotContain("12315", reply.Due!.Text, StringComparison.Ordinal);
        Assert.Contains("向有关行政部门投诉", reply.Due.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CivilSuit_CriminalCase_SaysTheCompanyMustBeSuedSeparately()
    {
        var text = Step(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss"), "civil-suit").Text;

        Assert.Contains("需要另外向人民法院起诉", text, StringComparison.Ordinal);
        Assert.DoesNotContain("不必另外起诉", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bank-customer-already-reported-case-filed-and-bank-refused")] // case filed
    [InlineData("online-shop-customer-lost-3000-yuan-police-filed-wants-compensation")]
    public void Urgent_MoneyLostAndAlreadyReported_SaysTellTheOfficerNotCall110Again(string scenario)
    {
        var plan = PlanPdfTests.Scenario(scenario);

        Assert.DoesNotContain(plan.Urgent, u => u.Key == "freeze-accounts");
        var leads = Assert.Single(plan.Urgent, u => u.Key == "report-new-leads");
        Assert.Equal("urgent-report-new-leads", plan.FirstThings[0].Anchor);
        Assert.Contains("不用再重复报案", leads.Text, StringComparison.Ordinal);
        Assert.Contains("告诉承办民警", leads.Title, StringComparison.Ordinal);
        Assert.Empty(leads.Authorities); // no 110 button for someone whose case is open
    }

    [Fact]
    public void Urgent_MoneyLostNotReportedYetOrRefused_StillSaysCall110()
    {
        Assert.Contains(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss").Urgent, u => u.Key == "freeze-accounts");
        var refused = ScenarioWith("online-shop-customer-lost-3000-yuan-police-filed-wants-compensation", a => a["police-report"] = "not-filed");
        Assert.Contains(refused.Urgent, u => u.Key == "freeze-accounts");
        Assert.DoesNotContain(refused.Urgent, u => u.Key == "report-new-leads");
    }

    [Fact]
    public void Letters_AChildsData_TheParentWritesAsTheChildsGuardianAndNoSentenceIsLeftHanging()
    {
        var plan = PlanPdfTests.Scenario("school-posted-student-list-with-child-info-online");
        var police = LetterText(plan, "police-statement");
        var request = LetterText(plan, "deletion-request");

        Assert.Contains("控告人（被害人的法定代理人）：王小明", police, StringComparison.Ordinal);
        Assert.Contains("本人作为被害人的法定代理人，认为上述行为", police, StringComparison.Ordinal);
        Assert.DoesNotContain("控告人（被害人）", police, StringComparison.Ordinal);
        Assert.Contains("泄露涉及孩子的个人信息的，请依法同时告知孩子和本人（孩子的父母或者其他监护人）有关情况", request, StringComparison.Ordinal);
        Assert.DoesNotContain("　　并依法告知", request, StringComparison.Ordinal);
        Assert.DoesNotContain("看到本人的信息", request, StringComparison.Ordinal);

        // An adult's own statement stays as it was.
        Assert.Contains("控告人（被害人）：王小明", LetterText(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss"), "police-statement"), StringComparison.Ordinal);
    }

    [Fact]
    public void Letters_AChildsData_DemandTheChildsInformationNotTheParents()
    {
        var plan = PlanPdfTests.Scenario("school-posted-student-list-with-child-info-online");
        var request = LetterText(plan, "deletion-request");
        var complaint = LetterText(plan, "complaint");
        var police = LetterText(plan, "police-statement");

        Assert.Contains("已无必要保存的本人孩子的个人信息", request, StringComparison.Ordinal);
        Assert.Contains("向本人提供贵单位处理的本人孩子的个人信息的复制件", request, StringComparison.Ordinal);
        Assert.Contains("封存并保全与本人孩子的信息有关的", request, StringComparison.Ordinal);
        Assert.Contains("依法调查被投诉举报人泄露、非法提供本人孩子的个人信息的行为", complaint, StringComparison.Ordinal);
        foreach (var text in new[] { request, complaint, police })
        {
            Assert.DoesNotMatch("本人的?个人信息|本人信息", text);
        }

        Assert.Contains("给本人孩子造成的损失", request, StringComparison.Ordinal);
        Assert.Contains("本人孩子在贵单位的账号、客户号、学号", request, StringComparison.Ordinal);
        Assert.Contains("保护本人孩子的民事权利，责令侵权人赔偿本人孩子因此遭受的损失", police, StringComparison.Ordinal);

        // The police refused: the reconsideration is the child's too, and the parent signs as the victim's guardian.
        var refused = ScenarioWith("school-posted-student-list-with-child-info-online", a =>
        {
            a["police-report"] = "not-filed";
            a["refusal-notice"] = "within-7-days";
        });
        var reconsideration = LetterText(refused, "police-reconsideration");
        Assert.Contains("申请人（控告人，被害人的法定代理人）：", reconsideration, StringComparison.Ordinal);
        Assert.Contains("本人孩子的下列个人信息被泄露", reconsideration, StringComparison.Ordinal);
        Assert.Contains("本人孩子的上述个人信息", reconsideration, StringComparison.Ordinal);
        Assert.DoesNotMatch("本人的下列|给本人造成|本人的上述", reconsideration);

        // An adult's letters demand their own.
        var adult = LetterText(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss"), "deletion-request");
        Assert.Contains("向本人提供贵单位处理的本人个人信息的复制件", adult, StringComparison.Ordinal);
        Assert.DoesNotContain("孩子", adult, StringComparison.Ordinal);
    }

    [Fact]
    public void Limitation_DemandMadeButUndated_GivesTheEarliestEndAndWarnsWhenItIsNear()
    {
        // Knew in 2024-01, asked the payment company and reported, gave neither date (today 2026-12): the period may have
        // restarted, so the limitation has no date; but it cannot end before 2027-01 — five weeks away.
        var plan = PlanPdfTests.Scenario("payment-password-leaked-loan-taken-in-my-name");

        Assert.Null(Assert.Single(plan.Deadlines, d => d.Key == "limitation").Due);
        var earliest = Assert.Single(plan.Deadlines, d => d.Key == "limitation-earliest");
        Assert.Equal("2027-01", earliest.Date);
        Assert.Contains("最早可能在", earliest.Due!.Text, StringComparison.Ordinal);
        Assert.Contains("可能在2027年1月届满", Assert.Single(plan.Flags, f => f.Id == "limitation-near").Explain, StringComparison.Ordinal);

        // With the date of the last demand the limitation counts from it, and the earliest end is not shown.
        var dated = ScenarioWith("payment-password-leaked-loan-taken-in-my-name", a => a["last-claim-on"] = "2026-05");
        Assert.Equal("2029-05", Assert.Single(dated.Deadlines, d => d.Key == "limitation").Date);
        Assert.DoesNotContain(dated.Deadlines, d => d.Key == "limitation-earliest");
        Assert.DoesNotContain(dated.Flags, f => f.Id is "limitation-near" or "limitation-passed");

        // Knew in 2023-03, refused and reported, no dates: the earliest end (2026-03) has passed — the near flag says to act and
        // find the dates; never "passed", the undated demand or report may have restarted the period.
        var past = PlanPdfTests.Scenario("former-employer-shared-hr-file-and-refused-deletion");
        Assert.Equal("2026-03", Assert.Single(past.Deadlines, d => d.Key == "limitation-earliest").Date);
        Assert.Contains(past.Flags, f => f.Id == "limitation-near");
        Assert.DoesNotContain(past.Flags, f => f.Id == "limitation-passed");
        Assert.Contains("这个日子已经过去的", Assert.Single(past.Deadlines, d => d.Key == "limitation-earliest").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-04", true)] // earliest end 2027-04: five months from the tests' today (2026-11)
    [InlineData("2024-05", false)] // 2027-05: six months away, not yet near
    [InlineData("2023-11", true)] // this month
    public void LimitationNearFlag_FromTheEarliestEnd_CountsFewerThanSixMonths(string knew, bool near)
    {
        var plan = ScenarioWith("payment-password-leaked-loan-taken-in-my-name", a =>
        {
            a["discovered-on"] = knew;
            a["infringer-known-on"] = knew;
        });

        Assert.Equal(near, plan.Flags.Any(f => f.Id == "limitation-near"));
        Assert.DoesNotContain(plan.Flags, f => f.Id == "limitation-passed");
    }

    [Fact]
    public void ComplaintLetter_Telecom_SaysWhenTheOperatorWasComplainedToFirst()
    {
        // 电信用户申诉处理办法第十条第（四）项: an appeal needs the operator's complaint first, unanswered for 15 days or unsatisfying.
        // A fill-in record of it (never 「本人已于」 for someone who has not done it yet).
        var blank = LetterText(PlanPdfTests.Scenario("telecom-sim-card-opened-in-my-name"), "complaint");
        Assert.Contains("此前向被投诉举报人投诉的情况：投诉日期＿＿＿＿年＿＿月＿＿日，投诉方式＿＿＿＿，投诉编号＿＿＿＿，处理结果＿＿＿＿＿＿（未在15日内答复的", blank, StringComparison.Ordinal);

        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestContent.SeedsDirectory, "scenarios", "telecom-sim-card-opened-in-my-name.json")))!;
        var log = new LeakRights.Core.Cases.ProgressEntry[]
        {
            new("op-done", "complain-operator-first", LeakRights.Core.Cases.ProgressKind.Done, new DateOnly(2026, 11, 2), "phone", "T2026110200123", null, null),
        };
        var recorded = LetterText(TestContent.BuildPlan(TestContent.Answers(json["answers"]!.ToJsonString()), letterFields: PlanPdfTests.Letters, progress: log), "complaint");
        Assert.Contains("此前向被投诉举报人投诉的情况：投诉日期2026年11月2日，投诉方式电话，投诉编号T2026110200123，处理结果：未在15日内答复。", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("投诉日期＿", recorded, StringComparison.Ordinal);

        Assert.DoesNotContain("此前向被投诉举报人投诉的情况", LetterText(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss"), "complaint"), StringComparison.Ordinal);
    }

    [Fact]
    public void RequestTakedown_TheNoticeIsForwardedToThePoster_SoItCarriesNoCurrentAddress()
    {
        // 民法典第一千一百九十五条第二款: the platform forwards the notice to the user who posted — for an ex-partner who posted
        // the address, a new address in the notice would reach them.
        var step = Step(PlanPdfTests.Scenario("ex-partner-posted-my-address-online"), "request-takedown");

        Assert.Contains("会把通知转送给发布信息的人", step.Text, StringComparison.Ordinal);
        Assert.Contains("不要写您现在的住址", step.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FileComplaint_AnIndividualSoldTheDataOffline_GoesToThePoliceWithTheArticleThatPunishesIt()
    {
        var plan = PlanPdfTests.Scenario("neighbour-sold-my-address-for-money-once");
        var complain = Assert.Single(plan.Paths, p => p.Id == "complain");

        Assert.Equal(["police-110"], complain.Authorities.Select(a => a.Value));
        var step = Step(plan, "file-complaint");
        Assert.Contains("请到当地派出所举报", step.Text, StringComparison.Ordinal);
        Assert.Contains("2026年1月1日以后发生的，可以处拘留", step.Text, StringComparison.Ordinal);
        Assert.Contains(step.Citations, c => c.ToString() == "public-security-admin-punishments-law#56");

        // The letter asks the police for what they can do: investigate and punish (not the regulator's 责令删除), and states no
        // way of leaking the person did not give.
        var letter = LetterText(plan, "complaint");
        Assert.Contains("根据《中华人民共和国治安管理处罚法》第五十六条的规定", letter, StringComparison.Ordinal);
        Assert.Contains("现向贵所举报，请求：", letter, StringComparison.Ordinal);
        Assert.Contains("二、依法予以处罚；", letter, StringComparison.Ordinal);
        Assert.Contains("向他人出售、提供或者公开（写明是哪一种：＿＿＿＿）", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("责令其删除", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("现向贵部门投诉举报", letter, StringComparison.Ordinal);

        // Posted online: the cyberspace administration, as before, and the police only as a further option.
        var online = PlanPdfTests.Scenario("ex-partner-posted-my-address-online");
        Assert.Equal(["cac-12377"], Assert.Single(online.Paths, p => p.Id == "complain").Authorities.Select(a => a.Value));
        Assert.Contains("也可以到当地派出所举报", Step(online, "file-complaint").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("请到当地派出所举报", Step(online, "file-complaint").Text, StringComparison.Ordinal);
        Assert.Contains("现向贵部门投诉举报", LetterText(online, "complaint"), StringComparison.Ordinal);
    }

    [Fact]
    public void Authority12321_SaysItIsNoRegulator_SoTheComplaintAlsoGoesToOne()
    {
        // 12321 is a reporting centre the Internet Society runs for the MIIT: no 履行个人信息保护职责的部门 (个人信息保护法第六十五条).
        var isc = Assert.Single(PlanPdfTests.Scenario("telecom-sim-card-opened-in-my-name").Authorities, a => a.Id.Value == "isc-12321");

        Assert.Contains("不是行政机关", isc.HowTo, StringComparison.Ordinal);
        Assert.Contains("还要向计划里列出的主管部门投诉", isc.HowTo, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("neighbour-sold-my-address-for-money-once")] // harassed: told not to contact the neighbour
    [InlineData("ex-partner-posted-my-address-online")]
    public void RequestStop_AnIndividual_NoOrganisationsFifteenDayReply(string scenario)
    {
        // The 15 days are what an organisation is given to answer a deletion request; an individual gets no such letter, and a
        // harassed person is told not to contact them at all.
        var plan = PlanPdfTests.Scenario(scenario);

        Assert.DoesNotContain(plan.Deadlines, d => d.Key == "organisation-reply");
        Assert.DoesNotContain(plan.Paths.SelectMany(p => p.Steps), s => s.Key == "send-deletion-request");
    }

    [Fact]
    public void CheckCreditReport_TwoFreeReportsAYear_CitesTheRegulationThatGivesThem()
    {
        var urgent = Assert.Single(PlanPdfTests.Scenario("telecom-sim-card-opened-in-my-name").Urgent, u => u.Key == "check-credit-report");

        Assert.Contains("每人每年有两次免费查询的机会", urgent.Text, StringComparison.Ordinal);
        Assert.Equal(["credit-reporting-regulation#17"], urgent.Citations.Select(c => c.ToString()));
    }
}
