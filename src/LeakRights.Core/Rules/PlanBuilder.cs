using System.Globalization;
using LeakRights.Core.Answers;
using LeakRights.Core.Cases;
using LeakRights.Core.Content;
using LeakRights.Core.Incidents;

namespace LeakRights.Core.Rules;

/// <summary>
/// The rules service: evaluates the compiled rules of <c>seeds/rules.json</c> against an answer set and decides the whole
/// plan: steps and their due dates, the summary, the filled letters and the calendar. It holds no rule logic of its own
/// beyond the fixed meaning of the rule file's fields; renderers only format what it returns.
/// </summary>
public sealed class PlanBuilder(ContentBundle content, TimeProvider time)
{
    /// <summary>The one thing to do now and at most five next steps (urgent actions are never cut).</summary>
    public const int MaxFirstThings = 6;

    private static readonly IReadOnlyDictionary<string, string> NoLetterFields = new Dictionary<string, string>();

    // The replies each step can receive: content, fixed for this builder's bundle (issue 15: built per step per plan before).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<ProgressOption>> _replies = new(StringComparer.Ordinal);

    private RuleSet Rules => content.Rules;

    /// <summary>
    /// Builds the plan. <paramref name="letterFields"/> (the letter-only details: name, contact, address) fill the letters of this
    /// plan only; they are never kept.
    /// </summary>
    /// <remarks>
    /// <paramref name="incidents"/> are the published incidents: the <c>incident</c> answer counts only when it names one of
    /// them (else it is dropped, as if never given), and the plan then carries that <see cref="Incident"/> for its letters
    /// and pages.
    /// </remarks>
    public Plan Build(AnswerSet answers, IContentCatalog catalog, IReadOnlyDictionary<string, string>? letterFields = null, IReadOnlyList<ProgressEntry>? progress = null, IIncidentCatalog? incidents = null)
    {
        var rules = Rules;
        (answers, var incident) = IncidentAnswers.Resolve(answers, incidents);
        var now = time.GetUtcNow();
        var today = ChinaTime.Today(time);
        // The contact log updates "您已经做了什么" and dates the events it records; the rules then decide as for answers.
        var log = new ProgressLog(progress ?? [], rules, content.Progress, today);
        answers = log.Apply(answers);
        var facts = FactEvaluator.Evaluate(rules, answers, YearMonth.FromDate(today), log.Tokens);
        var collector = new Collector(catalog);
        var values = TemplateValues(answers, facts);

        var urgent = rules.Urgent
            .Where(u => ConditionEvaluator.Evaluate(u.When, answers, facts.Holding))
            .Select(u => new PlanUrgent(u.Key, u.Title.Render(values), u.Text.Render(values), collector.Authorities(u.Authorities), collector.Cites(u.Cites)))
            .ToList();

        var recommended = new HashSet<string>(StringComparer.Ordinal);
        var pathResults = new List<(PathRule Rule, bool Recommended, List<(StepRule Rule, PlanStep Step)> Steps, List<AuthorityId> Authorities)>();
        foreach (var path in rules.Paths.OrderBy(p => p.Priority))
        {
            bool isRecommended;
            if (path.RecommendedWhen is not null)
            {
                isRecommended = ConditionEvaluator.Evaluate(path.RecommendedWhen, answers, facts.Holding, recommended);
            }
            else
            {
                // Without an explicit condition a path is recommended when any of its steps applies.
                isRecommended = path.Steps.Any(s => s.When is null || ConditionEvaluator.Evaluate(s.When, answers, facts.Holding, recommended));
            }

            if (isRecommended)
            {
                recommended.Add(path.Id);
            }

            var steps = new List<(StepRule, PlanStep)>();
            var authorityIds = new List<string>();
            if (isRecommended)
            {
                foreach (var ar in path.Authorities.Where(a => a.When is null || ConditionEvaluator.Evaluate(a.When, answers, facts.Holding, recommended)))
                {
                    authorityIds.AddRange(ar.Authorities);
                }

                foreach (var step in path.Steps.Where(s => s.When is null || ConditionEvaluator.Evaluate(s.When, answers, facts.Holding, recommended)))
                {
                    var additions = step.Additions.Where(a => ConditionEvaluator.Evaluate(a.When, answers, facts.Holding, recommended, log)).ToList();
                    var text = string.Join("\n\n", additions.Select(a => a.Text.Render(values)).Prepend(step.Text.Render(values)));
                    var cites = step.Cites.Concat(additions.SelectMany(a => a.Cites)).Distinct(StringComparer.Ordinal).ToList();
                    steps.Add((step, new PlanStep(step.Key, step.Title.Render(values), text, collector.Cites(cites))));
                    authorityIds.AddRange(step.Authorities);
                }
            }

            pathResults.Add((path, isRecommended, steps, collector.Authorities(authorityIds)));
        }

        var evidence = rules.Evidence
            .Where(e => e.When is null || ConditionEvaluator.Evaluate(e.When, answers, facts.Holding, recommended))
            .Select(e => new PlanEvidenceItem(e.Key, e.Text.Render(values), e.HaveWhen is not null && ConditionEvaluator.Evaluate(e.HaveWhen, answers, facts.Holding, recommended)))
            .ToList();

        var deadlines = new Deadlines(rules, answers, facts, today, values, log, d => d.When is null || ConditionEvaluator.Evaluate(d.When, answers, facts.Holding, recommended))
            .InPlan()
            .Select(x => new PlanDeadline(x.Rule.Key, x.Due, x.Rule.Title.Render(values), x.Rule.Text.Render(values), collector.Cites(x.Rule.Cites), x.Rule.Step)
            {
                NoDate = x.Due is null && x.Rule.NoDateText.Source.Length > 0 ? x.Rule.NoDateText.Render(values) : null,
                Overdue = x.Due is { Basis: DueBasis.Recorded } due && due.Date < today && x.Rule.Step is { } step && log.IsOverdue(step),
                Settled = x.Rule.Step is { } settledStep && log.FirstDone(settledStep) is { } done && log.HasReplySince(settledStep, done.On),
            })
            .ToList();

        // The contact log as people read it, and where each step stands in it.
        // Rendered only for the steps the log names (most plans have no log at all).
        var stepTitles = new Dictionary<string, string>(StringComparer.Ordinal);
        string StepTitle(string key)
        {
            if (!stepTitles.TryGetValue(key, out var title))
            {
                title = rules.Paths.SelectMany(p => p.Steps).FirstOrDefault(s => s.Key == key)?.Title.Render(values) ?? content.Progress.UnknownStep;
                stepTitles[key] = title;
            }

            return title;
        }

        PlanLogEntry LogEntry(ProgressEntry e) => new(
            e,
            StepTitle(e.Step),
            content.Progress.Channel(e.Channel)?.Label,
            e.Reply is null ? null : content.Progress.RepliesFor(e.Step).FirstOrDefault(r => r.Id == e.Reply)?.Label ?? content.Progress.Reply(e.Reply)?.Label);
        var planLog = log.Entries.Select(LogEntry).ToList();
        StepProgress progressOf(string step)
        {
            var replies = _replies.GetOrAdd(step, content.Progress.RepliesFor);
            var own = content.Progress.Step(step);
            var done = log.FirstDone(step);
            var reply = log.LatestReply(step);
            var state = done is null && reply is null ? StepState.Open
                : reply is not null && (done is null || reply.On >= done.On) ? StepState.Replied
                : log.IsOverdue(step) ? StepState.Overdue
                : StepState.Waiting;
            return new StepProgress(state, done is null ? null : LogEntry(done), reply is null ? null : LogEntry(reply), replies)
            {
                DoneLabel = own?.DoneLabel,
                ReferenceLabel = own?.ReferenceLabel,
            };
        }

        // What matters for this case first: recommended paths that lead (danger, money), then the other recommended paths,
        // then those not recommended, each group by the paths' fixed priority.
        var paths = pathResults
            .OrderBy(p => !p.Recommended ? 2 : p.Rule.LeadWhen is { } lead && ConditionEvaluator.Evaluate(lead, answers, facts.Holding, recommended) ? 0 : 1)
            .ThenBy(p => p.Rule.Priority)
            .Select(p => new PlanPath(
                p.Rule.Id,
                p.Rule.Title.Render(values),
                p.Recommended,
                p.Rule.Priority,
                (p.Recommended ? p.Rule.WhyRecommended : p.Rule.WhyNotRecommended).Render(values),
                p.Steps.Select(s => s.Step with { Deadline = deadlines.FirstOrDefault(d => d.Step == s.Step.Key), Progress = progressOf(s.Step.Key) }).ToList(),
                p.Authorities))
            .ToList();

        var flags = rules.Flags
            .Where(f => facts.Has(f.Id))
            .Select(f => new PlanFlag(f.Id, f.Label.Render(values), f.Explain.Render(values), collector.Cites(f.Cites)))
            .ToList();

        // Explain each legal word once, where the plan (in its order) first uses it.
        var explained = new HashSet<string>(StringComparer.Ordinal);
        paths = paths.Select(p => p with
        {
            Steps = p.Steps.Select(s => s with
            {
                Terms = Terms(rules.Glossary, s, explained),
            }).ToList(),
        }).ToList();

        // The to-do list: every urgent action, then the first step of each recommended path in the plan's order, then
        // their next steps in that order, up to MaxFirstThings in all (the page shows the first as "the one thing to do
        // now" and the rest as "接下来按顺序做").
        var recommendedSteps = paths.Where(p => p.Recommended).Select(p => p.Steps.Where(s => s.Progress.Done is null).ToList()).ToList();
        var orderedSteps = recommendedSteps.Where(s => s.Count > 0).Select(s => s[0])
            .Concat(recommendedSteps.SelectMany(s => s.Skip(1)));
        // A step already done is not something to do (its follow-up, if any, is a step of its own).
        var firstThings = urgent.Select(u => new PlanTodo(u.Title, $"urgent-{u.Key}", null))
            .Concat(orderedSteps.DistinctBy(s => s.Key, StringComparer.Ordinal).Select(s => new PlanTodo(s.Title, $"step-{s.Key}", s.Deadline?.Due)))
            .Take(Math.Max(MaxFirstThings, urgent.Count))
            .ToList();

        var calendar = deadlines
            .Where(d => d.Due is not null && !d.Settled)
            .Select(d => new PlanCalendarEvent(
                string.Create(CultureInfo.InvariantCulture, $"{d.Key}-{d.Due!.Date:yyyyMMdd}@leakrights"),
                d.Due.Date,
                d.Title,
                d.Text,
                rules.FindDeadline(d.Key)!.RemindDaysBefore)
            {
                Step = d.Step,
                Overdue = d.Overdue,
            })
            .OrderBy(e => e.Date)
            .ThenBy(e => e.Uid, StringComparer.Ordinal)
            .ToList();

        // In the order the person answered them: the steps' order, not the order questions were added to the file.
        var situation = content.Questionnaire.Steps.SelectMany(s => s.QuestionIds)
            .Select(content.Questionnaire.Get)
            .Where(q => !q.LetterOnly && answers.Has(q.Id))
            .Select(q => new PlanSituationItem(q.Id, q.Label, AnswerDisplay.Format(q, answers.Get(q.Id)!)))
            .ToList();

        bool Holds(Condition c) => ConditionEvaluator.Evaluate(c, answers, facts.Holding, recommended, log);
        var letters = new LetterFiller(content, answers, letterFields ?? NoLetterFields, today, paths, collector, Holds, log, deadlines, incident).Fill();

        DateOnly? asOf = collector.Citations.Count == 0 ? null : collector.Citations.Max(c => c.AsOf);
        return new Plan(now, today, answers, situation, firstThings, urgent, paths, collector.AuthorityList, collector.Citations, evidence, deadlines, flags, letters, calendar, facts, asOf)
        {
            Log = planLog,
            Incident = incident,
        };
    }

    /// <summary>The glossary terms a step's title or text uses that no earlier step explained.</summary>
    private static List<GlossaryTerm> Terms(IReadOnlyList<GlossaryTerm> glossary, PlanStep step, HashSet<string> explained)
    {
        var terms = new List<GlossaryTerm>();
        foreach (var g in glossary)
        {
            if ((step.Title.Contains(g.Term, StringComparison.Ordinal) || step.Text.Contains(g.Term, StringComparison.Ordinal)) && explained.Add(g.Term))
            {
                terms.Add(g);
            }
        }

        return terms;
    }

    private Dictionary<string, string> TemplateValues(AnswerSet answers, DerivedFacts facts) => new(StringComparer.Ordinal)
    {
        ["organisation"] = answers.Text("organisation-name") ?? Rules.Common.OrganisationDefault,
        ["limitation-date"] = facts.LimitationDate is { } d ? ChineseDates.Format(d) : string.Empty,
        ["loss-amount"] = answers.Number("loss-amount")?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>
    /// Computes the due date of every deadline in the plan from its clock and start event. An event the person is about to
    /// cause is counted from today, or from the end of the deadline it waits for when that deadline is in the plan.
    /// </summary>
    private sealed class Deadlines(RuleSet rules, AnswerSet answers, DerivedFacts facts, DateOnly today, IReadOnlyDictionary<string, string> values, ProgressLog log, Func<DeadlineRule, bool> applies)
    {
        private readonly Dictionary<string, PlanDue?> _due = new(StringComparer.Ordinal);

        public IEnumerable<(DeadlineRule Rule, PlanDue? Due)> InPlan()
        {
            foreach (var rule in rules.Deadlines.Where(applies))
            {
                var due = Due(rule);
                if (due is null && rule.OmitWithoutDate)
                {
                    continue;
                }

                yield return (rule, due);
            }
        }

        private PlanDue? Due(DeadlineRule rule)
        {
            if (_due.TryGetValue(rule.Key, out var known))
            {
                return known;
            }

            PlanDue? due = null;
            if (rule.Due is { } clock && rules.FindEvent(clock.From) is { } ev)
            {
                if (ev.Recorded is { } recorded && log.EventDate(recorded) is { } on)
                {
                    // The person recorded when it happened: the clock runs from that day, past or not.
                    var said = ev.RecordedText.Render(new Dictionary<string, string>(values, StringComparer.Ordinal) { ["recorded-date"] = ChineseDates.Format(on) });
                    due = FromDay(rule, clock, on, DueBasis.Recorded, said, false);
                }
                else
                {
                    due = ev.Source switch
                    {
                        EventSource.Answer => FromMonth(rule, clock, ev),
                        EventSource.Today => FromDay(rule, clock, today, DueBasis.IfStartedToday, ev.Assumed.Render(values), false),
                        EventSource.Recorded => null,
                        // Waiting for a deadline that has already passed means acting now.
                        _ => rules.FindDeadline(ev.AfterDeadline!) is { } waited && applies(waited) && Due(waited) is { Precision: DatePrecision.Day } after && after.Date >= today
                            ? FromDay(rule, clock, after.Date, DueBasis.AfterDeadline, ev.Assumed.Render(values), after.Estimated)
                            : FromDay(rule, clock, today, DueBasis.IfStartedToday, ev.AssumedToday.Render(values), false),
                    };
                }
            }

            _due[rule.Key] = due;
            return due;
        }

        private PlanDue? FromMonth(DeadlineRule rule, DueRule clock, EventRule ev)
        {
            if (DeadlineClock.AnsweredMonth(ev, answers, facts.Holding) is not { } start)
            {
                return null;
            }

            var end = DeadlineClock.Add(start, clock);
            var display = ChineseDates.Format(end);
            return new PlanDue(new DateOnly(end.Year, end.Month, 1), DatePrecision.Month, DueBasis.Answer, ev.Id, false, display, DueLine(rule, display, string.Empty), null);
        }

        private PlanDue FromDay(DeadlineRule rule, DueRule clock, DateOnly start, DueBasis basis, string assumption, bool startEstimated)
        {
            var end = DeadlineClock.Add(start, clock, rules.Holidays, out var estimated);
            estimated |= startEstimated;
            var display = ChineseDates.Format(end);
            var note = estimated
                ? rules.Common.EstimatedNote.Render(new Dictionary<string, string> { ["year"] = FirstUncoveredYear(start, end).ToString(CultureInfo.InvariantCulture) })
                : null;
            return new PlanDue(end, DatePrecision.Day, basis, clock.From, estimated, display, DueLine(rule, display, assumption) + (note ?? string.Empty), note);
        }

        private int FirstUncoveredYear(DateOnly start, DateOnly end)
        {
            for (var y = start.Year; y <= end.Year; y++)
            {
                if (!rules.Holidays.Covers(y))
                {
                    return y;
                }
            }

            return end.Year;
        }

        private string DueLine(DeadlineRule rule, string display, string assumption)
        {
            var v = new Dictionary<string, string>(values, StringComparer.Ordinal) { ["due-date"] = display, ["assumption"] = assumption };
            return rule.DueText.Render(v);
        }
    }

    /// <summary>Fills the letters whose step is in the plan from their bindings; a value the person did not give is a blank.</summary>
    private sealed class LetterFiller(ContentBundle content, AnswerSet answers, IReadOnlyDictionary<string, string> letterFields, DateOnly today, IReadOnlyList<PlanPath> paths, Collector collector, Func<Condition, bool> holds, ProgressLog log, IReadOnlyList<PlanDeadline> deadlines, Incident? incident)
    {
        private LetterSet Set => content.Letters;

        public List<PlanLetter> Fill()
        {
            var steps = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in paths)
            {
                foreach (var s in p.Steps)
                {
                    steps.Add(s.Key);
                }
            }

            var letters = new List<PlanLetter>();
            foreach (var l in Set.Letters)
            {
                if (!steps.Contains(l.ForStep) || (l.When is not null && !holds(l.When)))
                {
                    continue;
                }

                var paragraphs = new List<TextTemplate>(l.Paragraphs.Count);
                foreach (var p in l.Paragraphs)
                {
                    if (p.When is null || holds(p.When))
                    {
                        paragraphs.Add(p.Text);
                    }
                }

                // The placeholders in the order printed: title, paragraphs, closing, signature.
                var used = new List<string>();
                AddPlaceholders(used, [l.Title]);
                AddPlaceholders(used, paragraphs);
                AddPlaceholders(used, l.Closing);
                AddPlaceholders(used, l.Signature);
                var cited = new List<CitationRef>();
                var values = Values(l, used, cited);
                var lines = new List<LetterLine>(paragraphs.Count);
                foreach (var p in paragraphs)
                {
                    // A paragraph made only of values left out (e.g. the evidence line when the person has none) is not printed.
                    var line = Line(p, values);
                    if (line.Segments.Any(s => s.Blank || s.Text.Trim().Length > 0))
                    {
                        lines.Add(line);
                    }
                }

                letters.Add(new PlanLetter(l.Id, l.ForStep, Line(l.Title, values), lines, Lines(l.Closing, values), Lines(l.Signature, values)) { Citations = [.. cited.Distinct()] });
            }

            return letters;
        }

        private static void AddPlaceholders(List<string> used, IReadOnlyList<TextTemplate> templates)
        {
            foreach (var template in templates)
            {
                foreach (var name in template.Placeholders)
                {
                    if (!used.Contains(name))
                    {
                        used.Add(name);
                    }
                }
            }
        }

        private LetterLine[] Lines(IReadOnlyList<TextTemplate> templates, Dictionary<string, string> values)
        {
            var lines = new LetterLine[templates.Count];
            for (var i = 0; i < lines.Length; i++)
            {
                lines[i] = Line(templates[i], values);
            }

            return lines;
        }

        /// <summary>A template's parts as printed: its own text, the person's values, and the blank for a value not given.</summary>
        private LetterLine Line(TextTemplate template, Dictionary<string, string> values)
        {
            var parts = template.Parts;
            var segments = new LetterSegment[parts.Count];
            for (var i = 0; i < segments.Length; i++)
            {
                var (text, isPlaceholder) = parts[i];
                segments[i] = !isPlaceholder ? new LetterSegment(text, false)
                    : values.TryGetValue(text, out var v) ? new LetterSegment(v, false)
                    : new LetterSegment(Set.Blank, true);
            }

            return new LetterLine(segments);
        }

        /// <summary>The value of each placeholder the letter prints, in the order printed; a placeholder without a value prints the blank, or nothing when its binding omits it.</summary>
        private Dictionary<string, string> Values(LetterTemplate letter, List<string> used, List<CitationRef> cited)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in used)
            {
                if (Set.Bindings.GetValueOrDefault(name) is not { } b)
                {
                    continue;
                }

                var value = b.PlanValue is { } planValue ? PlanValue(planValue, letter, b.Labels)
                    : b.Cites.Count > 0 ? CitationList(Cite(b.Cites, cited))
                    : b.Progress is { } progress ? Progress(progress, b.Labels)
                    : b.Incident is { } field ? (incident is null ? string.Empty : IncidentLetterValues.Value(incident, field, b.Labels))
                    : Answer(b);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    values[b.Placeholder] = b.Wrap is null ? value : b.Wrap.Render(new Dictionary<string, string> { ["value"] = value });
                }
                else if (b.OmitWhenMissing)
                {
                    values[b.Placeholder] = string.Empty;
                }
            }

            return values;
        }

        private string Answer(LetterBinding binding)
        {
            var question = content.Questionnaire.Get(binding.Question!);
            if (question.LetterOnly)
            {
                return letterFields.GetValueOrDefault(question.Id) ?? string.Empty;
            }

            var value = answers.Get(question.Id);
            return (value, binding.Labels) switch
            {
                (null, _) => string.Empty,
                (ChoiceAnswer c, { } labels) => labels.GetValueOrDefault(c.OptionId) ?? string.Empty,
                (ChoicesAnswer m, { } labels) => string.Join("、", m.OptionIds.Select(o => labels.GetValueOrDefault(o)).Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.Ordinal)),
                _ => AnswerDisplay.Format(question, value),
            };
        }

        private string PlanValue(LetterPlanValue value, LetterTemplate letter, IReadOnlyDictionary<string, string>? labels) => value switch
        {
            LetterPlanValue.Date => ChineseDates.Format(today),
            LetterPlanValue.FirstAuthority => paths.Where(p => p.Steps.Any(s => s.Key == letter.ForStep)).SelectMany(p => p.Authorities)
                .Select(id => labels?.GetValueOrDefault(id.Value) ?? collector.AuthorityList.First(a => a.Id == id).Name).FirstOrDefault() ?? string.Empty,
            _ => string.Empty,
        };

        /// <summary>A value of the contact log; empty (a blank, or nothing) when the log does not show it.</summary>
        private string Progress(LetterProgressValue value, IReadOnlyDictionary<string, string>? labels)
        {
            var done = log.FirstDone(value.Steps);
            var reply = log.LatestReply(value.Steps, value.Replies);
            return value.Field switch
            {
                LetterProgressField.DoneOn => done is null ? string.Empty : ChineseDates.Format(done.On),
                LetterProgressField.Channel => done?.Channel is not { } channel ? string.Empty : labels?.GetValueOrDefault(channel) ?? content.Progress.Channel(channel)?.Label ?? string.Empty,
                // The number recorded with doing a step (a reply's own number, e.g. a notice's 文号, is not this).
                LetterProgressField.Reference => log.Entries.FirstOrDefault(e => e.Kind == ProgressKind.Done && e.Reference is not null && value.Steps.Contains(e.Step, StringComparer.Ordinal))?.Reference ?? string.Empty,
                LetterProgressField.ReplyOn => reply is null ? string.Empty : ChineseDates.Format(reply.On),
                LetterProgressField.Reply => reply?.Reply is { } r ? labels?.GetValueOrDefault(r) ?? content.Progress.Reply(r)?.Label ?? string.Empty
                    : done is null ? string.Empty
                    : labels?.GetValueOrDefault(log.IsOverdue(done.Step) ? "overdue" : "waiting") ?? string.Empty,
                LetterProgressField.Due => done is null ? string.Empty
                    : deadlines.FirstOrDefault(d => d.Step == done.Step && d.Due is { Basis: DueBasis.Recorded })?.Due?.Display ?? string.Empty,
                _ => string.Empty,
            };
        }

        private List<CitationRef> Cite(IReadOnlyList<string> refs, List<CitationRef> cited)
        {
            var list = collector.Cites(refs);
            cited.AddRange(list);
            return list;
        }

        /// <summary>《个人信息保护法》第四十五条、第四十七条、《民法典》第一千零三十七条: consecutive articles of one law share its title.</summary>
        private string CitationList(IEnumerable<CitationRef> refs)
        {
            var parts = new List<string>();
            string? previousLaw = null;
            foreach (var c in refs.Select(r => collector.Citations.First(c => c.Ref == r)))
            {
                parts.Add(c.Law == previousLaw ? c.Article : $"《{c.Law}》{c.Article}");
                previousLaw = c.Law;
            }

            return string.Join("、", parts);
        }
    }

    /// <summary>Collects authorities and citations once each, in order of first use.</summary>
    private sealed class Collector(IContentCatalog catalog)
    {
        // The rules' citation strings, parsed once (they come from seeds/, so the set is bounded).
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CitationRef> ParsedRefs = new(StringComparer.Ordinal);

        private readonly HashSet<AuthorityId> _authorities = new(32);
        private readonly HashSet<CitationRef> _citations = new(64);

        public List<Authority> AuthorityList { get; } = [];

        public List<PlanCitation> Citations { get; } = [];

        public List<AuthorityId> Authorities(IEnumerable<string> ids)
        {
            var result = new List<AuthorityId>();
            foreach (var i in ids)
            {
                var id = new AuthorityId(i);
                if (result.Contains(id))
                {
                    continue;
                }

                if (!_authorities.Contains(id))
                {
                    var a = catalog.FindAuthority(id);
                    if (a is null)
                    {
                        throw new MissingContentException($"The rules name authority '{id}', which is not in the content.");
                    }

                    _authorities.Add(id);
                    AuthorityList.Add(a);
                }

                result.Add(id);
            }

            return result;
        }

        public List<CitationRef> Cites(IEnumerable<string> refs)
        {
            var result = new List<CitationRef>();
            foreach (var r in refs)
            {
                var reference = ParsedRefs.GetOrAdd(r, CitationRef.Parse);
                if (result.Contains(reference))
                {
                    continue; // a handful per call: a list scan beats a set
                }

                if (!_citations.Contains(reference))
                {
                    if (!catalog.TryFindArticle(reference, out var law, out var a))
                    {
                        throw new MissingContentException($"The rules cite {reference}, which is not in the content.");
                    }

                    _citations.Add(reference);
                    Citations.Add(new PlanCitation(reference, law.Title, a.Label, a.Text, a.Revision, a.Effective, a.TextAsOf));
                }

                result.Add(reference);
            }

            return result;
        }
    }
}
