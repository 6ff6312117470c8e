using LeakRights.Core.Content;
using LeakRights.Core.Rules;
using LeakRights.Web.Data;
using LeakRights.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        Assert.Equal(18, await db.Authorities.CountAsync());
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
    public async Task Start_InvalidSeeds_FailsNamingFileAndEntry()
    {
        var dir = CopyOfSeeds();
        try
        {
            var rules = Path.Combine(dir, "rules.json");
            File.WriteAllText(rules, File.ReadAllText(rules).Replace("\"pipl#57\"", "\"pipl#570\"", StringComparison.Ordinal));
            using var factory = new LeakRightsFactory().With("LeakRights:SeedsPath", dir);
            await using var app = StartupApp.Build([new("LeakRights:SeedsPath", dir)], connectionString: factory.ConnectionString);

            // Program logs the exception as fatal and exits with 1; the factory sees an app that never started.
            Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            var ex = await Assert.ThrowsAsync<SeedValidationException>(app.InitializeLeakRightsAsync);
            Assert.Contains("seeds/rules.json", ex.Message, StringComparison.Ordinal);
            Assert.Contains("ask-breach-details", ex.Message, StringComparison.Ordinal);
            Assert.Contains("pipl#570", ex.Message, StringComparison.Ordinal);

            // The seeds are the first thing start-up reads: the database was not even migrated.
            Assert.Equal(0, StartupApp.TableCount(factory.ConnectionString));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task AddLeakRights_SeedsFolderMissing_ReadsNothingUntilStart()
    {
        var missing = Path.Combine(Path.GetTempPath(), "lr-no-seeds-" + Guid.NewGuid().ToString("N"));

        // Registration and Build read no seed file; start-up does, and names the folder.
        await using var app = StartupApp.Build([new("LeakRights:SeedsPath", missing)]);
        var ex = await Assert.ThrowsAnyAsync<Exception>(app.InitializeLeakRightsAsync);

        Assert.Contains(Path.GetFileName(missing), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SecondHostOverTheSameSeeds_SharesTheLoadedContent()
    {
        first.CreateClient().Dispose();
        using var second = LeakRightsFactory.Sharing(first.DatabaseName);
        second.CreateClient().Dispose();

        Assert.Same(first.Services.GetRequiredService<ContentBundle>(), second.Services.GetRequiredService<ContentBundle>());
        Assert.Same(first.Services.GetRequiredService<ContentBundle>().Questionnaire, second.Services.GetRequiredService<Questionnaire>());
        Assert.NotSame(first.Services.GetRequiredService<PlanBuilder>(), second.Services.GetRequiredService<PlanBuilder>());
    }

    [Fact]
    public async Task Start_CitedArticleRowDamaged_FailsNamingTheCitationAndWhereTheRulesUseIt()
    {
        using var seeded = new LeakRightsFactory();
        seeded.CreateClient().Dispose();
        await using (var db = seeded.CreateDbContext())
        {
            // A label that does not match the number: the snapshot refuses the row, so pipl#57 would vanish from every plan.
            var article = await db.Articles.SingleAsync(a => a.LawId == "pipl" && a.Number == "57");
            article.Label = "第一条";
            await db.SaveChangesAsync();
        }

        using var restarted = LeakRightsFactory.Sharing(seeded.DatabaseName);
        await using var app = StartupApp.Build([], connectionString: seeded.ConnectionString);

        Assert.ThrowsAny<Exception>(() => restarted.CreateClient());
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(app.InitializeLeakRightsAsync);
        Assert.Contains("pipl#57", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ask-breach-details", ex.Message, StringComparison.Ordinal);
        Assert.Contains("seeds/rules.json", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A private copy of the seeds, for a test that changes a file.</summary>
    internal static string CopyOfSeeds()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "seeds");
        var dir = Path.Combine(Path.GetTempPath(), "lr-seeds-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return dir;
    }
}
