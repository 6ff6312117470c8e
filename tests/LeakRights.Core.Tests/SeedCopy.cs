using System.Text.Json;
using System.Text.Json.Nodes;

namespace LeakRights.Core.Tests;

/// <summary>
/// A throw-away copy of the real seeds/ folder (as copied next to the test assembly) that a test may break or extend in
/// one place. Linked into Web.Tests too.
/// </summary>
public sealed class SeedCopy : IDisposable
{
    private static readonly string Source = System.IO.Path.Combine(AppContext.BaseDirectory, "seeds");

    public SeedCopy()
    {
        foreach (var file in Directory.GetFiles(Source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "leakrights-seeds-" + Guid.NewGuid().ToString("N"));

    /// <summary>Replaces text that must be present in the file (relative to seeds/).</summary>
    public void Replace(string file, string from, string to)
    {
        var path = System.IO.Path.Combine(Path, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Changes a JSON seed file through its node tree (comments are dropped).</summary>
    public void Edit(string file, Action<JsonNode> change)
    {
        var path = System.IO.Path.Combine(Path, file);
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        change(root);
        File.WriteAllText(path, root.ToJsonString());
    }

    public void Write(string file, string content) => File.WriteAllText(System.IO.Path.Combine(Path, file), content);

    public void Delete(string file) => File.Delete(System.IO.Path.Combine(Path, file));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
