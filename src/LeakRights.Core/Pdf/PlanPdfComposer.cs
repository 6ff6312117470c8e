using System.Globalization;
using System.Text;
using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Markdown;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Pdf;

/// <summary>
/// Composes the printable action plan: title block with a summary and the disclaimer, urgent actions, the three paths with
/// tickable steps and authority tables, evidence checklist, deadlines, the prefilled letters that fit the plan, and an
/// appendix with every cited article verbatim.
/// </summary>
public sealed class PlanPdfComposer(Questionnaire questionnaire, LetterSet letters)
{
    public const string DocumentTitle = "个人信息泄露维权行动计划";

    /// <summary>Builds the document. <paramref name="letterFields"/> are used for this document only and never kept.</summary>
    public PdfDocumentModel Compose(Plan plan, IReadOnlyDictionary<string, string> letterFields)
    {
        var today = DateOnly.FromDateTime(plan.GeneratedAt.ToOffset(ChinaTime.Offset).DateTime);
        var blocks = new List<PdfBlock>
        {
            new ParagraphBlock(DocumentTitle, ParagraphStyle.Title),
            new ParagraphBlock($"生成日期：{Date(today)}　·　法律条文截至 {AsOf(plan)}", ParagraphStyle.Muted),
            new HeadingBlock("您的情况", 2),
            new ParagraphBlock(Summary(plan.Answers)),
            new QuotationBlock("重要提示", "这是根据您的回答自动整理的一般性法律信息，不是针对您个案的法律意见。情况复杂或涉及金额较大的，建议咨询律师或当地法律援助机构。部门电话和网址以官方公布为准。", null),
        };

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
            blocks.Add(new ParagraphBlock(path.Why));
            if (path.Steps.Count > 0)
            {
                blocks.Add(new ListBlock(ListKind.Checkbox, path.Steps.Select(s => new ListItem(s.Title, s.Text.Replace("\n\n", "\n", StringComparison.Ordinal) + Basis(plan, s.Citations))).ToList()));
            }

            if (path.Authorities.Count > 0)
            {
                blocks.Add(new HeadingBlock("找哪些部门（电话和网址以官方公布为准）", 3));
                blocks.Add(new TableBlock(
                    [2.2, 1.5, 1.9, 4.4],
                    ["部门", "电话", "网站", "怎么说"],
                    path.Authorities.Select(id => plan.Authority(id)).Select(a => (IReadOnlyList<string>)[a.Name, a.Hotline ?? "—", a.Website ?? "—", a.HowTo]).ToList()));
            }
        }

        blocks.Add(new HeadingBlock("证据清单", 1));
        blocks.Add(new ParagraphBlock("打勾的是您说已经有的；其余请尽快收集并妥善保存（不要删改原始记录）。", ParagraphStyle.Muted));
        blocks.Add(new ListBlock(ListKind.Checkbox, plan.EvidenceChecklist.Select(e => new ListItem(null, e.Text, e.Have)).ToList()));

        blocks.Add(new HeadingBlock("重要期限", 1));
        blocks.Add(new ListBlock(ListKind.Bullet, plan.Deadlines.Select(d => new ListItem(DeadlineTitle(d, today), d.Text + Basis(plan, d.Citations))).ToList()));

        foreach (var letter in letters.Letters.Where(l => plan.Paths.SelectMany(p => p.Steps).Any(s => s.Key == l.ForStep)))
        {
            blocks.AddRange(Letter(letter, plan, letterFields, today));
        }

        blocks.Add(new PageBreakBlock());
        blocks.Add(new HeadingBlock("附录：引用的法律条文", 1));
        blocks.Add(new ParagraphBlock("以下为计划中引用的条文原文，以官方公布的文本为准。", ParagraphStyle.Muted));
        foreach (var c in plan.Citations)
        {
            blocks.Add(new QuotationBlock($"《{c.Law}》{c.Article}", string.Join('\n', MarkdownRenderer.ToParagraphs(c.Text)), $"第 {c.Revision} 版　·　施行日期 {c.Effective:yyyy-MM-dd}　·　文本截至 {c.AsOf:yyyy-MM-dd}"));
        }

        return new PdfDocumentModel(DocumentTitle, new PdfPageFrame($"{DocumentTitle}　·　LeakRights", $"法律条文截至 {AsOf(plan)}　·　一般性法律信息，不是法律意见"), blocks);
    }

    public static string FileName(Plan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"leakrights-plan-{plan.GeneratedAt.ToOffset(ChinaTime.Offset):yyyyMMdd}.pdf");

    private IEnumerable<PdfBlock> Letter(LetterTemplate letter, Plan plan, IReadOnlyDictionary<string, string> fields, DateOnly today)
    {
        var values = LetterValues(letter, plan, fields, today);
        string Fill(string template)
        {
            var sb = new StringBuilder(template);
            foreach (var name in TextCatalog.PlaceholdersIn(template).Distinct())
            {
                sb.Replace("{" + name + "}", values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : letters.Blank);
            }

            return sb.ToString();
        }

        yield return new PageBreakBlock();
        yield return new ParagraphBlock(letter.Title, ParagraphStyle.LetterTitle);
        yield return new SpacerBlock(6);
        foreach (var p in letter.Paragraphs)
        {
            yield return new ParagraphBlock(Fill(p));
        }

        if (letter.Closing.Count > 0)
        {
            yield return new SpacerBlock(8);
            foreach (var c in letter.Closing)
            {
                yield return new ParagraphBlock(Fill(c));
            }
        }

        yield return new SpacerBlock(14);
        foreach (var s in letter.Signature)
        {
            yield return new ParagraphBlock(Fill(s), ParagraphStyle.Right);
        }
    }

    private Dictionary<string, string> LetterValues(LetterTemplate letter, Plan plan, IReadOnlyDictionary<string, string> fields, DateOnly today)
    {
        var a = plan.Answers;
        var steps = plan.Paths.SelectMany(p => p.Steps).ToList();
        var cites = letter.CiteSteps.SelectMany(k => steps.FirstOrDefault(s => s.Key == k)?.Citations ?? []).Distinct().ToList();
        var authorityIds = plan.Paths.Where(p => p.Steps.Any(s => s.Key == letter.ForStep)).SelectMany(p => p.Authorities).ToList();
        var harms = Labels("harms");
        var loss = a.Number("loss-amount") is { } amount ? string.Create(CultureInfo.InvariantCulture, $"（财产损失约 {amount:#,0.##} 元）") : string.Empty;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["your-name"] = fields.GetValueOrDefault("your-name") ?? string.Empty,
            ["your-contact"] = fields.GetValueOrDefault("your-contact") ?? string.Empty,
            ["organisation-address"] = fields.GetValueOrDefault("organisation-address") ?? string.Empty,
            ["organisation"] = a.Text("organisation-name") ?? string.Empty,
            ["date"] = Date(today),
            ["discovered-on"] = a.Month("discovered-on") is { } m ? TextCatalog.FormatMonth(m) : string.Empty,
            ["data-types"] = Labels("data-types"),
            ["discovery"] = Labels("discovery"),
            ["harms"] = harms,
            ["loss"] = loss,
            ["scale"] = Labels("scale") is { Length: > 0 } scale ? $"涉及数量：{scale}" : string.Empty,
            ["evidence"] = string.Join("；", plan.EvidenceChecklist.Where(e => e.Have).Select(e => e.Text)),
            ["authority"] = authorityIds.Count > 0 ? plan.Authority(authorityIds[0]).Name : string.Empty,
            ["contact-status"] = Labels("contacted-organisation"),
            ["citations"] = string.Join("、", cites.Select(r => plan.Citation(r)).Select(c => $"《{c.Law}》{c.Article}")),
        };

        string Labels(string id) => a.Get(id) is { } v ? AnswerDisplay.Format(questionnaire.Get(id), v) : string.Empty;
    }

    private string Summary(AnswerSet a)
    {
        var parts = new List<string>();
        string? Label(string id) => a.Get(id) is { } v ? AnswerDisplay.Format(questionnaire.Get(id), v) : null;
        if (Label("source") is { } source)
        {
            parts.Add($"您认为个人信息是从“{source}”泄露的{(a.Text("organisation-name") is { } org ? $"（{org}）" : string.Empty)}");
        }

        if (Label("data-types") is { } types)
        {
            parts.Add($"被泄露的信息包括：{types}");
        }

        if (Label("scale") is { } scale)
        {
            parts.Add($"涉及数量：{scale}");
        }

        if (Label("discovery") is { } discovery)
        {
            parts.Add($"发现经过：{discovery}{(Label("discovered-on") is { } when ? $"（{when}）" : string.Empty)}");
        }

        if (Label("harms") is { } harms)
        {
            parts.Add($"造成的影响：{harms}{(Label("loss-amount") is { } loss ? $"，损失约 {loss}" : string.Empty)}");
        }

        if (Label("police-report") is { } police)
        {
            parts.Add($"报警情况：{police}");
        }

        return string.Join("；", parts) + "。";
    }

    private static string Contacts(Plan plan, IReadOnlyList<AuthorityId> authorities) =>
        authorities.Count == 0
            ? string.Empty
            : "\n" + string.Join("；", authorities.Select(plan.Authority).Select(a => a.Hotline is null ? a.Name : $"{a.Name}：{a.Hotline}"));

    private static string Basis(Plan plan, IReadOnlyList<CitationRef> citations) =>
        citations.Count == 0 ? string.Empty : "\n依据：" + string.Join("、", citations.Select(plan.Citation).Select(c => $"《{c.Law}》{c.Article}"));

    private static string DeadlineTitle(PlanDeadline d, DateOnly today) => d.Key switch
    {
        "limitation" when d.Date is not null && YearMonth.TryParse(d.Date, out var m) => $"{d.Title}（诉讼时效截止 {TextCatalog.FormatMonth(m)}）",
        "organisation-reply" => $"{d.Title}（如今天发出，答复期限为 {Date(today.AddDays(15))}）",
        "regulator-reply" => $"{d.Title}（如今天投诉，约在 {Date(PlanCalendar.AddWorkingDays(today, 7))} 前）",
        _ => d.Title,
    };

    private static string AsOf(Plan plan) => plan.TextsAsOf is { } d ? ContentRules.FormatDate(d) : "—";

    internal static string Date(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");
}
