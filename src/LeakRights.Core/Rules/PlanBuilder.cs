using System.Globalization;
using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Rules;

/// <summary>
/// The rules service: evaluates the declarative rules of <c>seeds/rules.json</c> against an answer set and builds the plan.
/// It holds no rule logic of its own beyond the fixed meaning of the rule file's fields.
/// </summary>
public sealed class PlanBuilder(RuleSet rules, TextCatalog texts, TimeProvider time)
{
    public Plan Build(AnswerSet answers, IContentCatalog catalog)
    {
        var now = time.GetUtcNow();
        var currentMonth = ChinaTime.CurrentMonth(time);
        var facts = FactEvaluator.Evaluate(rules, answers, currentMonth);
        var collector = new Collector(catalog);
        var values = TemplateValues(answers, facts);

        var urgent = rules.Urgent
            .Where(u => ConditionEvaluator.Evaluate(u.When, answers, facts.Holding))
            .Select(u => new PlanUrgent(
                u.Key,
                texts.Format($"urgent.{u.Key}.title", values),
                texts.Format($"urgent.{u.Key}.text", values),
                collector.Authorities(u.Authorities),
                collector.Cites(u.Cites)))
            .ToList();

        var recommended = new HashSet<string>(StringComparer.Ordinal);
        var paths = new List<PlanPath>();
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

            var steps = new List<PlanStep>();
            var authorityIds = new List<string>();
            if (isRecommended)
            {
                foreach (var ar in path.Authorities.Where(a => a.When is null || ConditionEvaluator.Evaluate(a.When, answers, facts.Holding, recommended)))
                {
                    authorityIds.AddRange(ar.Authorities);
                }

                foreach (var step in path.Steps.Where(s => s.When is null || ConditionEvaluator.Evaluate(s.When, answers, facts.Holding, recommended)))
                {
                    var additions = step.Additions.Where(a => ConditionEvaluator.Evaluate(a.When, answers, facts.Holding, recommended)).ToList();
                    var text = string.Join("\n\n", additions.Select(a => texts.Format($"additions.{a.TextKey}", values)).Prepend(texts.Format($"steps.{step.Key}.text", values)));
                    var cites = step.Cites.Concat(additions.SelectMany(a => a.Cites)).Distinct(StringComparer.Ordinal).ToList();
                    steps.Add(new PlanStep(step.Key, texts.Format($"steps.{step.Key}.title", values), text, collector.Cites(cites)));
                    authorityIds.AddRange(step.Authorities);
                }
            }

            paths.Add(new PlanPath(
                path.Id,
                texts.Format($"paths.{path.Id}.title", values),
                isRecommended,
                path.Priority,
                texts.Format($"paths.{path.Id}.{(isRecommended ? "why-recommended" : "why-not-recommended")}", values),
                steps,
                collector.Authorities(authorityIds)));
        }

        var evidence = rules.Evidence
            .Where(e => e.When is null || ConditionEvaluator.Evaluate(e.When, answers, facts.Holding, recommended))
            .Select(e => new PlanEvidenceItem(e.Key, texts.Format($"evidence.{e.Key}", values), e.HaveWhen is not null && ConditionEvaluator.Evaluate(e.HaveWhen, answers, facts.Holding, recommended)))
            .ToList();

        var deadlines = rules.Deadlines
            .Where(d => (d.When is null || ConditionEvaluator.Evaluate(d.When, answers, facts.Holding, recommended)) && (!d.UsesLimitationDate || facts.LimitationDate is not null))
            .Select(d => new PlanDeadline(
                d.Key,
                d.UsesLimitationDate ? facts.LimitationDate!.Value.ToString() : null,
                texts.Format($"deadlines.{d.Key}.title", values),
                texts.Format($"deadlines.{d.Key}.text", values),
                collector.Cites(d.Cites)))
            .ToList();

        var flags = FlagCitations()
            .Where(f => facts.Has(f.Id))
            .Select(f => new PlanFlag(f.Id, texts.Get($"flags.{f.Id}.label"), texts.Format($"flags.{f.Id}.explain", values), collector.Cites(f.Cites)))
            .ToList();

        DateOnly? asOf = collector.Citations.Count == 0 ? null : collector.Citations.Max(c => c.AsOf);
        return new Plan(now, answers, urgent, paths, collector.AuthorityList, collector.Citations, evidence, deadlines, flags, facts, asOf);
    }

    private IEnumerable<(string Id, IReadOnlyList<string> Cites)> FlagCitations()
    {
        foreach (var f in rules.Facts.Where(f => f.Flag))
        {
            yield return (f.Id, f.Cites);
        }

        yield return (rules.CriminalThreshold.LikelyFlag, rules.CriminalThreshold.Cites);
        yield return (rules.CriminalThreshold.PossiblyFlag, rules.CriminalThreshold.Cites);
        yield return (rules.Limitation.NearFlag, rules.Limitation.Cites);
        yield return (rules.Limitation.PassedFlag, rules.Limitation.Cites);
    }

    private Dictionary<string, string> TemplateValues(AnswerSet answers, DerivedFacts facts)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["organisation"] = answers.Text("organisation-name") ?? texts.Get("common.organisation-default"),
            ["limitation-date"] = facts.LimitationDate is { } d ? TextCatalog.FormatMonth(d) : string.Empty,
            ["loss-amount"] = answers.Number("loss-amount")?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? string.Empty,
        };
        return values;
    }

    /// <summary>Collects authorities and citations once each, in order of first use.</summary>
    private sealed class Collector(IContentCatalog catalog)
    {
        private readonly HashSet<AuthorityId> _authorities = [];
        private readonly HashSet<CitationRef> _citations = [];

        public List<Authority> AuthorityList { get; } = [];

        public List<PlanCitation> Citations { get; } = [];

        public List<AuthorityId> Authorities(IEnumerable<string> ids)
        {
            var result = new List<AuthorityId>();
            foreach (var id in ids.Distinct(StringComparer.Ordinal).Select(i => new AuthorityId(i)))
            {
                if (!_authorities.Contains(id))
                {
                    var a = catalog.FindAuthority(id);
                    if (a is null)
                    {
                        continue; // Validated at start-up; an admin cannot delete authorities.
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
            foreach (var r in refs.Distinct(StringComparer.Ordinal))
            {
                if (!CitationRef.TryParse(r, out CitationRef reference))
                {
                    continue;
                }

                if (!_citations.Contains(reference))
                {
                    if (catalog.FindArticle(reference) is not { } a)
                    {
                        continue; // Validated at start-up against the seeds.
                    }

                    _citations.Add(reference);
                    Citations.Add(new PlanCitation(reference, a.LawTitle, a.Label, a.Text, a.Revision, a.Effective, a.AsOf));
                }

                result.Add(reference);
            }

            return result;
        }
    }
}
