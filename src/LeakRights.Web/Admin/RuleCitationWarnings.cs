using LeakRights.Core.Content;
using LeakRights.Web.Data;

namespace LeakRights.Web.Admin;

/// <summary>Warns when a rule in seeds/rules.json cites an article an admin has marked as repealed (or that is gone).</summary>
public sealed class RuleCitationWarnings(ContentBundle content, ContentSnapshotProvider snapshot)
{
    public IReadOnlyList<string> Current()
    {
        var current = snapshot.Current;
        var warnings = new List<string>();
        var rules = content.Rules;
        var cited = rules.Urgent.SelectMany(u => u.Cites.Select(c => (Where: $"紧急事项 {u.Key}", Ref: c)))
            .Concat(rules.Paths.SelectMany(p => p.Steps).SelectMany(s => s.Cites.Concat(s.Additions.SelectMany(a => a.Cites)).Select(c => (Where: $"步骤 {s.Key}", Ref: c))))
            .Concat(rules.Deadlines.SelectMany(d => d.Cites.Select(c => (Where: $"期限 {d.Key}", Ref: c))))
            .Concat(rules.Facts.SelectMany(f => f.Cites.Select(c => (Where: $"提示 {f.Id}", Ref: c))))
            .Concat(rules.CriminalThreshold.Cites.Select(c => (Where: "刑事追诉标准", Ref: c)))
            .Concat(rules.Limitation.Cites.Select(c => (Where: "诉讼时效", Ref: c)))
            .Distinct();
        foreach (var (where, reference) in cited)
        {
            if (!CitationRef.TryParse(reference, out var law, out var number))
            {
                continue;
            }

            var article = current.FindArticle(law, number);
            if (article is null)
            {
                warnings.Add($"{where} 引用的 {reference} 在数据库中不存在。");
            }
            else if (article.Repealed)
            {
                warnings.Add($"{where} 引用的 {reference}（{article.LawTitle}{article.Label}）已标记为废止，请更新 seeds/rules.json 中的引用。");
            }
        }

        return warnings;
    }
}
