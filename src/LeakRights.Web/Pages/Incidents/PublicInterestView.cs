using LeakRights.Core.Content;
using LeakRights.Core.Rules;
using LeakRights.Web.Infrastructure;
using LeakRights.Web.Pages.Plan;
using Microsoft.AspNetCore.Html;

namespace LeakRights.Web.Pages.Incidents;

/// <summary>
/// What the public-interest partial shows (seeds/public-interest.json) with the current verbatim text of each cited article
/// and the authorities' current details from the content snapshot. It only formats content; nothing is decided here.
/// </summary>
public sealed class PublicInterestView(ContentBundle content, PlanService plans, CitationMarkup citations)
{
    public PublicInterestContent Content => content.PublicInterest;

    /// <summary>The articles a body cites, each with its verbatim text (an article the snapshot refused is left out, never a 500).</summary>
    public IHtmlContent Cites(IEnumerable<string> references)
    {
        var snapshot = plans.Content;
        var cites = new List<PlanCitation>();
        foreach (var reference in references.Select(CitationRef.Parse))
        {
            if (snapshot.TryFindArticle(reference, out var law, out var article))
            {
                cites.Add(new PlanCitation(reference, law.Title, article.Label, article.Text, article.Revision, article.Effective, article.TextAsOf));
            }
        }

        return citations.Group(snapshot, cites);
    }

    public Authority? Authority(AuthorityId? id) => id is { } a ? plans.Content.FindAuthority(a) : null;
}
