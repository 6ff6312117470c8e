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
        var cited = ContentRules.CitationsIn(content.Rules);
        foreach (var (where, reference) in cited)
        {
            if (!CitationRef.TryParse(reference, out CitationRef citation))
            {
                continue;
            }

            var article = current.FindArticle(citation);
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
