using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LeakRights.Core.Markdown;

/// <summary>
/// The one Markdown pipeline of the app, used by the public pages, the admin preview and the PDF alike:
/// raw HTML is disabled (shown as text), images become their text, and links keep only http, https and mailto targets.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Build();

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static MarkdownDocument Parse(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown ?? string.Empty, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || !IsAllowed(link.Url))
            {
                // Keep the visible text (and its emphasis), drop the target: the link's children take its place.
                // (Inline.ReplaceBy would copy the children after the replacement as well, printing the text twice.)
                if (link.Parent is null)
                {
                    continue;
                }

                foreach (var child in link.ToList())
                {
                    child.Remove();
                    link.InsertBefore(child);
                }

                link.Remove();
            }
        }

        foreach (var auto in document.Descendants<AutolinkInline>().ToList().Where(a => !IsAllowed(a.Url)))
        {
            auto.ReplaceBy(new LiteralInline(auto.Url));
        }

        return document;
    }

    public static string ToHtml(string markdown) => Parse(markdown).ToHtml(Pipeline);

    /// <summary>The text of the Markdown without markup, paragraph by paragraph.</summary>
    public static IReadOnlyList<string> ToParagraphs(string markdown) =>
        Parse(markdown).Descendants<ParagraphBlock>().Select(p => InlineText(p.Inline)).Where(t => t.Length > 0).ToList();

    internal static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var trimmed = url.Trim();
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
            && !trimmed.Any(char.IsControl);
    }

    private static string InlineText(ContainerInline? container)
    {
        if (container is null)
        {
            return string.Empty;
        }

        var sb = new System.Text.StringBuilder();
        AppendText(sb, container);
        return sb.ToString().Trim();
    }

    /// <summary>Walks the children in document order (sibling links, as the HTML renderer does).</summary>
    private static void AppendText(System.Text.StringBuilder sb, ContainerInline container)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline l:
                    sb.Append(l.Content.ToString());
                    break;
                case CodeInline c:
                    sb.Append(c.Content);
                    break;
                case LineBreakInline:
                    sb.Append('\n');
                    break;
                case ContainerInline nested:
                    AppendText(sb, nested);
                    break;
            }
        }
    }
}
