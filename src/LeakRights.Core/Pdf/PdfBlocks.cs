namespace LeakRights.Core.Pdf;

/// <summary>A document is a list of blocks; the layout engine turns them into pages.</summary>
public abstract record PdfBlock;

/// <summary>A heading (levels 1–3); always kept on the same page as the start of the block after it.</summary>
public sealed record HeadingBlock(string Text, int Level) : PdfBlock;

public enum ParagraphStyle
{
    Normal,
    Strong,
    Small,
    Muted,
    Title,
    Right,
    Centered,
    LetterTitle,
}

/// <summary>A paragraph; <see cref="KeepWithNext"/> keeps it, every line, on the page where the next block starts.</summary>
public sealed record ParagraphBlock(string Text, ParagraphStyle Style = ParagraphStyle.Normal, bool KeepWithNext = false) : PdfBlock;

/// <summary>Blocks printed on one page together (a letter's 此致, addressee, signature and date), unless taller than a page.</summary>
public sealed record KeepTogetherBlock(IReadOnlyList<PdfBlock> Blocks, double SpaceBefore = 0) : PdfBlock;

public enum ListKind
{
    Bullet,
    Numbered,
    Checkbox,
}

/// <summary>A list item: an optional bold title, then text. <see cref="Checked"/> is used by checkbox lists.</summary>
public sealed record ListItem(string? Title, string Text, bool Checked = false);

/// <summary>A list; an item is never split across pages unless it is taller than a page.</summary>
public sealed record ListBlock(ListKind Kind, IReadOnlyList<ListItem> Items) : PdfBlock;

/// <summary>A table with relative column widths and a header row; a row is never split across pages unless taller than a page.</summary>
public sealed record TableBlock(IReadOnlyList<double> Columns, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : PdfBlock;

/// <summary>A quotation (a statute article): title, indented text with a rule on the left, and a small caption.</summary>
public sealed record QuotationBlock(string Title, string Text, string? Caption) : PdfBlock;

/// <summary>
/// Starts a new page. <see cref="Framed"/> = false starts pages without the document's header and footer (a letter the
/// person hands in is theirs: no product name, no "不是法律意见"), until the next break.
/// </summary>
public sealed record PageBreakBlock(bool Framed = true) : PdfBlock;

public sealed record SpacerBlock(double Height) : PdfBlock;

/// <summary>A QR code drawn as squares (no image), <see cref="Size"/> points wide: <see cref="Modules"/> are its rows, true = dark.</summary>
public sealed record QrBlock(IReadOnlyList<IReadOnlyList<bool>> Modules, double Size) : PdfBlock;

/// <summary>
/// What is printed on every framed page besides the blocks; <see cref="NumberPrefix"/> goes before its page number (计划第 3 页
/// / 共 12 页) when the document's unframed pages are numbered on their own.
/// </summary>
public sealed record PdfPageFrame(string Header, string FooterNote, string NumberPrefix = "");

public sealed record PdfDocumentModel(string Title, PdfPageFrame Frame, IReadOnlyList<PdfBlock> Blocks);
