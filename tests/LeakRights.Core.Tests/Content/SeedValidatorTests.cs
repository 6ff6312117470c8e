using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

/// <summary>
/// Changes the real, valid content in memory in one place and checks that <see cref="SeedValidator"/> reports exactly that
/// problem with its file and entry (SeedValidationTests.cs does the same through files on disk).
/// </summary>
public class SeedValidatorTests
{
    private const string Q = "seeds/questionnaire.json";
    private const string R = "seeds/rules.json";
    private const string L = "seeds/letters.json";

    private static ContentBundle B => TestContent.Bundle;

    private static ContentBundle Bundle(Questionnaire? questionnaire = null, RuleSet? rules = null, IReadOnlyList<Authority>? authorities = null, IReadOnlyList<Law>? laws = null, LetterSet? letters = null) =>
        new(questionnaire ?? B.Questionnaire, rules ?? B.Rules, authorities ?? B.Authorities, laws ?? B.Laws, letters ?? B.Letters) { Progress = B.Progress };

    private static List<SeedError> Validate(ContentBundle bundle)
    {
        var errors = new List<SeedError>();
        SeedValidator.Validate(bundle, errors);
        return errors;
    }

    private static SeedError Single(ContentBundle bundle) => Assert.Single(Validate(bundle));

    private static Questionnaire WithQuestion(string id, Func<Question, Question> change) =>
        new(B.Questionnaire.Questions.Select(q => q.Id == id ? change(q) : q).ToList(), B.Questionnaire.Steps);

    private static Questionnaire WithSteps(Func<IReadOnlyList<QuestionnaireStep>, IEnumerable<QuestionnaireStep>> change, IEnumerable<Question>? questions = null) =>
        new((questions ?? B.Questionnaire.Questions).ToList(), change(B.Questionnaire.Steps).ToList());

    private static RuleSet WithPath(string id, Func<PathRule, PathRule> change) =>
        B.Rules with { Paths = B.Rules.Paths.Select(p => p.Id == id ? change(p) : p).ToList() };

    private static RuleSet WithStep(string key, Func<StepRule, StepRule> change) =>
        B.Rules with { Paths = B.Rules.Paths.Select(p => p with { Steps = p.Steps.Select(s => s.Key == key ? change(s) : s).ToList() }).ToList() };

    private static QuestionCondition Eq(string question, string value) => new(question, ConditionOperator.Eq, [value], null);

    [Fact]
    public void Validate_RealContent_HasNoErrors()
    {
        Assert.Empty(Validate(B));
    }

    [Fact]
    public void Validate_DayWindowInAStepCondition_IsRefused_ButAllowedInTheStepsAdditions()
    {
        var windowed = new ProgressCondition(["police-refused"], ["refused"]) { WithinDays = 7 };
        var inStep = WithStep("police-refused", s => s with { When = windowed });
        var inAdditions = WithStep("police-refused", s => s with { Additions = [.. s.Additions.Select(a => a with { When = windowed })] });

        var error = Single(Bundle(rules: inStep));
        Assert.Equal(R, error.File);
        Assert.Equal("progress: withinDays and afterDays are allowed only in seeds/progress.json's answer rules, letters and step additions", error.Problem);
        Assert.Empty(Validate(Bundle(rules: inAdditions)));
    }

    // Letters
    // Letters

    [Fact]
    public void Validate_DuplicateLetterId_IsNamed()
    {
        var letters = B.Letters with { Letters = [.. B.Letters.Letters, B.Letters.Letters[0]] };

        Assert.Equal(new SeedError(L, "letter 'deletion-request'", "the id appears more than once"), Single(Bundle(letters: letters)));
    }

    [Fact]
    public void Validate_LetterForUnknownStep_NamesStep()
    {
        var letters = B.Letters with { Letters = [B.Letters.Letters[0] with { ForStep = "nowhere" }] };

        Assert.Equal([new SeedError(L, "letter 'deletion-request'", "step 'nowhere' is not a step of seeds/rules.json")], Validate(Bundle(letters: letters)));
    }

    [Fact]
    public void Validate_LetterUnknownPlaceholder_IsNamedOnce()
    {
        var letter = B.Letters.Letters[0];
        var letters = B.Letters with { Letters = [letter with { Title = TextTemplate.Parse("{nick}"), Signature = [.. letter.Signature, TextTemplate.Parse("{nick}{your-name}")], Closing = [TextTemplate.Parse("{x}")] }] };

        Assert.Equal(
            [new SeedError(L, "letter 'deletion-request'", "uses placeholder '{x}', which has no binding in 'bindings'"), new SeedError(L, "letter 'deletion-request'", "uses placeholder '{nick}', which has no binding in 'bindings'")],
            Validate(Bundle(letters: letters)));
    }

    [Fact]
    public void Validate_LetterPlaceholderInParagraph_IsChecked()
    {
        var letter = B.Letters.Letters[0];
        var letters = B.Letters with { Letters = [letter with { Paragraphs = [new LetterParagraph(TextTemplate.Parse("{organisation}{oops}"))] }] };

        Assert.Equal(new SeedError(L, "letter 'deletion-request'", "uses placeholder '{oops}', which has no binding in 'bindings'"), Single(Bundle(letters: letters)));
    }

    [Fact]
    public void Validate_LetterBindingToUnknownQuestion_IsNamed()
    {
        var bindings = B.Letters.Bindings.ToDictionary(StringComparer.Ordinal);
        bindings["organisation"] = bindings["organisation"] with { Question = "company" };

        Assert.Equal(new SeedError(L, "bindings.organisation", "question 'company' is not in seeds/questionnaire.json"), Single(Bundle(letters: B.Letters with { Bindings = bindings })));
    }

    private static LetterSet WithBinding(string placeholder, Func<LetterBinding, LetterBinding> change)
    {
        var bindings = B.Letters.Bindings.ToDictionary(StringComparer.Ordinal);
        bindings[placeholder] = change(bindings[placeholder]);
        return B.Letters with { Bindings = bindings };
    }

    [Theory]
    [InlineData("pipl#999", "citation 'pipl#999': seeds/statutes/pipl.md has no article '999'")]
    [InlineData("cybersecurity-law-2016#43", "citation 'cybersecurity-law-2016#43': 'cybersecurity-law-2016' is superseded and must not be cited (cite 'cybersecurity-law' instead)")]
    [InlineData("no-such-law#1", "citation 'no-such-law#1': no law 'no-such-law' in seeds/statutes/")]
    public void Validate_LetterCitesNotInThePack_AreRefused(string cite, string problem)
    {
        var letters = WithBinding("basis-no-leak", b => b with { Cites = [cite] });

        Assert.Equal(new SeedError(L, "bindings.basis-no-leak", problem), Single(Bundle(letters: letters)));
    }

    [Fact]
    public void Validate_LetterLabelsForUnknownOption_AreNamed()
    {
        var letters = WithBinding("data-types", b => b with { Labels = new Dictionary<string, string> { ["identity"] = "身份信息", ["dna"] = "基因" } });

        Assert.Equal(new SeedError(L, "bindings.data-types", "'labels' names option 'dna', which question 'data-types' does not have"), Single(Bundle(letters: letters)));
    }

    [Fact]
    public void Validate_LetterLabelsOnANonChoiceQuestion_AreRefused()
    {
        var letters = WithBinding("loss", b => b with { Labels = new Dictionary<string, string>() });

        Assert.Equal(new SeedError(L, "bindings.loss", "'labels' needs a choice question; 'loss-amount' is a number question"), Single(Bundle(letters: letters)));
    }

    [Fact]
    public void Validate_LetterAddresseeLabelForUnknownAuthority_IsNamed()
    {
        var letters = WithBinding("authority", b => b with { Labels = new Dictionary<string, string> { ["cac-99999"] = "某处" } });

        Assert.Equal(new SeedError(L, "bindings.authority", "'labels' names authority 'cac-99999', which is not in seeds/authorities.json"), Single(Bundle(letters: letters)));
    }

    [Fact]
    public void Validate_InvisibleBlank_IsRefused()
    {
        Assert.Equal(new SeedError(L, "blank", "must be a visible blank such as ＿＿＿＿＿＿"), Single(Bundle(letters: B.Letters with { Blank = "  " })));
    }

    // Statutes and authorities

    [Fact]
    public void Validate_DuplicateLawId_NamesFile()
    {
        Assert.Equal(new SeedError("seeds/statutes/pipl.md", "id", "appears in more than one file"), Single(Bundle(laws: [.. B.Laws, B.Laws.First(l => l.Id == "pipl")])));
    }

    [Fact]
    public void Validate_SupersededByUnknownLaw_NamesIt()
    {
        var laws = B.Laws.Select(l => l.Id == "cybersecurity-law-2016" ? l with { SupersededBy = "cybersecurity-law-2099" } : l).ToList();

        Assert.Equal(
            new SeedError("seeds/statutes/cybersecurity-law-2016.md", "front matter 'superseded-by'", "'cybersecurity-law-2099' is not a law in seeds/statutes/"),
            Single(Bundle(laws: laws)));
    }

    [Fact]
    public void Validate_DuplicateAuthority_IsNamed()
    {
        Assert.Equal(new SeedError("seeds/authorities.json", "authority 'court'", "the id appears more than once"), Single(Bundle(authorities: [.. B.Authorities, B.Authorities.First(a => a.Id.Value == "court")])));
    }

    // Questionnaire

    [Fact]
    public void Validate_DuplicateQuestion_IsNamed()
    {
        var q = new Questionnaire([.. B.Questionnaire.Questions, B.Questionnaire.Get("scale")], B.Questionnaire.Steps);

        Assert.Equal(new SeedError(Q, "question 'scale'", "the id appears more than once"), Single(Bundle(questionnaire: q)));
    }

    [Fact]
    public void Validate_StepWithoutQuestions_AndQuestionNotAsked_AreNamed()
    {
        var q = WithSteps(steps => steps.Select(s => s.Id == "actions" ? s with { QuestionIds = [] } : s));

        var errors = Validate(Bundle(questionnaire: q));

        Assert.Equal(new SeedError(Q, "step 'actions'", "asks no question"), errors[0]);
        Assert.Contains(new SeedError(Q, "question 'contacted-organisation'", "is not asked by any step"), errors);
        Assert.Contains(new SeedError(Q, "question 'police-report'", "is not asked by any step"), errors);
    }

    [Fact]
    public void Validate_StepNamesUnknownQuestion_IsNamed()
    {
        var q = WithSteps(steps => steps.Select(s => s.Id == "actions" ? s with { QuestionIds = [.. s.QuestionIds, "ghost"] } : s));

        Assert.Equal(new SeedError(Q, "step 'actions'", "names unknown question 'ghost'"), Single(Bundle(questionnaire: q)));
    }

    [Fact]
    public void Validate_LetterOnlyQuestionInStep_IsRefused()
    {
        var q = WithSteps(steps => steps.Select(s => s.Id == "actions" ? s with { QuestionIds = [.. s.QuestionIds, "your-name"] } : s));

        Assert.Equal(new SeedError(Q, "step 'actions'", "question 'your-name' is letter-only and must not be part of a step"), Single(Bundle(questionnaire: q)));
    }

    [Fact]
    public void Validate_QuestionInTwoSteps_IsRefused()
    {
        var q = WithSteps(steps => steps.Select(s => s.Id == "actions" ? s with { QuestionIds = [.. s.QuestionIds, "loss-amount"] } : s));

        Assert.Equal(new SeedError(Q, "step 'actions'", "question 'loss-amount' is already asked by an earlier step"), Single(Bundle(questionnaire: q)));
    }

    [Fact]
    public void Validate_ChoiceQuestionWithoutOptions_IsRefused()
    {
        Assert.Contains(new SeedError(Q, "question 'scale'", "has no options"), Validate(Bundle(questionnaire: WithQuestion("scale", x => x with { Options = [] }))));
    }

    [Fact]
    public void Validate_DuplicateOption_IsNamed()
    {
        var q = WithQuestion("data-types", x => x with { Options = [.. x.Options, x.Options[0]] });

        Assert.Equal(new SeedError(Q, "question 'data-types'", "option 'identity' appears more than once"), Single(Bundle(questionnaire: q)));
    }

    [Fact]
    public void Validate_ExclusiveOptionOnSingleChoice_IsRefused()
    {
        var q = WithQuestion("scale", x => x with { Options = x.Options.Select((o, i) => i == 0 ? o with { Exclusive = true } : o).ToList() });

        Assert.Equal(new SeedError(Q, "question 'scale'", "only multi questions can have exclusive options"), Single(Bundle(questionnaire: q)));
    }

    [Theory]
    [InlineData("loss-amount", "number")]
    [InlineData("discovered-on", "month")]
    [InlineData("organisation-name", "text")]
    public void Validate_OptionsOnNonChoiceQuestion_AreRefused(string id, string type)
    {
        var q = WithQuestion(id, x => x with { Options = [new QuestionOption("a", "A", false)] });

        Assert.Equal(new SeedError(Q, $"question '{id}'", $"a {type} question cannot have options"), Single(Bundle(questionnaire: q)));
    }

    [Fact]
    public void Validate_NumberMinAboveMax_IsRefused()
    {
        Assert.Equal(new SeedError(Q, "question 'loss-amount'", "min is greater than max"), Single(Bundle(questionnaire: WithQuestion("loss-amount", x => x with { Min = 10, Max = 9 }))));
    }

    [Fact]
    public void Validate_NumberMinEqualToMax_IsAccepted()
    {
        Assert.Empty(Validate(Bundle(questionnaire: WithQuestion("loss-amount", x => x with { Min = 10, Max = 10 }))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_TextWithoutPositiveMaxLength_IsRefused(int? maxLength)
    {
        Assert.Equal(new SeedError(Q, "question 'organisation-name'", "a text question needs a positive maxLength"), Single(Bundle(questionnaire: WithQuestion("organisation-name", x => x with { MaxLength = maxLength }))));
    }

    [Fact]
    public void Validate_TextMaxLengthOne_IsAccepted()
    {
        Assert.Empty(Validate(Bundle(questionnaire: WithQuestion("organisation-name", x => x with { MaxLength = 1 }))));
    }

    [Fact]
    public void Validate_LetterOnlyQuestionWithShowIf_IsRefused()
    {
        var q = WithQuestion("your-name", x => x with { ShowIf = Eq("source", "bank") });

        Assert.Contains(new SeedError(Q, "question 'your-name'", "letter-only questions cannot have showIf"), Validate(Bundle(questionnaire: q)));
    }

    [Fact]
    public void Validate_ShowIfUsingFact_IsRefused()
    {
        var q = WithQuestion("insider", x => x with { ShowIf = new FactCondition("sensitive") });

        Assert.Equal(new SeedError(Q, "question 'insider' showIf", "fact 'sensitive' cannot be used here"), Single(Bundle(questionnaire: q)));
    }

    [Fact]
    public void Validate_ShowIfUsingPath_IsRefused()
    {
        var q = WithQuestion("insider", x => x with { ShowIf = new PathRecommendedCondition("complain") });

        Assert.Equal(new SeedError(Q, "question 'insider' showIf", "path 'complain' cannot be used here"), Single(Bundle(questionnaire: q)));
    }

    [Fact]
    public void Validate_ShowIfOnLaterQuestionOfSameStep_IsRefused()
    {
        var q = WithQuestion("insider", x => x with { ShowIf = new AllOfCondition([Eq("source", "bank"), new AnyOfCondition([new QuestionCondition("organisation-name", ConditionOperator.Not, ["x"], null)])]) });

        var errors = Validate(Bundle(questionnaire: q));

        Assert.Contains(new SeedError(Q, "question 'insider' showIf", "depends on 'organisation-name', which is asked later; a question may only depend on earlier ones"), errors);
    }

    [Fact]
    public void Validate_ShowIfOnEarlierQuestionOfSameStep_IsAccepted()
    {
        var q = WithQuestion("organisation-name", x => x with { ShowIf = Eq("insider", "yes") });

        Assert.Empty(Validate(Bundle(questionnaire: q)));
    }

    [Fact]
    public void Validate_ShowIfOnUnknownQuestion_IsOnlyReportedAsUnknown()
    {
        var q = WithQuestion("insider", x => x with { ShowIf = Eq("ghost", "x") });

        Assert.Equal(new SeedError(Q, "question 'insider' showIf", "unknown question 'ghost'"), Single(Bundle(questionnaire: q)));
    }

    // Rules: facts and thresholds

    [Fact]
    public void Validate_DuplicateFact_IsNamed()
    {
        var rules = B.Rules with { Facts = [.. B.Rules.Facts, B.Rules.Facts[0]] };

        Assert.Equal(new SeedError(R, "facts (id 'organisation-known')", "the id appears more than once"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_FactUsingLaterFact_IsRefused()
    {
        var rules = B.Rules with { Facts = B.Rules.Facts.Select((f, i) => i == 0 ? f with { When = new FactCondition("sensitive") } : f).ToList() };

        Assert.Equal(new SeedError(R, "facts (id 'organisation-known') when", "unknown fact 'sensitive' (or one declared later)"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_FactUsingItself_IsRefused()
    {
        var rules = B.Rules with { Facts = B.Rules.Facts.Select((f, i) => i == 1 ? f with { When = new FactCondition("sensitive") } : f).ToList() };

        Assert.Equal(new SeedError(R, "facts (id 'sensitive') when", "unknown fact 'sensitive' (or one declared later)"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_FactUsingEarlierFact_IsAccepted()
    {
        var rules = B.Rules with { Facts = B.Rules.Facts.Select((f, i) => i == 1 ? f with { When = new FactCondition("organisation-known") } : f).ToList() };

        Assert.Empty(Validate(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_FactCitingMissingArticle_IsNamed()
    {
        var rules = B.Rules with { Facts = B.Rules.Facts.Select((f, i) => i == 0 ? f with { Cites = ["pipl#9999"] } : f).ToList() };

        Assert.Equal(new SeedError(R, "facts (id 'organisation-known')", "citation 'pipl#9999': seeds/statutes/pipl.md has no article '9999'"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_ThresholdQuestionsMissingOrOfWrongType_AreNamed()
    {
        var rules = B.Rules with { CriminalThreshold = B.Rules.CriminalThreshold with { DataQuestion = "ghost", ScaleQuestion = "data-types", Tiers = [], ScaleRanges = new Dictionary<string, ScaleRange>() } };

        Assert.Equal(
            [
                new SeedError(R, "criminalThreshold.dataQuestion", "question 'ghost' is not in seeds/questionnaire.json"),
                new SeedError(R, "criminalThreshold.scaleQuestion", "question 'data-types' must be a single question"),
            ],
            Validate(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_DataQuestionNotMulti_IsNamed()
    {
        var rules = B.Rules with { CriminalThreshold = B.Rules.CriminalThreshold with { DataQuestion = "scale", Tiers = [] } };

        Assert.Equal(new SeedError(R, "criminalThreshold.dataQuestion", "question 'scale' must be a multi question"), Single(Bundle(rules: rules)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Validate_TierThresholdNotPositive_IsRefused(int threshold)
    {
        var rules = B.Rules with { CriminalThreshold = B.Rules.CriminalThreshold with { Tiers = [new ThresholdTier(["location"], threshold)] } };

        Assert.Equal(new SeedError(R, "criminalThreshold.tiers", "every threshold must be positive"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_TierThresholdOne_IsAccepted()
    {
        var rules = B.Rules with { CriminalThreshold = B.Rules.CriminalThreshold with { Tiers = [new ThresholdTier(["location"], 1)] } };

        Assert.Empty(Validate(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_TierWithUnknownDataType_NamesIt()
    {
        var rules = B.Rules with { CriminalThreshold = B.Rules.CriminalThreshold with { Tiers = [new ThresholdTier(["location", "dna"], 50)] } };

        Assert.Equal(new SeedError(R, "criminalThreshold.tiers", "'dna' is not an option of 'data-types'"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_ScaleRangeForUnknownOption_NamesIt()
    {
        var ranges = B.Rules.CriminalThreshold.ScaleRanges.ToDictionary(StringComparer.Ordinal);
        ranges["a-million"] = new ScaleRange(1_000_000, null);
        var rules = B.Rules with { CriminalThreshold = B.Rules.CriminalThreshold with { ScaleRanges = ranges } };

        Assert.Equal(new SeedError(R, "criminalThreshold.scaleRanges.a-million", "'a-million' is not an option of 'scale'"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_ReducedWhenWithUnknownOption_IsNamed()
    {
        var rules = B.Rules with { CriminalThreshold = B.Rules.CriminalThreshold with { ReducedWhen = Eq("insider", "maybe") } };

        Assert.Equal(new SeedError(R, "criminalThreshold.reducedWhen", "'maybe' is not an option of question 'insider'"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_ReducedWhenUsingFact_IsAllowed()
    {
        var rules = B.Rules with { CriminalThreshold = B.Rules.CriminalThreshold with { ReducedWhen = new FactCondition("consumer-source") } };

        Assert.Empty(Validate(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_ReducedWhenUsingPath_IsRefused()
    {
        var rules = B.Rules with { CriminalThreshold = B.Rules.CriminalThreshold with { ReducedWhen = new PathRecommendedCondition("complain") } };

        Assert.Equal(new SeedError(R, "criminalThreshold.reducedWhen", "path 'complain' cannot be used here"), Single(Bundle(rules: rules)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    public void Validate_ReducedFactorOutOfRange_IsRefused(double factor)
    {
        var rules = B.Rules with { CriminalThreshold = B.Rules.CriminalThreshold with { ReducedFactor = (decimal)factor } };

        Assert.Equal(new SeedError(R, "criminalThreshold.reducedFactor", "must be greater than 0 and at most 1"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_ReducedFactorOne_IsAccepted()
    {
        Assert.Empty(Validate(Bundle(rules: B.Rules with { CriminalThreshold = B.Rules.CriminalThreshold with { ReducedFactor = 1m } })));
    }

    [Fact]
    public void Validate_ThresholdCitation_IsChecked()
    {
        var rules = B.Rules with { CriminalThreshold = B.Rules.CriminalThreshold with { Cites = ["criminal-law"] } };

        Assert.Equal(new SeedError(R, "criminalThreshold", "citation 'criminal-law' must look like 'law-id#article'"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_LimitationWithoutClockedDeadline_IsNamed()
    {
        Assert.Equal(
            new SeedError(R, "limitation.deadline", "'organisation' must be a deadline of 'deadlines' with a 'due' clock"),
            Single(Bundle(rules: B.Rules with { Limitation = B.Rules.Limitation with { Deadline = "organisation" } })));
    }

    [Fact]
    public void Validate_LimitationCountedFromTodayNotAnAnswer_IsNamed()
    {
        Assert.Equal(
            new SeedError(R, "limitation.deadline", "deadline 'organisation-reply' must count from an event given by an answer"),
            Single(Bundle(rules: B.Rules with { Limitation = B.Rules.Limitation with { Deadline = "organisation-reply" } })));
    }

    // Events and deadline clocks

    private static RuleSet WithDeadline(string key, Func<DeadlineRule, DeadlineRule> change) =>
        B.Rules with { Deadlines = B.Rules.Deadlines.Select(d => d.Key == key ? change(d) : d).ToList() };

    private static RuleSet WithEvent(string id, Func<EventRule, EventRule> change) =>
        B.Rules with { Events = B.Rules.Events.Select(e => e.Id == id ? change(e) : e).ToList() };

    [Fact]
    public void Validate_AnswerEventOnNonMonthQuestion_IsNamed()
    {
        Assert.Equal(
            new SeedError(R, "events (id 'knew-of-harm-and-infringer')", "question 'scale' must be a month question"),
            Single(Bundle(rules: WithEvent("knew-of-harm-and-infringer", e => e with { Questions = ["scale"] }))));
    }

    [Fact]
    public void Validate_DeadlineFromUnknownEvent_IsNamed()
    {
        Assert.Equal(
            new SeedError(R, "deadlines (key 'organisation-reply')", "due.from 'letter-posted' is not an event of 'events'"),
            Single(Bundle(rules: WithDeadline("organisation-reply", d => d with { Due = d.Due! with { From = "letter-posted" } }))));
    }

    [Fact]
    public void Validate_DaysCountedFromAMonthAnswer_IsRefused()
    {
        Assert.Equal(
            new SeedError(R, "deadlines (key 'limitation')", "event 'knew-of-harm-and-infringer' is known only to the month: count from it in months or years"),
            Single(Bundle(rules: WithDeadline("limitation", d => d with { Due = d.Due! with { Unit = ClockUnit.Days } }))));
    }

    [Fact]
    public void Validate_DeadlineForUnknownStep_IsNamed()
    {
        Assert.Equal(
            new SeedError(R, "deadlines (key 'regulator-reply')", "step 'phone-them' is not a step of any path"),
            Single(Bundle(rules: WithDeadline("regulator-reply", d => d with { Step = "phone-them" }))));
    }

    [Fact]
    public void Validate_AfterDeadlineEventWaitingForUnclockedDeadline_IsNamed()
    {
        var rules = WithEvent("complaint-filed", e => e with { AfterDeadline = "nothing" });

        Assert.Equal(new SeedError(R, "events (id 'complaint-filed')", "afterDeadline 'nothing' must be a deadline with a 'due' clock"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_ClockThatWaitsOnItself_IsRefused()
    {
        // regulator-reply (and samr-acceptance) count from complaint-filed; make complaint-filed wait for regulator-reply.
        var rules = WithEvent("complaint-filed", e => e with { AfterDeadline = "regulator-reply" });

        Assert.Equal(
            [
                new SeedError(R, "deadlines (key 'samr-acceptance')", "its clock waits on itself through event 'complaint-filed'"),
                new SeedError(R, "deadlines (key 'regulator-reply')", "its clock waits on itself through event 'complaint-filed'"),
            ],
            Validate(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_DuplicateEventAndDeadline_AreNamed()
    {
        var rules = B.Rules with { Events = [.. B.Rules.Events, B.Rules.Events[1]], Deadlines = [.. B.Rules.Deadlines, B.Rules.Deadlines[1]] };

        Assert.Equal(
            [new SeedError(R, "events (id 'request-sent')", "the id appears more than once"), new SeedError(R, "deadlines (key 'limitation-earliest')", "the key appears more than once")],
            Validate(Bundle(rules: rules)));
    }

    [Theory]
    [InlineData("no-such-deadline")]
    [InlineData("organisation-reply")] // counts from a day of today or the log, not an answer
    public void Validate_LimitationEarliestDeadline_MustCountFromAnAnswer(string key)
    {
        var rules = B.Rules with { Limitation = B.Rules.Limitation with { EarliestDeadline = key } };

        Assert.Equal(
            new SeedError(R, "limitation.earliestDeadline", $"'{key}' must be a deadline of 'deadlines' with a 'due' clock counting from an event given by an answer"),
            Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_ClaimChannelThatIsNoChannel_IsNamed()
    {
        var progress = B.Progress with { Claims = B.Progress.Claims! with { NotByChannels = ["fax"] } };

        Assert.Equal(new SeedError("seeds/progress.json", "claims.notByChannels", "'fax' is not a channel of 'channels'"), Single(new ContentBundle(B.Questionnaire, B.Rules, B.Authorities, B.Laws, B.Letters) { Progress = progress }));
    }

    [Fact]
    public void Validate_LimitationCitation_IsChecked()
    {
        var rules = B.Rules with { Limitation = B.Rules.Limitation with { Cites = ["no-such-law#1"] } };

        Assert.Equal(new SeedError(R, "limitation", "citation 'no-such-law#1': no law 'no-such-law' in seeds/statutes/"), Single(Bundle(rules: rules)));
    }

    // Rules: urgent actions, paths, evidence and deadlines

    [Fact]
    public void Validate_KeyUsedByUrgentActionAndStep_IsNamed()
    {
        var rules = B.Rules with { Urgent = B.Rules.Urgent.Select((u, i) => i == 0 ? u with { Key = "spam-report" } : u).ToList() };

        var errors = Validate(Bundle(rules: rules));

        Assert.Contains(new SeedError(R, "key 'spam-report'", "is used by more than one urgent action or step"), errors);
    }

    [Fact]
    public void Validate_UrgentAction_ChecksConditionAuthoritiesAndCitations()
    {
        var rules = B.Rules with
        {
            Urgent = B.Rules.Urgent.Select((u, i) => i == 0 ? u with { When = new PathRecommendedCondition("ghost-path"), Authorities = ["police-999"], Cites = ["superseded-check"] } : u).ToList(),
        };

        Assert.Equal(
            [
                new SeedError(R, "urgent (key 'call-110-now') when", "unknown path 'ghost-path', or a path's recommendation that depends on itself"),
                new SeedError(R, "urgent (key 'call-110-now')", "authority 'police-999' is not in seeds/authorities.json"),
                new SeedError(R, "urgent (key 'call-110-now')", "citation 'superseded-check' must look like 'law-id#article'"),
            ],
            Validate(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_UrgentActionUsingAnyFactOrPath_IsAccepted()
    {
        var rules = B.Rules with
        {
            Urgent = B.Rules.Urgent.Select((u, i) => i == 0 ? u with { When = new AllOfCondition([new FactCondition("limitation-near"), new PathRecommendedCondition("complain")]) } : u).ToList(),
        };

        Assert.Empty(Validate(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_NotThreePaths_IsRefused()
    {
        var rules = B.Rules with { Paths = B.Rules.Paths.Take(2).ToList() };

        Assert.Contains(new SeedError(R, "paths", "there must be exactly three remedy paths"), Validate(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_TwoPathsWithSamePriority_IsRefused()
    {
        Assert.Equal(new SeedError(R, "paths", "priority 1 is used by more than one path"), Single(Bundle(rules: WithPath("complain", p => p with { Priority = 1 }))));
    }

    [Fact]
    public void Validate_PathRecommendedWhenOnItself_IsRefused()
    {
        var rules = WithPath("request-stop", p => p with { RecommendedWhen = new PathRecommendedCondition("request-stop") });

        Assert.Equal(new SeedError(R, "paths (id 'request-stop') recommendedWhen", "unknown path 'request-stop', or a path's recommendation that depends on itself"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_PathRecommendedWhenOnOtherPath_IsAccepted()
    {
        Assert.Empty(Validate(Bundle(rules: WithPath("legal-action", p => p with { RecommendedWhen = new PathRecommendedCondition("complain") }))));
    }

    [Fact]
    public void Validate_Step_ChecksConditionCitationsAndAuthorities()
    {
        var rules = WithStep("spam-report", s => s with { When = Eq("scale", "huge"), Cites = ["pipl#9999"], Authorities = ["nobody"] });

        Assert.Equal(
            [
                new SeedError(R, "paths (id 'complain') step 'spam-report' when", "'huge' is not an option of question 'scale'"),
                new SeedError(R, "paths (id 'complain') step 'spam-report'", "citation 'pipl#9999': seeds/statutes/pipl.md has no article '9999'"),
                new SeedError(R, "paths (id 'complain') step 'spam-report'", "authority 'nobody' is not in seeds/authorities.json"),
            ],
            Validate(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_StepAddition_ChecksConditionAndCitations()
    {
        var rules = WithStep("spam-report", s => s with { Additions = [new StepAddition("extra", new FactCondition("ghost-fact"), ["cybersecurity-law-2016#43"])] });

        var errors = Validate(Bundle(rules: rules));

        Assert.Equal(
            [
                new SeedError(R, "paths (id 'complain') step 'spam-report' addition 'extra'", "unknown fact 'ghost-fact' (or one declared later)"),
                new SeedError(R, "paths (id 'complain') step 'spam-report' addition 'extra'", "citation 'cybersecurity-law-2016#43': 'cybersecurity-law-2016' is superseded and must not be cited (cite 'cybersecurity-law' instead)"),
            ],
            errors);
    }

    [Fact]
    public void Validate_PathAuthorities_ChecksConditionAndIds()
    {
        var rules = WithPath("complain", p => p with { Authorities = [new AuthorityRule(Eq("source", "moon"), ["court", "ghost-office"])] });

        Assert.Equal(
            [
                new SeedError(R, "paths (id 'complain') authorities", "'moon' is not an option of question 'source'"),
                new SeedError(R, "paths (id 'complain') authorities", "authority 'ghost-office' is not in seeds/authorities.json"),
            ],
            Validate(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_Evidence_ChecksWhenAndHaveWhen()
    {
        var rules = B.Rules with
        {
            Evidence = B.Rules.Evidence.Select((e, i) => i == 0 ? e with { When = Eq("ghost", "x"), HaveWhen = new QuestionCondition("evidence", ConditionOperator.Any, ["dna"], null) } : e).ToList(),
        };

        Assert.Equal(
            [
                new SeedError(R, "evidence (key 'timeline') when", "unknown question 'ghost'"),
                new SeedError(R, "evidence (key 'timeline') haveWhen", "'dna' is not an option of question 'evidence'"),
            ],
            Validate(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_Deadline_ChecksWhenAndCitations()
    {
        var rules = B.Rules with
        {
            Deadlines = B.Rules.Deadlines.Select((d, i) => i == 0 ? d with { When = Eq("ghost", "x"), Cites = ["civil-code#99999"] } : d).ToList(),
        };

        Assert.Equal(
            [
                new SeedError(R, "deadlines (key 'limitation') when", "unknown question 'ghost'"),
                new SeedError(R, "deadlines (key 'limitation')", "citation 'civil-code#99999': seeds/statutes/civil-code.md has no article '99999'"),
            ],
            Validate(Bundle(rules: rules)));
    }

    // Conditions

    [Fact]
    public void ValidateGlossary_DuplicateLongUnusedOrOverlongExplanation_AreNamed()
    {
        var rules = B.Rules with
        {
            Glossary =
            [
                new GlossaryTerm("控告", "解释"),
                new GlossaryTerm("控告", "解释"),
                new GlossaryTerm("一二三四五六七八九十一二三", "解释"),
                new GlossaryTerm("永远用不到的词", "解释"),
                new GlossaryTerm("复议", new string('长', 201)),
            ],
        };
        var errors = new List<SeedError>();

        SeedValidator.ValidateGlossary(rules, errors);

        Assert.Equal(
            [
                new SeedError("seeds/glossary.json", "term '控告'", "appears more than once"),
                new SeedError("seeds/glossary.json", "term '一二三四五六七八九十一二三'", "must be at most 12 characters"),
                new SeedError("seeds/glossary.json", "term '一二三四五六七八九十一二三'", "is used by no step's wording in seeds/texts.json"),
                new SeedError("seeds/glossary.json", "term '永远用不到的词'", "is used by no step's wording in seeds/texts.json"),
                new SeedError("seeds/glossary.json", "term '复议'", "the explanation must be at most 200 characters"),
            ],
            errors);
    }

    [Fact]
    public void Validate_PathLeadWhenWithUnknownFact_IsNamed()
    {
        var rules = B.Rules with { Paths = [.. B.Rules.Paths.Select(p => p.Id == "complain" ? p with { LeadWhen = new FactCondition("no-such-fact") } : p)] };

        Assert.Equal(new SeedError(R, "paths (id 'complain') leadWhen", "unknown fact 'no-such-fact' (or one declared later)"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_NoneOfCondition_ChecksItsInnerConditions()
    {
        var rules = WithStep("spam-report", s => s with { When = new NoneOfCondition([new QuestionCondition("harms", ConditionOperator.Any, ["nonsense"], null)]) });

        Assert.Equal(new SeedError(R, "paths (id 'complain') step 'spam-report' when", "'nonsense' is not an option of question 'harms'"), Single(Bundle(rules: rules)));
    }

    [Fact]
    public void Validate_ConditionOnLetterOnlyQuestion_IsRefused()
    {
        var rules = WithStep("spam-report", s => s with { When = new QuestionCondition("your-name", ConditionOperator.Not, ["x"], null) });

        var errors = Validate(Bundle(rules: rules));

        Assert.Contains(new SeedError(R, "paths (id 'complain') step 'spam-report' when", "question 'your-name' is letter-only and cannot be used in a rule"), errors);
        Assert.Contains(new SeedError(R, "paths (id 'complain') step 'spam-report' when", "operator 'not' does not fit the text question 'your-name'"), errors);
    }

    [Theory]
    [InlineData("scale", ConditionOperator.Eq, true)]
    [InlineData("scale", ConditionOperator.In, true)]
    [InlineData("scale", ConditionOperator.Not, true)]
    [InlineData("scale", ConditionOperator.Any, false)]
    [InlineData("scale", ConditionOperator.All, false)]
    [InlineData("data-types", ConditionOperator.Any, true)]
    [InlineData("data-types", ConditionOperator.All, true)]
    [InlineData("data-types", ConditionOperator.Not, true)]
    [InlineData("data-types", ConditionOperator.Eq, false)]
    [InlineData("data-types", ConditionOperator.In, false)]
    [InlineData("discovered-on", ConditionOperator.Not, false)]
    [InlineData("discovered-on", ConditionOperator.Gte, false)]
    [InlineData("loss-amount", ConditionOperator.Gte, true)]
    [InlineData("loss-amount", ConditionOperator.Lte, true)]
    [InlineData("loss-amount", ConditionOperator.Eq, false)]
    [InlineData("scale", ConditionOperator.Lte, false)]
    public void Validate_OperatorOnQuestionType_FitsOrIsRefused(string question, ConditionOperator op, bool fits)
    {
        var q = B.Questionnaire.Get(question);
        var values = op is ConditionOperator.Gte or ConditionOperator.Lte || q.Options.Count == 0 ? [] : new[] { q.Options[0].Id };
        var rules = WithStep("spam-report", s => s with { When = new QuestionCondition(question, op, values, op is ConditionOperator.Gte or ConditionOperator.Lte ? 1 : null) });

        var errors = Validate(Bundle(rules: rules));

        if (fits)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal(new SeedError(R, "paths (id 'complain') step 'spam-report' when", $"operator '{op.ToSeedName()}' does not fit the {q.Type.ToSeedName()} question '{question}'"), Assert.Single(errors));
        }
    }

    [Fact]
    public void Validate_UnknownOperator_DoesNotFit()
    {
        var rules = WithStep("spam-report", s => s with { When = new QuestionCondition("scale", (ConditionOperator)99, ["only-me"], null) });

        Assert.Equal("operator 'lte' does not fit the single question 'scale'", Single(Bundle(rules: rules)).Problem);
    }

    [Fact]
    public void Validate_NestedConditions_AreAllChecked()
    {
        var rules = WithStep("spam-report", s => s with { When = new AnyOfCondition([new AllOfCondition([Eq("scale", "x1")]), Eq("scale", "x2")]) });

        Assert.Equal(["'x1' is not an option of question 'scale'", "'x2' is not an option of question 'scale'"], Validate(Bundle(rules: rules)).Select(e => e.Problem));
    }
}
