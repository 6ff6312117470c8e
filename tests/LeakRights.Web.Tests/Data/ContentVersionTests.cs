using System.Diagnostics;
using System.Text.Json;
using LeakRights.Core.Content;
using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeakRights.Web.Tests.Data;

/// <summary>
/// Content reaches every instance: each content save bumps the content version in its own transaction, and every other
/// instance on the same database reloads within a poll (LeakRights:Content:PollSeconds, 2 s). Multi-instance tests run on
/// SQLite and on PostgreSQL (skipped with a reason without LEAKRIGHTS_TEST_POSTGRES, a failure in CI).
/// </summary>
public sealed class ContentVersionTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    /// <summary>How long another instance may take to show a change (issue 14).</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    internal static void SkipUnlessAvailable(DatabaseProvider provider) =>
        Skip.If(provider == DatabaseProvider.PostgreSql && TestPostgres.SkipReason is not null, TestPostgres.SkipReason);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SaveArticle_InOneInstance_TheOtherInstanceServesItWithin5Seconds(DatabaseProvider provider)
    {
        SkipUnlessAvailable(provider);
        using var a = LeakRightsFactory.On(provider);
        using var b = LeakRightsFactory.Sharing(a);
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();
        const string text = "（实例甲保存的修订文本：第四十七条）";

        var saved = await SaveArticleAsync(a, new CitationRef("pipl", "47"), text);
        var clock = Stopwatch.StartNew();
        var reloaded = await b.Logs.WaitForAsync(l => l.StartsWith("Content changed in the database", StringComparison.Ordinal), Within);
        var elapsed = clock.Elapsed;
        var page = await clientB.GetStringAsync("/statutes/pipl");

        Assert.Equal(EditOutcome.Saved, saved.Outcome);
        Assert.True(elapsed <= Within, $"instance B showed the edit after {elapsed}");
        Assert.Contains(text, page, StringComparison.Ordinal);
        Assert.Equal(a.Services.GetRequiredService<ContentSnapshotProvider>().Version, b.Services.GetRequiredService<ContentSnapshotProvider>().Version);
        Assert.Contains("Version=", reloaded, StringComparison.Ordinal);
    }

    /// <summary>`admin import` runs in a process of its own: the running server has to notice, and does within a poll.</summary>
    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CliImport_IntoTheDatabaseOfARunningInstance_BumpsTheVersionAndTheInstanceReloads(DatabaseProvider provider)
    {
        SkipUnlessAvailable(provider);
        const string text = "（从备份文件导入的文本：第四十七条）";
        var file = Path.Combine(Path.GetTempPath(), "lr-import-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            using (var source = LeakRightsFactory.On(provider))
            {
                source.CreateClient().Dispose();
                await SaveArticleAsync(source, new CitationRef("pipl", "47"), text);
                using var scope = source.Services.CreateScope();
                var backup = await scope.ServiceProvider.GetRequiredService<ContentBackup>().ExportAsync(LeakRightsFactory.Now.UtcDateTime);
                await File.WriteAllBytesAsync(file, JsonSerializer.SerializeToUtf8Bytes(backup, ContentBackup.Json));
            }

            using var server = LeakRightsFactory.On(provider);
            using var client = server.CreateClient();
            using var cli = LeakRightsFactory.Sharing(server);
            var before = await VersionAsync(server);
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = await AdminCli.RunAsync(cli.Services, ["import", file], TextReader.Null, output, error);
            var clock = Stopwatch.StartNew();
            await server.Logs.WaitForAsync(l => l.StartsWith("Content changed in the database", StringComparison.Ordinal), Within);
            var elapsed = clock.Elapsed;

            Assert.True(code == 0, error.ToString());
            Assert.True(await VersionAsync(server) > before);
            Assert.True(elapsed <= Within, $"the server showed the import after {elapsed}");
            Assert.Contains(text, await client.GetStringAsync("/statutes/pipl"), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Every kind of content save adds exactly one to the version; a refused save (a conflict) adds nothing.</summary>
    [Fact]
    public async Task ContentSaves_EachBumpsTheVersionOnce_AConflictLeavesIt()
    {
        factory.CreateClient().Dispose();
        var article = new CitationRef("civil-code", "1034");
        var v0 = await VersionAsync(factory);

        var edit = await SaveArticleAsync(factory, article, "（版本测试：第一次修订）");
        var v1 = await VersionAsync(factory);
        var stale = await SaveArticleAsync(factory, article, "（版本测试：基于旧版本的修订）", expectedRevision: edit.CurrentRevision - 1);
        var v2 = await VersionAsync(factory);
        EditResult restore;
        EditResult authority;
        using (var scope = factory.Services.CreateScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
            restore = await editor.RestoreArticleAsync(article, 1, "恢复", "tester", null);
            var current = (await editor.FindAuthorityAsync(new AuthorityId("court")))!.ToAuthority();
            authority = await editor.SaveAuthorityAsync(current with { Hotline = "12368" }, "版本测试", (await editor.FindAuthorityAsync(new AuthorityId("court")))!.Revision, "tester", null);
        }

        var v4 = await VersionAsync(factory);

        Assert.Equal([EditOutcome.Saved, EditOutcome.Conflict, EditOutcome.Saved, EditOutcome.Saved], new[] { edit.Outcome, stale.Outcome, restore.Outcome, authority.Outcome });
        Assert.Equal([v0 + 1, v0 + 1, v0 + 3], new[] { v1, v2, v4 });
        Assert.Equal(v4, factory.Services.GetRequiredService<ContentSnapshotProvider>().Version);
    }

    /// <summary>Two reloads finishing out of order: the one loaded at the older version never replaces the newer snapshot.</summary>
    [Fact]
    public async Task Offer_OlderVersionAfterANewerOne_KeepsTheNewer()
    {
        factory.CreateClient().Dispose();
        using var provider = new ContentSnapshotProvider(factory.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<ContentSnapshotProvider>.Instance);
        await provider.ReloadAsync();
        var at = provider.Version;
        var newer = new ContentSnapshot([], []);
        var older = new ContentSnapshot([], []);

        var tookNewer = provider.Offer(newer, at + 2);
        var tookOlder = provider.Offer(older, at + 1);
        await provider.ReloadAsync();

        Assert.True(at > 0);
        Assert.True(tookNewer);
        Assert.False(tookOlder);
        Assert.Same(newer, provider.Current);
        Assert.Equal(at + 2, provider.Version);
    }

    internal static async Task<EditResult> SaveArticleAsync(LeakRightsFactory app, CitationRef article, string text, int? expectedRevision = null)
    {
        using var scope = app.Services.CreateScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var revision = expectedRevision ?? (await editor.FindArticleAsync(article))!.CurrentRevision;
        return await editor.SaveArticleAsync(article, text, "多实例测试", "2021-11-01", revision, "tester", null);
    }

    internal static async Task<long> VersionAsync(LeakRightsFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.ContentVersions.AsNoTracking().Select(v => v.Version).SingleAsync();
    }
}
