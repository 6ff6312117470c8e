namespace LeakRights.Core.Content;

/// <summary>Checks that the seed files agree with each other: every id a rule or question names exists, every citation is a real article of a law in force, every text key has wording.</summary>
internal static class SeedValidator
{
    private const string Q = "seeds/questionnaire.json";
    private const string R = "seeds/rules.json";
    private const string A = "seeds/authorities.json";

    public static void Validate(ContentBundle b, List<SeedError> errors)
    {
        ValidateStatutes(b, errors);
        ValidateAuthorities(b, errors);
        ValidateQuestionnaire(b, errors);
        ValidateRules(b, errors);
        ValidateDeadlines(b, errors);
        ValidateLetters(b, errors);
        PublicInterestContent.Validate(b, errors);
        ValidateGlossary(b.Rules, errors);
        ValidateProgress(b, errors);
    }

    /// <summary>Channels and replies unique and labelled; every step a step of the rules, listed once; every reply a known one.</summary>
    internal static void ValidateProgress(ContentBundle b, List<SeedError> errors)
    {
        const string P = "seeds/progress.json";
        var steps = b.Rules.Paths.SelectMany(p => p.Steps).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, options) in new[] { ("channel", b.Progress.Channels), ("reply", b.Progress.Replies) })
        {
            foreach (var dup in options.GroupBy(o => o.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                errors.Add(new SeedError(P, $"{name} '{dup.Key}'", "appears more than once"));
            }

            foreach (var o in options.Where(o => !ContentRules.IsValidId(o.Id)))
            {
                errors.Add(new SeedError(P, $"{name} '{o.Id}'", "is not a valid id (lower-case letters, digits and hyphens)"));
            }
        }

        foreach (var dup in b.Progress.Steps.GroupBy(s => s.Step, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new SeedError(P, $"step '{dup.Key}'", "is listed more than once"));
        }

        foreach (var rule in b.Progress.Steps)
        {
            if (!steps.Contains(rule.Step))
            {
                errors.Add(new SeedError(P, $"step '{rule.Step}'", "is not a step of seeds/rules.json"));
            }

            foreach (var reply in rule.Replies.Concat(rule.ReplyLabels.Keys).Where(r => b.Progress.Reply(r) is null))
            {
                errors.Add(new SeedError(P, $"step '{rule.Step}'", $"reply '{reply}' is not one of 'replies'"));
            }
        }

        for (var i = 0; i < b.Progress.Answers.Count; i++)
        {
            var rule = b.Progress.Answers[i];
            var at = $"answers[{i}]";
            new ConditionContext(P, $"{at} when", b, Facts: null, Paths: null, errors) { AllowDayWindows = true }.Check(rule.When);
            if (rule.Set.Count == 0)
            {
                errors.Add(new SeedError(P, at, "'set' must answer at least one question"));
            }

            foreach (var (question, option) in rule.Set)
            {
                var q = b.Questionnaire.Find(question);
                if (q is not { Type: QuestionType.SingleChoice, LetterOnly: false })
                {
                    errors.Add(new SeedError(P, at, $"set: '{question}' is not a single-choice question of seeds/questionnaire.json"));
                }
                else if (q.FindOption(option) is null)
                {
                    errors.Add(new SeedError(P, at, $"set: '{option}' is not an option of question '{question}'"));
                }
            }
        }

        if (b.Progress.Claims is { } claims)
        {
            if (b.Questionnaire.Find(claims.Question) is not { Type: QuestionType.Month })
            {
                errors.Add(new SeedError(P, "claims", $"'{claims.Question}' is not a month question of seeds/questionnaire.json"));
            }

            foreach (var c in claims.When)
            {
                new ConditionContext(P, "claims.when", b, Facts: null, Paths: null, errors).Check(c);
            }

            foreach (var channel in claims.NotByChannels.Where(ch => b.Progress.Channel(ch) is null))
            {
                errors.Add(new SeedError(P, "claims.notByChannels", $"'{channel}' is not a channel of 'channels'"));
            }
        }
    }

    /// <summary>Each term once, short, explained, and used by some step's wording (an unused entry would never show).</summary>
    internal static void ValidateGlossary(RuleSet rules, List<SeedError> errors)
    {
        const string G = "seeds/glossary.json";
        var wording = string.Join("\n", rules.Paths.SelectMany(p => p.Steps).SelectMany(s => s.Additions.Select(a => a.Text.Source).Prepend(s.Text.Source).Prepend(s.Title.Source)));
        foreach (var dup in rules.Glossary.GroupBy(g => g.Term, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new SeedError(G, $"term '{dup.Key}'", "appears more than once"));
        }

        foreach (var g in rules.Glossary)
        {
            if (g.Term.Length > 12)
            {
                errors.Add(new SeedError(G, $"term '{g.Term}'", "must be at most 12 characters"));
            }

            if (g.Explanation.Length > 200)
            {
                errors.Add(new SeedError(G, $"term '{g.Term}'", "the explanation must be at most 200 characters"));
            }

            if (g.Term.Length > 0 && !wording.Contains(g.Term, StringComparison.Ordinal))
            {
                errors.Add(new SeedError(G, $"term '{g.Term}'", "is used by no step's wording in seeds/texts.json"));
            }
        }
    }

    private static void ValidateLetters(ContentBundle b, List<SeedError> errors)
    {
        const string L = "seeds/letters.json";
        var steps = b.Rules.Paths.SelectMany(p => p.Steps).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var dup in b.Letters.Letters.GroupBy(l => l.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new SeedError(L, $"letter '{dup.Key}'", "the id appears more than once"));
        }

        foreach (var letter in b.Letters.Letters)
        {
            var at = $"letter '{letter.Id}'";
            foreach (var step in new[] { letter.ForStep }.Where(s => !steps.Contains(s)))
            {
                errors.Add(new SeedError(L, at, $"step '{step}' is not a step of seeds/rules.json"));
            }

            var allFacts = b.Rules.Facts.Select(f => f.Id).Concat(b.Rules.FlagSources().Select(f => f.Id)).ToHashSet(StringComparer.Ordinal);
            var paths = b.Rules.Paths.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            if (letter.When is not null)
            {
                new ConditionContext(L, $"{at} when", b, allFacts, paths, errors) { AllowDayWindows = true }.Check(letter.When);
            }

            foreach (var p in letter.Paragraphs.Where(p => p.When is not null))
            {
                new ConditionContext(L, $"{at} paragraph when", b, allFacts, paths, errors) { AllowDayWindows = true }.Check(p.When!);
            }

            foreach (var name in letter.Templates
                .SelectMany(t => t.Placeholders).Distinct().Where(n => !b.Letters.Bindings.ContainsKey(n)))
            {
                errors.Add(new SeedError(L, at, $"uses placeholder '{{{name}}}', which has no binding in 'bindings'"));
            }
        }

        foreach (var binding in b.Letters.Bindings.Values)
        {
            var at = $"bindings.{binding.Placeholder}";
            CheckCites(b, L, at, binding.Cites, errors);
            foreach (var id in binding.PlanValue == LetterPlanValue.FirstAuthority ? binding.Labels?.Keys ?? [] : [])
            {
                if (b.Authorities.All(a => a.Id.Value != id))
                {
                    errors.Add(new SeedError(L, at, $"'labels' names authority '{id}', which is not in seeds/authorities.json"));
                }
            }

            if (binding.Incident == LetterIncidentField.Status)
            {
                var statusIds = Incidents.IncidentLetterValues.StatusIds.Values.ToHashSet(StringComparer.Ordinal);
                foreach (var key in (binding.Labels?.Keys ?? []).Where(k => !statusIds.Contains(k)))
                {
                    errors.Add(new SeedError(L, at, $"labels: '{key}' is not an incident status ({string.Join(", ", statusIds)})"));
                }

                foreach (var id in statusIds.Where(id => binding.Labels?.ContainsKey(id) != true))
                {
                    errors.Add(new SeedError(L, at, $"labels: the incident status '{id}' has no words (a letter states the status only in its own words)"));
                }
            }

            if (binding.Progress is { } progress)
            {
                var allSteps = b.Rules.Paths.SelectMany(p => p.Steps).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
                foreach (var step in progress.Steps.Where(s => !allSteps.Contains(s)))
                {
                    errors.Add(new SeedError(L, at, $"progress: '{step}' is not a step of seeds/rules.json"));
                }

                foreach (var key in (binding.Labels?.Keys ?? []).Where(k => progress.Field == LetterProgressField.Channel ? b.Progress.Channel(k) is null : b.Progress.Reply(k) is null && !ProgressCondition.StepStates.Contains(k)))
                {
                    errors.Add(new SeedError(L, at, progress.Field == LetterProgressField.Channel
                        ? $"labels: '{key}' is not a channel of seeds/progress.json"
                        : $"labels: '{key}' is not a reply of seeds/progress.json or a state (done, waiting, overdue)"));
                }

                foreach (var reply in progress.Replies.Where(r => b.Progress.Reply(r) is null))
                {
                    errors.Add(new SeedError(L, at, $"progress: reply '{reply}' is not a reply of seeds/progress.json"));
                }
            }

            if (binding.Question is null)
            {
                continue;
            }

            var question = b.Questionnaire.Find(binding.Question);
            if (question is null)
            {
                errors.Add(new SeedError(L, at, $"question '{binding.Question}' is not in seeds/questionnaire.json"));
                continue;
            }

            if (binding.Labels is not null && question.Type is not (QuestionType.SingleChoice or QuestionType.MultiChoice))
            {
                errors.Add(new SeedError(L, at, $"'labels' needs a choice question; '{question.Id}' is a {question.Type.ToSeedName()} question"));
            }

            foreach (var option in (binding.Labels?.Keys ?? []).Where(o => question.FindOption(o) is null))
            {
                errors.Add(new SeedError(L, at, $"'labels' names option '{option}', which question '{question.Id}' does not have"));
            }
        }

        if (b.Letters.Blank.Trim().Length == 0)
        {
            errors.Add(new SeedError(L, "blank", "must be a visible blank such as ＿＿＿＿＿＿"));
        }
    }

    private static void ValidateStatutes(ContentBundle b, List<SeedError> errors)
    {
        foreach (var dup in b.Laws.GroupBy(l => l.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new SeedError($"seeds/statutes/{dup.Key}.md", "id", "appears in more than one file"));
        }

        foreach (var law in b.Laws.Where(l => l.SupersededBy is not null && b.Laws.All(o => o.Id != l.SupersededBy)))
        {
            errors.Add(new SeedError($"seeds/statutes/{law.Id}.md", "front matter 'superseded-by'", $"'{law.SupersededBy}' is not a law in seeds/statutes/"));
        }

        // The same rules the admin editor and the import apply (ContentRules).
        foreach (var law in b.Laws)
        {
            var file = $"seeds/statutes/{law.Id}.md";
            if (!ContentRules.IsValidId(law.Id))
            {
                errors.Add(new SeedError(file, "front matter 'id'", $"must be lower-case letters, digits and hyphens, at most {ContentRules.MaxIdLength} characters"));
            }

            foreach (var (name, value) in new[] { ("title", law.Title), ("short-title", law.ShortTitle), ("issuer", law.Issuer), ("document-number", law.DocumentNumber) })
            {
                if (!ContentRules.IsOptionalText(value, ContentRules.MaxTitleLength))
                {
                    errors.Add(new SeedError(file, $"front matter '{name}'", $"is longer than {ContentRules.MaxTitleLength} characters"));
                }
            }

            foreach (var article in law.Articles.Where(a => a.Text.Length > ContentRules.MaxArticleTextLength))
            {
                errors.Add(new SeedError(file, $"article '{article.Label}'", $"is longer than {ContentRules.MaxArticleTextLength} characters"));
            }
        }
    }

    private static void ValidateAuthorities(ContentBundle b, List<SeedError> errors)
    {
        foreach (var dup in b.Authorities.GroupBy(a => a.Id.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new SeedError(A, $"authority '{dup.Key}'", "the id appears more than once"));
        }

        // The same rules the admin editor and the import apply (ContentRules).
        foreach (var a in b.Authorities)
        {
            var at = $"authority '{a.Id}'";
            if (!ContentRules.IsValidId(a.Id.Value))
            {
                errors.Add(new SeedError(A, at, $"the id must be lower-case letters, digits and hyphens, at most {ContentRules.MaxIdLength} characters"));
            }

            if (a.Website is not null && !ContentRules.IsValidWebsite(a.Website))
            {
                errors.Add(new SeedError(A, at, $"website '{a.Website}' must be a host name with an optional path, without http:// or spaces"));
            }

            foreach (var (name, value) in new[] { ("name", a.Name), ("hotline", a.Hotline), ("website", a.Website), ("handles", a.Handles), ("howTo", a.HowTo), ("statusNote", a.StatusNote) })
            {
                if (!ContentRules.IsOptionalText(value, ContentRules.MaxAuthorityFieldLength))
                {
                    errors.Add(new SeedError(A, at, $"'{name}' is longer than {ContentRules.MaxAuthorityFieldLength} characters"));
                }
            }
        }
    }

    private static void ValidateQuestionnaire(ContentBundle b, List<SeedError> errors)
    {
        var q = b.Questionnaire;
        foreach (var dup in q.Questions.GroupBy(x => x.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new SeedError(Q, $"question '{dup.Key}'", "the id appears more than once"));
        }

        var placed = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < q.Steps.Count; s++)
        {
            var step = q.Steps[s];
            if (step.QuestionIds.Count == 0)
            {
                errors.Add(new SeedError(Q, $"step '{step.Id}'", "asks no question"));
            }

            foreach (var id in step.QuestionIds)
            {
                var question = q.Find(id);
                if (question is null)
                {
                    errors.Add(new SeedError(Q, $"step '{step.Id}'", $"names unknown question '{id}'"));
                }
                else if (question.LetterOnly)
                {
                    errors.Add(new SeedError(Q, $"step '{step.Id}'", $"question '{id}' is letter-only and must not be part of a step"));
                }
                else if (question.Hidden)
                {
                    errors.Add(new SeedError(Q, $"step '{step.Id}'", $"question '{id}' is hidden (set by a prefilled start) and must not be part of a step"));
                }
                else if (!placed.Add(id))
                {
                    errors.Add(new SeedError(Q, $"step '{step.Id}'", $"question '{id}' is already asked by an earlier step"));
                }
            }
        }

        foreach (var question in q.Questions)
        {
            var at = $"question '{question.Id}'";
            if (!question.LetterOnly && !question.Hidden && !placed.Contains(question.Id))
            {
                errors.Add(new SeedError(Q, at, "is not asked by any step"));
            }

            if (question.Hidden && (question.Required || question.LetterOnly || question.ShowIf is not null))
            {
                errors.Add(new SeedError(Q, at, "a hidden question must be optional, not letter-only and without showIf"));
            }

            if (question.Type is QuestionType.SingleChoice or QuestionType.MultiChoice)
            {
                if (question.Options.Count == 0)
                {
                    errors.Add(new SeedError(Q, at, "has no options"));
                }

                foreach (var dup in question.Options.GroupBy(o => o.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
                {
                    errors.Add(new SeedError(Q, at, $"option '{dup.Key}' appears more than once"));
                }

                if (question.Type == QuestionType.SingleChoice && question.Options.Any(o => o.Exclusive))
                {
                    errors.Add(new SeedError(Q, at, "only multi questions can have exclusive options"));
                }
            }
            else if (question.Options.Count > 0)
            {
                errors.Add(new SeedError(Q, at, $"a {question.Type.ToSeedName()} question cannot have options"));
            }

            if (question.Type == QuestionType.Number && question.Min > question.Max)
            {
                errors.Add(new SeedError(Q, at, "min is greater than max"));
            }

            if (question.Type == QuestionType.Text && question.MaxLength is null or < 1)
            {
                errors.Add(new SeedError(Q, at, "a text question needs a positive maxLength"));
            }

            if (question.ShowIf is not null)
            {
                if (question.LetterOnly)
                {
                    errors.Add(new SeedError(Q, at, "letter-only questions cannot have showIf"));
                }

                var ctx = new ConditionContext(Q, $"{at} showIf", b, Facts: null, Paths: null, errors);
                ctx.Check(question.ShowIf);
                foreach (var used in QuestionsIn(question.ShowIf))
                {
                    var usedStep = q.StepIndexOf(used);
                    var ownStep = q.StepIndexOf(question.Id);
                    var usedQuestion = q.Find(used);
                    var ownQuestion = question;
                    if (usedQuestion is not null && usedStep >= 0 && ownStep >= 0 && (usedStep > ownStep || (usedStep == ownStep && q.Steps[ownStep].QuestionIds.ToList().IndexOf(used) > q.Steps[ownStep].QuestionIds.ToList().IndexOf(ownQuestion.Id))))
                    {
                        errors.Add(new SeedError(Q, $"{at} showIf", $"depends on '{used}', which is asked later; a question may only depend on earlier ones"));
                    }
                }
            }
        }
    }

    private static void ValidateRules(ContentBundle b, List<SeedError> errors)
    {
        var rules = b.Rules;
        var knownFacts = new HashSet<string>(StringComparer.Ordinal);
        var allFacts = rules.Facts.Select(f => f.Id).Concat(rules.FlagSources().Select(f => f.Id)).ToHashSet(StringComparer.Ordinal);
        var paths = rules.Paths.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var fact in rules.Facts)
        {
            var at = $"facts (id '{fact.Id}')";
            if (!knownFacts.Add(fact.Id))
            {
                errors.Add(new SeedError(R, at, "the id appears more than once"));
            }

            // A fact may only use the facts declared before it, so facts never depend on each other in a cycle.
            new ConditionContext(R, $"{at} when", b, knownFacts.Where(f => f != fact.Id).ToHashSet(StringComparer.Ordinal), Paths: null, errors).Check(fact.When);
            CheckCites(b, R, at, fact.Cites, errors);
        }

        var ct = rules.CriminalThreshold;
        CheckQuestion(b, "criminalThreshold.dataQuestion", ct.DataQuestion, QuestionType.MultiChoice, errors);
        CheckQuestion(b, "criminalThreshold.scaleQuestion", ct.ScaleQuestion, QuestionType.SingleChoice, errors);
        var dataQuestion = b.Questionnaire.Find(ct.DataQuestion);
        foreach (var tier in ct.Tiers)
        {
            if (tier.Threshold <= 0)
            {
                errors.Add(new SeedError(R, "criminalThreshold.tiers", "every threshold must be positive"));
            }

            foreach (var type in tier.DataTypes.Where(t => dataQuestion?.FindOption(t) is null))
            {
                errors.Add(new SeedError(R, "criminalThreshold.tiers", $"'{type}' is not an option of '{ct.DataQuestion}'"));
            }
        }

        var scaleQuestion = b.Questionnaire.Find(ct.ScaleQuestion);
        foreach (var option in ct.ScaleRanges.Keys.Where(o => scaleQuestion?.FindOption(o) is null))
        {
            errors.Add(new SeedError(R, $"criminalThreshold.scaleRanges.{option}", $"'{option}' is not an option of '{ct.ScaleQuestion}'"));
        }

        if (ct.ReducedWhen is not null)
        {
            new ConditionContext(R, "criminalThreshold.reducedWhen", b, knownFacts, Paths: null, errors).Check(ct.ReducedWhen);
        }

        if (ct.ReducedFactor is <= 0 or > 1)
        {
            errors.Add(new SeedError(R, "criminalThreshold.reducedFactor", "must be greater than 0 and at most 1"));
        }

        CheckCites(b, R, "criminalThreshold", ct.Cites, errors);
        if (rules.FindDeadline(rules.Limitation.Deadline) is not { Due: { } limitationDue })
        {
            errors.Add(new SeedError(R, "limitation.deadline", $"'{rules.Limitation.Deadline}' must be a deadline of 'deadlines' with a 'due' clock"));
        }
        else if (rules.FindEvent(limitationDue.From) is not { Source: EventSource.Answer })
        {
            errors.Add(new SeedError(R, "limitation.deadline", $"deadline '{rules.Limitation.Deadline}' must count from an event given by an answer"));
        }

        if (rules.Limitation.EarliestDeadline is { } earliest
            && (rules.FindDeadline(earliest) is not { Due: { } earliestDue } || rules.FindEvent(earliestDue.From) is not { Source: EventSource.Answer }))
        {
            errors.Add(new SeedError(R, "limitation.earliestDeadline", $"'{earliest}' must be a deadline of 'deadlines' with a 'due' clock counting from an event given by an answer"));
        }

        CheckCites(b, R, "limitation", rules.Limitation.Cites, errors);

        foreach (var dup in rules.Urgent.Select(u => u.Key).Concat(rules.Paths.SelectMany(p => p.Steps).Select(s => s.Key)).GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new SeedError(R, $"key '{dup.Key}'", "is used by more than one urgent action or step"));
        }

        foreach (var u in rules.Urgent)
        {
            var at = $"urgent (key '{u.Key}')";
            new ConditionContext(R, $"{at} when", b, allFacts, paths, errors).Check(u.When);
            CheckAuthorities(b, at, u.Authorities, errors);
            CheckCites(b, R, at, u.Cites, errors);
        }

        if (rules.Paths.Count != 3)
        {
            errors.Add(new SeedError(R, "paths", "there must be exactly three remedy paths"));
        }

        foreach (var dup in rules.Paths.GroupBy(p => p.Priority).Where(g => g.Count() > 1))
        {
            errors.Add(new SeedError(R, "paths", $"priority {dup.Key} is used by more than one path"));
        }

        foreach (var path in rules.Paths)
        {
            var at = $"paths (id '{path.Id}')";
            if (path.RecommendedWhen is not null)
            {
                // A path's recommendation may not depend on whether it is itself recommended.
                new ConditionContext(R, $"{at} recommendedWhen", b, allFacts, paths.Where(p => p != path.Id).ToHashSet(StringComparer.Ordinal), errors).Check(path.RecommendedWhen);
            }

            if (path.LeadWhen is not null)
            {
                new ConditionContext(R, $"{at} leadWhen", b, allFacts, paths, errors).Check(path.LeadWhen);
            }

            foreach (var step in path.Steps)
            {
                var sat = $"{at} step '{step.Key}'";
                if (step.When is not null)
                {
                    new ConditionContext(R, $"{sat} when", b, allFacts, paths, errors).Check(step.When);
                }

                CheckCites(b, R, sat, step.Cites, errors);
                CheckAuthorities(b, sat, step.Authorities, errors);
                foreach (var add in step.Additions)
                {
                    new ConditionContext(R, $"{sat} addition '{add.TextKey}'", b, allFacts, paths, errors) { AllowDayWindows = true }.Check(add.When);
                    CheckCites(b, R, $"{sat} addition '{add.TextKey}'", add.Cites, errors);
                }
            }

            foreach (var ar in path.Authorities)
            {
                if (ar.When is not null)
                {
                    new ConditionContext(R, $"{at} authorities", b, allFacts, paths, errors).Check(ar.When);
                }

                CheckAuthorities(b, $"{at} authorities", ar.Authorities, errors);
            }
        }

        foreach (var e in rules.Evidence)
        {
            var at = $"evidence (key '{e.Key}')";
            if (e.When is not null)
            {
                new ConditionContext(R, $"{at} when", b, allFacts, paths, errors).Check(e.When);
            }

            if (e.HaveWhen is not null)
            {
                new ConditionContext(R, $"{at} haveWhen", b, allFacts, paths, errors).Check(e.HaveWhen);
            }
        }

        foreach (var d in rules.Deadlines)
        {
            var at = $"deadlines (key '{d.Key}')";
            if (d.When is not null)
            {
                new ConditionContext(R, $"{at} when", b, allFacts, paths, errors).Check(d.When);
            }

            CheckCites(b, R, at, d.Cites, errors);
        }

        void CheckAuthorities(ContentBundle bundle, string at, IEnumerable<string> ids, List<SeedError> errs)
        {
            foreach (var id in ids.Where(id => bundle.Authorities.All(a => a.Id.Value != id)))
            {
                errs.Add(new SeedError(R, at, $"authority '{id}' is not in seeds/authorities.json"));
            }
        }
    }

    /// <summary>Events and deadline clocks: ids known, answers are month questions, steps exist, no event waits on itself.</summary>
    private static void ValidateDeadlines(ContentBundle b, List<SeedError> errors)
    {
        var rules = b.Rules;
        var steps = rules.Paths.SelectMany(p => p.Steps).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var dup in rules.Events.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new SeedError(R, $"events (id '{dup.Key}')", "the id appears more than once"));
        }

        foreach (var dup in rules.Deadlines.GroupBy(d => d.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new SeedError(R, $"deadlines (key '{dup.Key}')", "the key appears more than once"));
        }

        foreach (var e in rules.Events)
        {
            var at = $"events (id '{e.Id}')";
            if (e.Source == EventSource.Answer)
            {
                foreach (var q in e.Questions)
                {
                    CheckQuestion(b, at, q, QuestionType.Month, errors);
                }

                if (e.When is not null)
                {
                    new ConditionContext(R, $"{at} when", b, rules.Facts.Select(f => f.Id).ToHashSet(StringComparer.Ordinal), Paths: null, errors).Check(e.When);
                }
            }
            else if (e.Source == EventSource.AfterDeadline && rules.FindDeadline(e.AfterDeadline!) is not { Due: not null })
            {
                errors.Add(new SeedError(R, at, $"afterDeadline '{e.AfterDeadline}' must be a deadline with a 'due' clock"));
            }

            if (e.Recorded is not null)
            {
                new ConditionContext(R, $"{at} recorded", b, Facts: null, Paths: null, errors).Check(e.Recorded);
            }
        }

        foreach (var d in rules.Deadlines)
        {
            var at = $"deadlines (key '{d.Key}')";
            if (d.Step is not null && !steps.Contains(d.Step))
            {
                errors.Add(new SeedError(R, at, $"step '{d.Step}' is not a step of any path"));
            }

            if (d.Due is null)
            {
                continue;
            }

            if (rules.FindEvent(d.Due.From) is not { } from)
            {
                errors.Add(new SeedError(R, at, $"due.from '{d.Due.From}' is not an event of 'events'"));
                continue;
            }

            if (from.Source == EventSource.Answer && d.Due.Unit is not (ClockUnit.Months or ClockUnit.Years))
            {
                errors.Add(new SeedError(R, at, $"event '{from.Id}' is known only to the month: count from it in months or years"));
            }

            // Follow the chain deadline → its event → the deadline that event waits for …; it must end.
            var seen = new HashSet<string>(StringComparer.Ordinal) { d.Key };
            var current = rules.FindEvent(d.Due.From);
            while (current is { Source: EventSource.AfterDeadline } && rules.FindDeadline(current.AfterDeadline!) is { Due: { } next } waited)
            {
                if (!seen.Add(waited.Key))
                {
                    errors.Add(new SeedError(R, at, $"its clock waits on itself through event '{current.Id}'"));
                    break;
                }

                current = rules.FindEvent(next.From);
            }
        }
    }

    private static void CheckQuestion(ContentBundle b, string at, string id, QuestionType type, List<SeedError> errors)
    {
        var q = b.Questionnaire.Find(id);
        if (q is null)
        {
            errors.Add(new SeedError(R, at, $"question '{id}' is not in seeds/questionnaire.json"));
        }
        else if (q.Type != type)
        {
            errors.Add(new SeedError(R, at, $"question '{id}' must be a {type.ToSeedName()} question"));
        }
    }

    internal static void CheckCites(ContentBundle b, string file, string at, IEnumerable<string> cites, List<SeedError> errors)
    {
        foreach (var cite in cites)
        {
            if (!CitationRef.TryParse(cite, out var lawId, out var number))
            {
                errors.Add(new SeedError(file, at, $"citation '{cite}' must look like 'law-id#article'"));
                continue;
            }

            var law = b.Laws.FirstOrDefault(l => l.Id == lawId);
            if (law is null)
            {
                errors.Add(new SeedError(file, at, $"citation '{cite}': no law '{lawId}' in seeds/statutes/"));
            }
            else if (law.Status == LawStatus.Superseded)
            {
                errors.Add(new SeedError(file, at, $"citation '{cite}': '{lawId}' is superseded and must not be cited (cite '{law.SupersededBy}' instead)"));
            }
            else if (law.Articles.All(a => a.Number != number))
            {
                errors.Add(new SeedError(file, at, $"citation '{cite}': seeds/statutes/{lawId}.md has no article '{number}'"));
            }
        }
    }

    private static IEnumerable<string> QuestionsIn(Condition c) => c switch
    {
        QuestionCondition q => [q.Question],
        AllOfCondition all => all.Conditions.SelectMany(QuestionsIn),
        AnyOfCondition any => any.Conditions.SelectMany(QuestionsIn),
        NoneOfCondition none => none.Conditions.SelectMany(QuestionsIn),
        _ => [],
    };

    /// <summary>Checks one condition against the questionnaire and the facts and paths it may use (null: none allowed).</summary>
    private sealed record ConditionContext(string File, string At, ContentBundle Bundle, IReadOnlySet<string>? Facts, IReadOnlySet<string>? Paths, List<SeedError> Errors)
    {
        public void Check(Condition c)
        {
            switch (c)
            {
                case AllOfCondition all:
                    all.Conditions.ToList().ForEach(Check);
                    break;
                case AnyOfCondition any:
                    any.Conditions.ToList().ForEach(Check);
                    break;
                case NoneOfCondition none:
                    none.Conditions.ToList().ForEach(Check);
                    break;
                case FactCondition f when Facts is null || !Facts.Contains(f.Fact):
                    Errors.Add(new SeedError(File, At, Facts is null ? $"fact '{f.Fact}' cannot be used here" : $"unknown fact '{f.Fact}' (or one declared later)"));
                    break;
                case PathRecommendedCondition p when Paths is null || !Paths.Contains(p.Path):
                    Errors.Add(new SeedError(File, At, Paths is null ? $"path '{p.Path}' cannot be used here" : $"unknown path '{p.Path}', or a path's recommendation that depends on itself"));
                    break;
                case QuestionCondition q:
                    CheckQuestionCondition(q);
                    break;
                case ProgressCondition p:
                    CheckProgressCondition(p);
                    break;
            }
        }

        /// <summary>Whether the date windows of a progress condition are allowed here (only progress.json's answer rules).</summary>
        public bool AllowDayWindows { get; init; }

        private void CheckProgressCondition(ProgressCondition p)
        {
            if (File == Q)
            {
                Errors.Add(new SeedError(File, At, "a question's visibility cannot depend on the contact log"));
            }

            var steps = Bundle.Rules.Paths.SelectMany(x => x.Steps).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var step in p.Steps.Where(s => !steps.Contains(s)))
            {
                Errors.Add(new SeedError(File, At, $"progress: '{step}' is not a step of seeds/rules.json"));
            }

            foreach (var state in p.States.Where(s => !ProgressCondition.StepStates.Contains(s) && Bundle.Progress.Reply(s) is null))
            {
                Errors.Add(new SeedError(File, At, $"progress: '{state}' is not a state (done, waiting, overdue) or a reply of seeds/progress.json"));
            }

            if (!AllowDayWindows && (p.WithinDays is not null || p.AfterDays is not null))
            {
                Errors.Add(new SeedError(File, At, "progress: withinDays and afterDays are allowed only in seeds/progress.json's answer rules, letters and step additions"));
            }
        }

        private void CheckQuestionCondition(QuestionCondition q)
        {
            var question = Bundle.Questionnaire.Find(q.Question);
            if (question is null)
            {
                Errors.Add(new SeedError(File, At, $"unknown question '{q.Question}'"));
                return;
            }

            if (question.LetterOnly)
            {
                Errors.Add(new SeedError(File, At, $"question '{q.Question}' is letter-only and cannot be used in a rule"));
            }

            var fits = q.Operator switch
            {
                ConditionOperator.Eq or ConditionOperator.In => question.Type == QuestionType.SingleChoice,
                ConditionOperator.Any or ConditionOperator.All => question.Type == QuestionType.MultiChoice,
                ConditionOperator.Not => question.Type is QuestionType.SingleChoice or QuestionType.MultiChoice,
                ConditionOperator.Gte or ConditionOperator.Lte => question.Type == QuestionType.Number,
                ConditionOperator.Answered => true,
                _ => false,
            };
            if (!fits)
            {
                Errors.Add(new SeedError(File, At, $"operator '{q.Operator.ToSeedName()}' does not fit the {question.Type.ToSeedName()} question '{q.Question}'"));
            }

            foreach (var value in q.Values.Where(v => question.FindOption(v) is null))
            {
                Errors.Add(new SeedError(File, At, $"'{value}' is not an option of question '{q.Question}'"));
            }
        }
    }
}
