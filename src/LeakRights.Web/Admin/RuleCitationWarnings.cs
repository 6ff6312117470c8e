using LeakRights.Core.Content;
using LeakRights.Web.Data;

namespace LeakRights.Web.Admin;

/// <summary>A rule citation that needs an admin's attention: the cited article, and the message in Chinese.</summary>
public sealed record RuleCitationWarning(CitationRef Ref, string Text);

/// <summary>Warns when a rule in seeds/rules.json cites an article an admin has marked as repealed (or that is gone).</summary>
public sealed class RuleCitationWarnings(ContentBundle content, ContentSnapshotProvider snapshot)
{
    public IReadOnlyList<RuleCitationWarning> Current()
    {
        var current = snapshot.Current;
        var warnings = new List<RuleCitationWarning>();
        foreach (var (where, cited) in ContentRules.CitationsIn(content.Rules))
        {
            if (!CitationRef.TryParse(cited, out CitationRef reference))
            {
                continue;
            }

            if (!current.TryFindArticle(reference, out var law, out var article))
            {
                warnings.Add(new(reference, $"{where} 引用的 {reference} 在数据库中不存在。"));
            }
            else if (article.Repealed)
            {
                warnings.Add(new(reference, $"{where} 引用的 {reference}（{law.Title}{article.Label}）已标记为废止，请更新 seeds/rules.json 中的引用。"));
            }
        }

        return warnings;
    }

    /// <summary>The warnings about one article only (compared as a citation, so pipl#4 never shows pipl#47's).</summary>
    public IReadOnlyList<RuleCitationWarning> For(CitationRef reference) => Current().Where(w => w.Ref == reference).ToList();
}
