using LeakRights.Core.Answers;
using LeakRights.Core.Cases;
using LeakRights.Core.Content;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Tests.Rules;

/// <summary>The contact log as the plan reads it: which entry counts for what, and the day boundaries (issue 13).</summary>
public class ProgressLogTests
{
    private static readonly DateOnly Today = new(2026, 12, 10);

    private static ProgressEntry Done(string step, int day, string? reference = null) =>
        new($"d{step}{day}", step, ProgressKind.Done, new DateOnly(2026, 12, day), null, reference, null, null);

    private static ProgressEntry Reply(string step, int day, string reply) =>
        new($"r{step}{day}", step, ProgressKind.Reply, new DateOnly(2026, 12, day), null, null, null, reply);

    private static ProgressLog Log(params ProgressEntry[] entries) => new(entries, TestContent.Bundle.Rules, TestContent.Bundle.Progress, Today);

    [Theory]
    [InlineData("send-deletion-request", true)] // the letter also demands compensation (民法典第一百九十五条)
    [InlineData("follow-up-request", true)]
    [InlineData("report-to-police", true)] // 诉讼时效规定第十三条
    [InlineData("demand-individual", false)] // asks an individual to delete and stop, not to pay: no 履行请求 for damages
    [InlineData("file-complaint", false)]
    public void Apply_StepDoneLaterThanTheAnsweredClaim_MovesTheLastClaimOnlyForAClaim(string step, bool moves)
    {
        var answers = AnswerSet.Empty.With("last-claim-on", new MonthAnswer(new YearMonth(2026, 3)));

        var applied = Log(Done(step, 4)).Apply(answers);

        Assert.Equal(moves ? new YearMonth(2026, 12) : new YearMonth(2026, 3), applied.Month("last-claim-on"));
    }

    [Fact]
    public void Apply_DemandMadeByTelephone_DoesNotRestartTheLimitation()
    {
        // 诉讼时效规定第八条: a document handed over, a letter or a data message — not a call. Counting fewer entries only makes
        // the date earlier, the safe side, so a report by telephone is left out too.
        var answers = AnswerSet.Empty.With("last-claim-on", new MonthAnswer(new YearMonth(2026, 3)));
        ProgressEntry By(string channel) => new("d" + channel, "send-deletion-request", ProgressKind.Done, new DateOnly(2026, 12, 4), channel, null, null, null);

        Assert.Equal(new YearMonth(2026, 3), Log(By("phone")).Apply(answers).Month("last-claim-on"));
        Assert.Equal(new YearMonth(2026, 12), Log(By("ems")).Apply(answers).Month("last-claim-on"));
        Assert.Equal(new YearMonth(2026, 12), Log(By("phone"), By("email")).Apply(answers).Month("last-claim-on"));
    }

    [Fact]
    public void Apply_AnIndividualRefusedToDelete_LeavesTheOrganisationQuestionsAlone()
    {
        // An individual is not an organisation: a refusal logged for demand-individual must not answer contacted-organisation,
        // which would make the plan think an undated demand for compensation was made (and drop the limitation date).
        var applied = Log(Done("demand-individual", 2), Reply("demand-individual", 4, "refused")).Apply(AnswerSet.Empty);

        Assert.False(applied.Has("contacted-organisation"));
        Assert.Equal("refused", Log(Reply("send-deletion-request", 4, "refused")).Apply(AnswerSet.Empty).Choice("contacted-organisation"));
    }

    [Fact]
    public void FirstDone_ARepliesOnlyStep_HasNoDoneEntry()
    {
        var log = Log(Reply("send-deletion-request", 2, "refused"), Done("report-to-police", 1));

        Assert.Null(log.FirstDone(["send-deletion-request"]));
        Assert.Equal(1, log.FirstDone(["send-deletion-request", "report-to-police"])!.On.Day);
    }

    [Fact]
    public void LatestReply_OnlyRepliesOfThoseStepsAndIds()
    {
        var log = Log(Reply("police-pending", 2, "not-filed"), Done("police-pending", 5), Reply("report-to-police", 6, "no-response"), Reply("police-pending", 7, "no-response"));

        Assert.Equal(7, log.LatestReply(["police-pending"])!.On.Day);
        Assert.Equal(2, log.LatestReply(["police-pending"], ["not-filed"])!.On.Day);
        Assert.Null(log.LatestReply(["send-deletion-request"]));
        Assert.Equal(7, log.LatestReply(["police-pending", "report-to-police"], [])!.On.Day);
    }

    [Fact]
    public void ReplyOnTheDayTheStepWasDone_SettlesIt()
    {
        var log = Log(Done("send-deletion-request", 1), Reply("send-deletion-request", 1, "answered"));

        Assert.True(log.HasReplySince("send-deletion-request", new DateOnly(2026, 12, 1)));
        Assert.False(log.HasReplySince("send-deletion-request", new DateOnly(2026, 12, 2)));
        Assert.DoesNotContain(ProgressCondition.Token("send-deletion-request", "overdue"), log.Tokens);
        Assert.Contains(ProgressCondition.Token("send-deletion-request", "answered"), log.Tokens);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(2, false)]
    public void Evaluate_DayWindowNestedInALetterCondition_ReadsTheLogAndNeverHoldsWithoutIt(int receivedOn, bool within)
    {
        var log = Log(Reply("police-pending", receivedOn, "not-filed"));
        var windowed = new AllOfCondition([new NoneOfCondition([new ProgressCondition(["police-pending"], ["done"])]), new ProgressCondition(["police-pending"], ["not-filed"]) { WithinDays = 7 }]);
        var answers = LeakRights.Core.Answers.AnswerSet.Empty;

        Assert.Equal(within, ConditionEvaluator.Evaluate(windowed, answers, log.Tokens, null, log));
        // The token alone ("not-filed" was recorded) must not stand in for the window: without the log the condition fails.
        Assert.Contains(ProgressCondition.Token("police-pending", "not-filed"), log.Tokens);
        Assert.False(ConditionEvaluator.Evaluate(windowed, answers, log.Tokens));
    }

    [Theory]
    [InlineData(3, true)]   // received 3 Dec: today (10 Dec) is the seventh day, still in time
    [InlineData(2, false)]  // received 2 Dec: the seven days ended yesterday
    public void Holds_WithinAndAfterDays_CountFromTheEntryThatSetTheState(int receivedOn, bool within)
    {
        var log = Log(Reply("police-pending", receivedOn, "not-filed"));

        Assert.Equal(within, log.Holds(new ProgressCondition(["police-pending"], ["not-filed"]) { WithinDays = 7 }));
        Assert.Equal(!within, log.Holds(new ProgressCondition(["police-pending"], ["not-filed"]) { AfterDays = 7 }));
    }

    [Fact]
    public void Holds_DoneStateWithADayWindow_CountsFromTheFirstDoneEntryNotALaterReply()
    {
        var log = Log(Done("send-deletion-request", 1), Reply("send-deletion-request", 9, "no-response"));

        Assert.False(log.Holds(new ProgressCondition(["send-deletion-request"], ["done"]) { WithinDays = 5 }));
        Assert.True(log.Holds(new ProgressCondition(["send-deletion-request"], ["done"]) { AfterDays = 5 }));
        Assert.False(log.Holds(new ProgressCondition(["report-to-police"], ["done"])));
    }

    [Fact]
    public void Entries_DatedAfterToday_CountAsToday()
    {
        var log = Log(new ProgressEntry("f", "send-deletion-request", ProgressKind.Done, new DateOnly(2027, 1, 1), null, null, null, null));

        Assert.Equal(Today, log.FirstDone("send-deletion-request")!.On);
    }

    [Fact]
    public void WithoutEntry_RemovesOnlyThatEntry()
    {
        var file = new CaseFile(LeakRights.Core.Answers.AnswerSet.Empty, new Dictionary<string, string>(), [Done("a", 1), Done("b", 2)], Today);

        Assert.Equal(["b"], file.WithoutEntry("da1").Progress.Select(e => e.Step));
    }
}
