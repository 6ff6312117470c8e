using System.Text;
using System.Text.Encodings.Web;
using DiffPlex;
using DiffPlex.Chunkers;

namespace LeakRights.Web.Admin;

/// <summary>A character-level diff rendered as encoded HTML with &lt;del&gt; and &lt;ins&gt;: Chinese text has no word spaces, so characters are the unit.</summary>
public static class TextDiff
{
    public static string Html(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, CharacterChunker.Instance);
        var sb = new StringBuilder();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Append(sb, result.PiecesOld, a, block.DeleteStartA - a, null);
            Append(sb, result.PiecesOld, block.DeleteStartA, block.DeleteCountA, "del");
            Append(sb, result.PiecesNew, block.InsertStartB, block.InsertCountB, "ins");
            a = block.DeleteStartA + block.DeleteCountA;
        }

        Append(sb, result.PiecesOld, a, result.PiecesOld.Count - a, null);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, IReadOnlyList<string> pieces, int start, int count, string? tag)
    {
        if (count <= 0)
        {
            return;
        }

        if (tag is not null)
        {
            sb.Append('<').Append(tag).Append('>');
        }

        for (var i = start; i < start + count; i++)
        {
            sb.Append(HtmlEncoder.Default.Encode(pieces[i]).Replace("&#xA;", "<br>", StringComparison.Ordinal));
        }

        if (tag is not null)
        {
            sb.Append("</").Append(tag).Append('>');
        }
    }
}
