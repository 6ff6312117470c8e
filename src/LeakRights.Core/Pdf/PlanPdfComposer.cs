using System.Globalization;
using System.Text;
using LeakRights.Core.Content;
using LeakRights.Core.Markdown;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Pdf;

/// <summary>
/// Composes the printable action plan: title block with a summary and the disclaimer, urgent actions, the three paths with
/// tickable steps and authority tables, evidence checklist, deadlines, the prefilled letters that fit the plan, and an
/// appendix with every cited article verbatim.
/// </summary>
public sealed class PlanPdfComposer
{
    public const string DocumentTitle = "个人信息泄露维权行动计划";

    /// <summary>Lays out the plan as it was decided, letters included (filled when the plan was built).</summary>
    public static PdfDocumentModel Compose(Plan plan, CaseLinkPrint? caseLink = null)
    {
        var blocks = new List<PdfBlock>
        {
            new ParagraphBlock(DocumentTitle, ParagraphStyle.Title),
            new ParagraphBlock($"生成日期：{ChineseDates.Format(plan.Today)}　·　法律条文截至 {AsOf(plan)}", ParagraphStyle.Muted),
        };
        if (HasUnprintable(plan))
        {
            blocks.Add(new QuotationBlock("注意：个别字无法显示", "您填写的内容里有个别字超出了本PDF字体的范围，在信函里会显示为方框。请打印后在方框处用笔补上，或者下载可编辑的Word信函，在电脑上改好再打印。", null));
        }

        if (caseLink is not null)
        {
            // The case link in the body (never in the document's metadata): scan the code or type the link to reopen the case.
            blocks.Add(new HeadingBlock(caseLink.Heading, 2));
            blocks.Add(new QrBlock(caseLink.Modules, 92));
            blocks.Add(new ParagraphBlock(caseLink.Url));
            blocks.Add(new ParagraphBlock(caseLink.Note, ParagraphStyle.Muted));
        }

        if (plan.Log.Count > 0)
        {
            blocks.Add(new HeadingBlock("已经做了什么", 2));
            blocks.Add(new TableBlock(
                [2.2, 3.0, 4.8],
                ["日期", "哪一步", "记录"],
                [.. plan.Log.Select(e => (IReadOnlyList<string>)[e.OnDisplay, e.StepTitle, LogLine(e)])]));
        }
        if (plan.FirstThings.Count > 0)
        {
            blocks.Add(new HeadingBlock("先做这几件事", 2));
            blocks.Add(new ListBlock(ListKind.Numbered, plan.FirstThings.Select(t => new ListItem(t.Title, t.Due?.Text ?? string.Empty)).ToList()));
        }

        blocks.Add(new HeadingBlock("您的情况", 2));
        blocks.Add(new TableBlock([5.0, 5.0], ["问题", "您的回答"], plan.Situation.Select(s => (IReadOnlyList<string>)[s.Question, s.Answer]).ToList()));
        blocks.Add(new QuotationBlock("重要提示", "这是根据您的回答自动整理的一般性法律信息，不是针对您个案的法律意见。情况复杂或涉及金额较大的，建议咨询律师或当地法律援助机构。部门电话和网址以官方公布为准。", null));

        if (plan.Urgent.Count > 0)
        {
            blocks.Add(new HeadingBlock("紧急事项：请先做这些", 1));
            blocks.Add(new ListBlock(ListKind.Checkbox, plan.Urgent.Select(u => new ListItem(u.Title, u.Text + Contacts(plan, u.Authorities))).ToList()));
        }

        if (plan.Flags.Count > 0)
        {
            blocks.Add(new HeadingBlock("需要注意", 2));
            blocks.Add(new ListBlock(ListKind.Bullet, plan.Flags.Select(f => new ListItem(f.Label, f.Explain + Basis(plan, f.Citations))).ToList()));
        }

        foreach (var path in plan.Paths)
        {
            blocks.Add(new HeadingBlock($"{path.Title}（{(path.Recommended ? "建议" : "暂不需要")}）", 1));
            // A path's heading and why go on the page of its first step, never alone at the foot of a page.
            blocks.Add(new ParagraphBlock(path.Why, KeepWithNext: path.Steps.Count > 0));
            if (path.Steps.Count > 0)
            {
                blocks.Add(new ListBlock(ListKind.Checkbox, path.Steps.Select(s => new ListItem(s.Title, s.Text.Replace("\n\n", "\n", StringComparison.Ordinal) + DueLine(s.Deadline?.Due) + Basis(plan, s.Citations))).ToList()));
            }

            if (path.Authorities.Count > 0)
            {
                blocks.Add(new HeadingBlock("找哪些部门（电话和网址以官方公布为准）", 3));
                blocks.Add(new TableBlock(
                    AuthorityColumns,
                    AuthorityHeader,
                    path.Authorities.Select(id => plan.Authority(id)).Select(a => (IReadOnlyList<string>)[a.Name, a.Hotline ?? "—", a.Website ?? "—", a.HowTo]).ToList()));
            }
        }

        blocks.Add(new HeadingBlock("证据清单", 1));
        blocks.Add(new ParagraphBlock("打勾的是您说已经有的；其余请尽快收集并妥善保存（不要删改原始记录）。", ParagraphStyle.Muted));
        blocks.Add(new ListBlock(ListKind.Checkbox, plan.EvidenceChecklist.Select(e => new ListItem(null, e.Text, e.Have)).ToList()));

        blocks.Add(new HeadingBlock("重要期限", 1));
        blocks.Add(new ListBlock(ListKind.Bullet, plan.Deadlines.Select(d => new ListItem(d.Title, (d.Due?.Text ?? d.NoDate) is { } line ? line + "\n" + d.Text + Basis(plan, d.Citations) : d.Text + Basis(plan, d.Citations))).ToList()));

        blocks.Add(new PageBreakBlock());
        blocks.Add(new HeadingBlock("附录：引用的法律条文", 1));
        blocks.Add(new ParagraphBlock("以下为计划中引用的条文原文，以官方公布的文本为准。", ParagraphStyle.Muted));
        foreach (var c in plan.Citations)
        {
            blocks.Add(new QuotationBlock($"《{c.Law}》{c.Article}", string.Join('\n', MarkdownRenderer.ToParagraphs(c.Text)), $"第 {c.Revision} 版　·　施行日期 {c.Effective:yyyy-MM-dd}　·　文本截至 {c.AsOf:yyyy-MM-dd}"));
        }

        // The letters last, each on its own pages without the plan's header and footer: they are the person's letters.
        foreach (var letter in plan.Letters)
        {
            blocks.AddRange(Letter(letter));
        }

        return new PdfDocumentModel(DocumentTitle, new PdfPageFrame($"{DocumentTitle}　·　LeakRights", $"法律条文截至 {AsOf(plan)}　·　一般性法律信息，不是法律意见", plan.Letters.Count > 0 ? "计划" : string.Empty), blocks);
    }

    /// <summary>Whether a letter or the contact log (the person's own words are only there) has a character the fonts lack.</summary>
    private static bool HasUnprintable(Plan plan) =>
        plan.Letters.SelectMany(l => l.Paragraphs.Concat(l.Closing).Concat(l.Signature).Prepend(l.Title)).Select(line => line.Text)
            .Concat(plan.Log.SelectMany(e => new[] { e.Entry.Reference, e.Entry.Note }).OfType<string>())
            .Any(text => text.EnumerateRunes().Any(r => !Rune.IsWhiteSpace(r) && !Rune.IsControl(r) && !NotoFontResolver.Prints(r.Value)));

    private static string LogLine(PlanLogEntry e) => string.Join("；", new[]
    {
        e.ReplyLabel is null ? "已完成" : $"对方答复：{e.ReplyLabel}",
        e.ChannelLabel,
        e.Entry.Reference is null ? null : $"编号：{e.Entry.Reference}",
        e.Entry.Note,
    }.Where(x => !string.IsNullOrEmpty(x)));

    public static string FileName(Plan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"leakrights-plan-{plan.GeneratedAt.ToOffset(ChinaTime.Offset):yyyyMMdd}.pdf");

    /// <summary>The authorities table: the website column fits the longest address of the directory on one line (a web address broken at a dot gets typed half).</summary>
    internal static readonly double[] AuthorityColumns = [2.0, 1.4, 2.5, 4.1];

    internal static readonly string[] AuthorityHeader = ["部门", "电话", "网站", "怎么说"];

    internal static IEnumerable<PdfBlock> Letter(PlanLetter letter)
    {
        yield return new PageBreakBlock(Framed: false);
        yield return new ParagraphBlock(letter.Title.Text, ParagraphStyle.LetterTitle);
        yield return new SpacerBlock(6);
        for (var i = 0; i < letter.Paragraphs.Count; i++)
        {
            // The last paragraph of the body goes with the closing: a sheet never holds only 此致 and the signature.
            yield return new ParagraphBlock(letter.Paragraphs[i].Text, KeepWithNext: i == letter.Paragraphs.Count - 1);
        }

        // 此致, the addressee, the signature and the date on one sheet, so no page of a letter goes out unsigned.
        var end = new List<PdfBlock>();
        end.AddRange(letter.Closing.Select(c => new ParagraphBlock(c.Text)));
        end.Add(new SpacerBlock(14));
        end.AddRange(letter.Signature.Select(s => new ParagraphBlock(s.Text, ParagraphStyle.Right)));
        yield return new KeepTogetherBlock(end, SpaceBefore: letter.Closing.Count > 0 ? 8 : 0);
    }

    private static string AsOf(Plan plan) => plan.TextsAsOf is { } d ? ContentRules.FormatDate(d) : "—";

    private static string DueLine(PlanDue? due) => due is null ? string.Empty : "\n" + due.Text;

    private static string Contacts(Plan plan, IReadOnlyList<AuthorityId> authorities) =>
        authorities.Count == 0
            ? string.Empty
            : "\n" + string.Join("；", authorities.Select(plan.Authority).Select(a => a.Hotline is null ? a.Name : $"{a.Name}：{a.Hotline}"));

    private static string Basis(Plan plan, IReadOnlyList<CitationRef> citations) =>
        citations.Count == 0 ? string.Empty : "\n依据：" + string.Join("、", citations.Select(plan.Citation).Select(c => $"《{c.Law}》{c.Article}"));

}
