using LeakRights.Core.Content;
using LeakRights.Web.Infrastructure;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>The seed content is loaded once per process per unchanged folder; a changed or other folder is loaded anew.</summary>
public sealed class SeedContentTests
{
    private static readonly string Seeds = Path.Combine(AppContext.BaseDirectory, "seeds");

    [Fact]
    public void Load_SameFolderTwice_ReturnsTheSameBundle()
    {
        Assert.Same(SeedContent.Load(Seeds), SeedContent.Load(Seeds + Path.DirectorySeparatorChar + "." + Path.DirectorySeparatorChar));
    }

    [Fact]
    public void Load_CopyInAnotherFolder_LoadsItsOwn()
    {
        var copy = StartupTests.CopyOfSeeds();
        try
        {
            var own = SeedContent.Load(copy);

            Assert.NotSame(SeedContent.Load(Seeds), own);
            Assert.Same(own, SeedContent.Load(copy));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Load_FileChangedAfterALoad_LoadsTheChangedFiles()
    {
        var copy = StartupTests.CopyOfSeeds();
        try
        {
            var before = SeedContent.Load(copy);
            var texts = Path.Combine(copy, SeedLoader.TextsFile);
            File.WriteAllText(texts, File.ReadAllText(texts).Replace("个人信息泄露", "个人资料泄露", StringComparison.Ordinal));

            var after = SeedContent.Load(copy);

            Assert.NotSame(before, after);
            Assert.NotEqual(SeedContent.CacheKey(Seeds), SeedContent.CacheKey(copy));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Load_SameSizeRewrittenLater_LoadsAgain()
    {
        var copy = StartupTests.CopyOfSeeds();
        try
        {
            var before = SeedContent.Load(copy);
            var rules = Path.Combine(copy, SeedLoader.RulesFile);
            File.SetLastWriteTimeUtc(rules, File.GetLastWriteTimeUtc(rules).AddSeconds(5));

            Assert.NotSame(before, SeedContent.Load(copy));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Load_InvalidFolderFixedAfterAFailedLoad_LoadsTheFixedFiles()
    {
        var copy = StartupTests.CopyOfSeeds();
        try
        {
            var rules = Path.Combine(copy, SeedLoader.RulesFile);
            var good = File.ReadAllText(rules);
            File.WriteAllText(rules, good.Replace("\"pipl#57\"", "\"pipl#99\"", StringComparison.Ordinal));
            var written = File.GetLastWriteTimeUtc(rules);
            Assert.Throws<SeedValidationException>(() => SeedContent.Load(copy));

            // The failure is not kept: even a fix that leaves name, size and time as they were is read again.
            File.WriteAllText(rules, good);
            File.SetLastWriteTimeUtc(rules, written);

            Assert.NotNull(SeedContent.Load(copy));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
