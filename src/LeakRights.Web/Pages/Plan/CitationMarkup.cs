using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using LeakRights.Core.Markdown;
using LeakRights.Core.Rules;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Html;

namespace LeakRights.Web.Pages.Plan;

/// <summary>
/// The boxes of cited articles on the plan, case and incident pages: a collapsed "法律依据（n）" group, and in it each
/// article's title, verbatim text (the one Markdown pipeline's HTML), revision, dates and a link to the whole law. Rendered
/// once per content snapshot and then reused (issue 15: rendering 47 of them through partial views per request was a
/// quarter of the plan page's CPU). Every content edit replaces the snapshot, so an edited article shows at once. Only
/// public legal text goes in: the cache key is made of article references and revisions alone.
/// </summary>
public sealed class CitationMarkup(HtmlEncoder encoder)
{
    /// <summary>The collapsed group of a step, flag or incident body; nothing when there is nothing to cite.</summary>
    public IHtmlContent Group(ContentSnapshot snapshot, IReadOnlyList<PlanCitation> cites) => Cached(snapshot, "group", cites, RenderGroup);

    /// <summary>The articles one after another without the group (the deadlines' explanations).</summary>
    public IHtmlContent Items(ContentSnapshot snapshot, IReadOnlyList<PlanCitation> cites) => Cached(snapshot, "items", cites, RenderItems);

    /// <summary>The printed appendix (closed boxes do not print): every cited article in full, in the plan's order.</summary>
    public IHtmlContent Appendix(ContentSnapshot snapshot, IReadOnlyList<PlanCitation> cites) => Cached(snapshot, "appendix", cites, RenderAppendix);

    private static HtmlString Cached(ContentSnapshot snapshot, string kind, IReadOnlyList<PlanCitation> cites, Func<IReadOnlyList<PlanCitation>, string> render)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(cites);
        return cites.Count == 0
            ? HtmlString.Empty
            : new HtmlString(snapshot.Fragment(Key(kind, cites), (render, cites), static s => s.render(s.cites)));
    }

    private static string Key(string kind, IReadOnlyList<PlanCitation> cites)
    {
        var key = new StringBuilder("cites:").Append(kind);
        foreach (var c in cites)
        {
            // Everything the markup shows but the text, which an article's revision fixes (every text edit is a new revision):
            // a plan built just before an edit can never put its older markup under the newer snapshot's key.
            key.Append('|').Append(c.Ref.LawId).Append('#').Append(c.Ref.Number).Append('@').Append(c.Revision.ToString(CultureInfo.InvariantCulture))
                .Append('|').Append(c.Law).Append('|').Append(c.Article).Append('|').Append(c.Effective.DayNumber).Append('|').Append(c.AsOf.DayNumber);
        }

        return key.ToString();
    }

    private string RenderGroup(IReadOnlyList<PlanCitation> cites)
    {
        var html = new StringBuilder();
        html.Append("<details class=\"cites\">\n    <summary>法律依据（").Append(cites.Count.ToString(CultureInfo.InvariantCulture)).Append("）</summary>\n");
        html.Append(RenderItems(cites));
        return html.Append("</details>\n").ToString();
    }

    private string RenderAppendix(IReadOnlyList<PlanCitation> cites)
    {
        var html = new StringBuilder();
        foreach (var c in cites)
        {
            html.Append("<div class=\"article\">\n    <h3>《").Append(encoder.Encode(c.Law)).Append('》').Append(encoder.Encode(c.Article)).Append("</h3>\n    ")
                .Append(MarkdownRenderer.ToHtml(c.Text)).Append('\n');
            Meta(html, c).Append("</p>\n</div>\n");
        }

        return html.ToString();
    }

    private static StringBuilder Meta(StringBuilder html, PlanCitation c) =>
        html.Append("    <p class=\"article-meta\">第 ").Append(c.Revision.ToString(CultureInfo.InvariantCulture))
            .Append(" 版 · 施行日期 ").Append(c.Effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append(" · 文本截至 ").Append(c.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private string RenderItems(IReadOnlyList<PlanCitation> cites)
    {
        var html = new StringBuilder();
        foreach (var c in cites)
        {
            html.Append("<details class=\"cite\">\n    <summary>《").Append(encoder.Encode(c.Law)).Append('》').Append(encoder.Encode(c.Article)).Append("</summary>\n")
                .Append("    <div class=\"article-text\">").Append(MarkdownRenderer.ToHtml(c.Text)).Append("</div>\n");
            Meta(html, c).Append(" · <a href=\"/statutes/").Append(encoder.Encode(c.Ref.LawId)).Append("\">查看全部条文</a></p>\n</details>\n");
        }

        return html.ToString();
    }
}
