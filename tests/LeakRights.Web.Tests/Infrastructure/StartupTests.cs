using LeakRights.Core.Content;
using LeakRights.Web.Data;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>Start-up. The first app (the class fixture) is shared: one test counts what it seeded, another edits it and starts a second app on the same database.</summary>
public sealed class StartupTests(LeakRightsFactory first) : IClassFixture<LeakRightsFactory>
{
    [Fact]
    public async Task Start_EmptyDatabase_MigratesAndSeedsEveryArticleAndAuthority()
    {
        using var client = first.CreateClient();

        await using var db = first.CreateDbContext();

        Assert.Equal(205, await db.Articles.CountAsync());
        Assert.Equal(16, await db.Authorities.CountAsync());
        Assert.Equal(205, await db.ArticleRevisions.CountAsync(r => r.Revision == 1 && r.Editor == ContentSeeder.SeedEditor));
    }

    [Fact]
    public async Task Start_Again_KeepsLaterEditsAndAddsNothingTwice()
    {
        first.CreateClient().Dispose();
        await using (var db = first.CreateDbContext())
        {
            var article = await db.Articles.SingleAsync(a => a.LawId == "pipl" && a.Number == "47");
            article.Text = "（管理员修订后的文本）";
            article.CurrentRevision = 2;
            (await db.Authorities.SingleAsync(a => a.Id == "nfra-12378")).Hotline = "12378-edited";
            await db.SaveChangesAsync();
        }

        using var second = LeakRightsFactory.Sharing(first.DatabaseName);
        second.CreateClient().Dispose();
        await using var after = second.CreateDbContext();

        Assert.Equal("（管理员修订后的文本）", (await after.Articles.SingleAsync(a => a.LawId == "pipl" && a.Number == "47")).Text);
        Assert.Equal("12378-edited", (await after.Authorities.SingleAsync(a => a.Id == "nfra-12378")).Hotline);
        Assert.Equal(205, await after.Articles.CountAsync());
    }

    [Fact]
    public void Start_InvalidSeeds_FailsNamingFileAndEntry()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lr-bad-seeds-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(dir, Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "seeds"), file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var rules = Path.Combine(dir, "rules.json");
            File.WriteAllText(rules, File.ReadAllText(rules).Replace("\"pipl#57\"", "\"pipl#570\"", StringComparison.Ordinal));
            using var factory = new LeakRightsFactory().With("LeakRights:SeedsPath", dir);
            var builder = WebApplication.CreateBuilder();
            builder.Configuration["LeakRights:SeedsPath"] = dir;

            // Program logs the exception as fatal and exits with 1; the factory sees an app that never started.
            Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            var ex = Assert.Throws<SeedValidationException>(() => builder.AddLeakRights());
            Assert.Contains("seeds/rules.json", ex.Message, StringComparison.Ordinal);
            Assert.Contains("ask-breach-details", ex.Message, StringComparison.Ordinal);
            Assert.Contains("pipl#570", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
