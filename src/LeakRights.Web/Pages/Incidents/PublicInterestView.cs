using LeakRights.Core.Content;
using LeakRights.Core.Rules;
using LeakRights.Web.Infrastructure;
using LeakRights.Web.Pages.Plan;

namespace LeakRights.Web.Pages.Incidents;

/// <summary>
/// What the public-interest partial shows (seeds/public-interest.json) with the current verbatim text of each cited article
/// and the authorities' current details from the content snapshot. It only formats content; nothing is decided here.
/// </summary>
public sealed class PublicInterestView(ContentBundle content, PlanService plans)
{
    public PublicInterestContent Content => content.PublicInterest;

    /// <summary>The articles a body cites, each with its verbatim text (an article the snapshot refused is left out, never a 500).</summary>
    public IReadOnlyList<CitationView> Cites(IEnumerable<string> references)
    {
        var snapshot = plans.Content;
        var views = new List<CitationView>();
        foreach (var reference in references.Select(CitationRef.Parse))
        {
            if (snapshot.TryFindArticle(reference, out var law, out var article))
            {
                views.Add(new CitationView(new PlanCitation(reference, law.Title, article.Label, article.Text, article.Revision, article.Effective, article.TextAsOf), snapshot.Html(reference)));
            }
        }

        return views;
    }

    public Authority? Authority(AuthorityId? id) => id is { } a ? plans.Content.FindAuthority(a) : null;
}
