using PdfSharp.Drawing;

namespace LeakRights.Core.Pdf;

/// <summary>Something to draw, at a position relative to the top of the unit (then of the page) that holds it.</summary>
public abstract record DrawOp(double Y)
{
    public abstract DrawOp Offset(double dy);
}

public sealed record TextOp(double X, double Y, string Text, bool Bold, double Size, XColor Color) : DrawOp(Y)
{
    public override DrawOp Offset(double dy) => this with { Y = Y + dy };
}

public sealed record RectOp(double X, double Y, double Width, double Height, XColor? Fill, XColor? Stroke) : DrawOp(Y)
{
    public override DrawOp Offset(double dy) => this with { Y = Y + dy };
}

public sealed record LineOp(double X1, double Y, double X2, double Y2, double Thickness, XColor Color) : DrawOp(Y)
{
    public override DrawOp Offset(double dy) => this with { Y = Y + dy, Y2 = Y2 + dy };
}

/// <summary>A checkbox (□), ticked (☑) when <see cref="Checked"/>.</summary>
public sealed record CheckboxOp(double X, double Y, double Size, bool Checked) : DrawOp(Y)
{
    public override DrawOp Offset(double dy) => this with { Y = Y + dy };
}

/// <summary>
/// One laid-out page; <see cref="Framed"/> pages carry the header and the numbered footer. Unframed pages (a letter) belong
/// to the <see cref="Section"/> their page break started (1, 2, …; 0 for framed pages), so a letter's pages are numbered
/// among themselves.
/// </summary>
public sealed record PageLayout(IReadOnlyList<DrawOp> Ops, bool Framed = true, int Section = 0);

/// <summary>
/// Lays blocks out on A4 pages. Blocks become units (a line of a paragraph, a whole list item, a table row); a unit is
/// never split across pages unless it is taller than a page, in which case its lines are placed one by one. Headings
/// stay with the first unit after them.
/// </summary>
public static class PdfLayoutEngine
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double MarginX = 56;
    public const double Top = 64;
    public const double Bottom = PageHeight - 60;
    public const double ContentWidth = PageWidth - (2 * MarginX);

    public const double BodySize = 10.5;
    public const double LineFactor = 1.6;

    public static readonly XColor Ink = XColor.FromArgb(27, 31, 36);
    public static readonly XColor Muted = XColor.FromArgb(74, 83, 96);
    public static readonly XColor Rule = XColor.FromArgb(160, 170, 182);
    public static readonly XColor Shade = XColor.FromArgb(238, 242, 247);
    public static readonly XColor Brand = XColor.FromArgb(11, 92, 173);

    /// <summary>
    /// An unsplittable piece of a block. <see cref="Parts"/> are its lines, used only when it is taller than a page;
    /// <see cref="RepeatHeader"/> is a table row's header row, drawn again above the row when the row starts a page.
    /// </summary>
    private sealed record Unit(double Height, List<DrawOp> Ops, double SpaceBefore = 0, bool KeepWithNext = false, bool PageBreak = false, List<Unit>? Parts = null, bool Framed = true, Unit? RepeatHeader = null);

    public static IReadOnlyList<PageLayout> Layout(IReadOnlyList<PdfBlock> blocks)
    {
        var units = new List<Unit>();
        foreach (var block in blocks)
        {
            units.AddRange(Units(block));
        }

        return Paginate(units);
    }

    private static List<PageLayout> Paginate(List<Unit> units)
    {
        var pages = new List<List<DrawOp>> { new() };
        var framed = new List<bool> { true };
        var sections = new List<int> { 0 };
        var section = 0;
        var y = Top;
        var queue = new LinkedList<Unit>(units);
        while (queue.First is { } node)
        {
            var u = node.Value;
            queue.RemoveFirst();
            var atTop = y <= Top + 0.01;
            if (u.PageBreak)
            {
                var starts = u.Framed ? 0 : ++section;
                if (!atTop)
                {
                    pages.Add([]);
                    framed.Add(u.Framed);
                    sections.Add(starts);
                    y = Top;
                }
                else
                {
                    framed[^1] = u.Framed;
                    sections[^1] = starts;
                }

                continue;
            }

            if (u.Height > Bottom - Top && u.Parts is { Count: > 0 })
            {
                // Taller than a page: place its lines one by one.
                for (var p = u.Parts.Count - 1; p >= 0; p--)
                {
                    queue.AddFirst(p == 0 ? u.Parts[p] with { SpaceBefore = u.SpaceBefore } : u.Parts[p]);
                }

                continue;
            }

            var space = atTop ? 0 : u.SpaceBefore;
            var need = space + u.Height;

            // Keep-with-next chains: a heading followed by a table's header row stays with the first data row too.
            var keep = u.KeepWithNext;
            for (var next = queue.First; keep && next is not null && !next.Value.PageBreak; next = next.Next)
            {
                var following = next.Value.Parts is { Count: > 0 } && next.Value.Height > Bottom - Top ? next.Value.Parts[0] : next.Value;
                need += following.SpaceBefore + following.Height;
                keep = following.KeepWithNext;
            }

            if (y + need > Bottom && !atTop)
            {
                pages.Add([]);
                framed.Add(framed[^1]);
                sections.Add(sections[^1]);
                y = Top;
                space = 0;
                if (u.RepeatHeader is { } header)
                {
                    // A table going on over a page break: its header row again, so the rows read as the same table.
                    pages[^1].AddRange(header.Ops.Select(op => op.Offset(y)));
                    y += header.Height;
                }
            }

            y += space;
            pages[^1].AddRange(u.Ops.Select(op => op.Offset(y)));
            y += u.Height;
        }

        if (pages.Count > 1 && pages[^1].Count == 0)
        {
            pages.RemoveAt(pages.Count - 1);
        }

        return pages.Select((p, i) => new PageLayout(p, framed[i], sections[i])).ToList();
    }

    private static IEnumerable<Unit> Units(PdfBlock block) => block switch
    {
        HeadingBlock h => [HeadingUnit(h)],
        ParagraphBlock p => ParagraphUnits(p),
        ListBlock l => ListUnits(l),
        TableBlock t => TableUnits(t),
        QuotationBlock q => QuotationUnits(q),
        PageBreakBlock b => [new Unit(0, [], PageBreak: true, Framed: b.Framed)],
        SpacerBlock s => [new Unit(s.Height, [])],
        QrBlock q => [QrUnit(q)],
        KeepTogetherBlock k => [Combine([.. k.Blocks.SelectMany(Units)], k.SpaceBefore)],
        _ => [],
    };

    /// <summary>The QR code's dark modules as filled squares, with the quiet zone around them white (the page is).</summary>
    private static Unit QrUnit(QrBlock q)
    {
        var count = q.Modules.Count;
        var module = count == 0 ? 0 : q.Size / count;
        var ops = new List<DrawOp>();
        for (var row = 0; row < count; row++)
        {
            for (var col = 0; col < q.Modules[row].Count; col++)
            {
                if (q.Modules[row][col])
                {
                    ops.Add(new RectOp(MarginX + (col * module), row * module, module, module, Ink, null));
                }
            }
        }

        return new Unit(q.Size, ops, SpaceBefore: 6);
    }

    private static Unit HeadingUnit(HeadingBlock h)
    {
        var (size, space) = h.Level switch
        {
            1 => (16.0, 18.0),
            2 => (13.0, 14.0),
            _ => (11.5, 10.0),
        };
        var lineHeight = size * 1.45;
        var lines = LineBreaker.Break(h.Text, ContentWidth, TextMeasurer.For(true, size));
        var ops = new List<DrawOp>();
        for (var i = 0; i < lines.Count; i++)
        {
            ops.Add(new TextOp(MarginX, i * lineHeight, lines[i], true, size, h.Level == 1 ? Brand : Ink));
        }

        var height = lines.Count * lineHeight;
        if (h.Level == 1)
        {
            ops.Add(new LineOp(MarginX, height + 2, MarginX + ContentWidth, height + 2, 0.8, Brand));
            height += 8;
        }

        return new Unit(height + 2, ops, space, KeepWithNext: true);
    }

    private static List<Unit> ParagraphUnits(ParagraphBlock p)
    {
        var (size, bold, color) = p.Style switch
        {
            ParagraphStyle.Title => (20.0, true, Brand),
            ParagraphStyle.LetterTitle => (17.0, true, Ink),
            ParagraphStyle.Strong => (BodySize, true, Ink),
            ParagraphStyle.Small => (9.0, false, Ink),
            ParagraphStyle.Muted => (9.0, false, Muted),
            _ => (BodySize, false, Ink),
        };
        var lineHeight = size * LineFactor;
        var first = true;
        var units = new List<Unit>();
        foreach (var paragraph in p.Text.Split('\n'))
        {
            foreach (var line in LineBreaker.Break(paragraph, ContentWidth, TextMeasurer.For(bold, size)))
            {
                var x = MarginX;
                if (p.Style is ParagraphStyle.Right or ParagraphStyle.Centered or ParagraphStyle.LetterTitle)
                {
                    var w = line.Sum(c => TextMeasurer.CharWidth(c, bold, size));
                    x = p.Style == ParagraphStyle.Right ? MarginX + ContentWidth - w : MarginX + ((ContentWidth - w) / 2);
                }

                units.Add(new Unit(lineHeight, [new TextOp(x, 0, line, bold, size, color)], first ? size * 0.5 : 0));
                first = false;
            }
        }

        return p.KeepWithNext ? [.. units.Select(u => u with { KeepWithNext = true })] : units;
    }

    private static IEnumerable<Unit> ListUnits(ListBlock l)
    {
        const double indent = 20;
        var width = ContentWidth - indent;
        var lineHeight = BodySize * LineFactor;
        for (var i = 0; i < l.Items.Count; i++)
        {
            var item = l.Items[i];
            var parts = new List<Unit>();
            var marker = new List<DrawOp>();
            switch (l.Kind)
            {
                case ListKind.Bullet:
                    marker.Add(new TextOp(MarginX + 4, 0, "•", false, BodySize, Ink));
                    break;
                case ListKind.Numbered:
                    marker.Add(new TextOp(MarginX, 0, $"{i + 1}.", true, BodySize, Ink));
                    break;
                default:
                    marker.Add(new CheckboxOp(MarginX + 1, 3.5, 10, item.Checked));
                    break;
            }

            if (item.Title is not null)
            {
                foreach (var line in LineBreaker.Break(item.Title, width, TextMeasurer.For(true, BodySize)))
                {
                    parts.Add(new Unit(lineHeight, [new TextOp(MarginX + indent, 0, line, true, BodySize, Ink)]));
                }
            }

            foreach (var paragraph in item.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var line in LineBreaker.Break(paragraph, width, TextMeasurer.For(false, BodySize)))
                {
                    parts.Add(new Unit(lineHeight, [new TextOp(MarginX + indent, 0, line, false, BodySize, Ink)]));
                }
            }

            if (parts.Count == 0)
            {
                continue;
            }

            parts[0].Ops.AddRange(marker);
            yield return Combine(parts, i == 0 ? 6 : 3);
        }
    }

    private static IEnumerable<Unit> TableUnits(TableBlock t)
    {
        const double pad = 4;
        var size = 9.5;
        var lineHeight = size * 1.5;
        var total = t.Columns.Sum();
        var widths = t.Columns.Select(c => ContentWidth * c / total).ToList();

        Unit Row(IReadOnlyList<string> cells, bool header)
        {
            var wrapped = cells.Select((cell, i) => cell.Split('\n').SelectMany(p => LineBreaker.Break(p, widths[i] - (2 * pad), TextMeasurer.For(header, size))).ToList()).ToList();
            var rows = Math.Max(1, wrapped.Max(w => w.Count));
            var height = (rows * lineHeight) + (2 * pad);
            var ops = new List<DrawOp>();
            var x = MarginX;
            for (var c = 0; c < widths.Count; c++)
            {
                ops.Add(new RectOp(x, 0, widths[c], height, header ? Shade : null, Rule));
                var lines = c < wrapped.Count ? wrapped[c] : [];
                for (var l = 0; l < lines.Count; l++)
                {
                    ops.Add(new TextOp(x + pad, pad + (l * lineHeight), lines[l], header, size, Ink));
                }

                x += widths[c];
            }

            // Rows taller than a page fall back to one unit per line of the fullest cell (without borders).
            var parts = Enumerable.Range(0, rows).Select(r =>
            {
                var rowOps = new List<DrawOp>();
                var cx = MarginX;
                for (var c = 0; c < widths.Count; c++)
                {
                    if (c < wrapped.Count && r < wrapped[c].Count)
                    {
                        rowOps.Add(new TextOp(cx + pad, 0, wrapped[c][r], header, size, Ink));
                    }

                    cx += widths[c];
                }

                return new Unit(lineHeight, rowOps);
            }).ToList();
            return new Unit(height, ops, Parts: parts);
        }

        var headerRow = Row(t.Header, header: true);
        yield return headerRow with { SpaceBefore = 6, KeepWithNext = true };
        foreach (var row in t.Rows)
        {
            yield return Row(row, header: false) with { RepeatHeader = headerRow };
        }
    }

    private static IEnumerable<Unit> QuotationUnits(QuotationBlock q)
    {
        const double indent = 14;
        var width = ContentWidth - indent - 4;
        var lineHeight = BodySize * LineFactor;
        var titleLines = LineBreaker.Break(q.Title, ContentWidth, TextMeasurer.For(true, BodySize));
        for (var i = 0; i < titleLines.Count; i++)
        {
            yield return new Unit(lineHeight, [new TextOp(MarginX, 0, titleLines[i], true, BodySize, Ink)], i == 0 ? 10 : 0, KeepWithNext: i == titleLines.Count - 1);
        }

        var lines = q.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(p => LineBreaker.Break(p.Trim(), width, TextMeasurer.For(false, BodySize))).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            // The last line keeps the caption (the version line) with it: a page never starts with the caption alone.
            yield return new Unit(lineHeight, [new LineOp(MarginX + 3, 0, MarginX + 3, lineHeight, 1.6, Rule), new TextOp(MarginX + indent, 0, lines[i], false, BodySize, Ink)], i == 0 ? 2 : 0, KeepWithNext: i == lines.Count - 1 && q.Caption is not null);
        }

        if (q.Caption is not null)
        {
            yield return new Unit(9 * LineFactor, [new TextOp(MarginX + indent, 0, q.Caption, false, 9, Muted)], 2);
        }
    }

    /// <summary>
    /// Units stacked into one (a list item's lines, a letter's closing), with the space each but the first asks for before
    /// it, so they are placed on one page; the parts are placed one by one when the whole is taller than a page.
    /// </summary>
    private static Unit Combine(List<Unit> parts, double spaceBefore)
    {
        var ops = new List<DrawOp>();
        var y = 0.0;
        for (var i = 0; i < parts.Count; i++)
        {
            y += i == 0 ? 0 : parts[i].SpaceBefore;
            ops.AddRange(parts[i].Ops.Select(o => o.Offset(y)));
            y += parts[i].Height;
        }

        return new Unit(y, ops, spaceBefore, Parts: parts);
    }
}
