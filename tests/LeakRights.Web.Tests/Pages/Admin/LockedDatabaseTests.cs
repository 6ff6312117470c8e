using System.Net;
using System.Text.Json;
using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Pages.Admin;

/// <summary>
/// A save while another connection holds the database's write lock (BEGIN EXCLUSIVE on the same file) is a failure, never an
/// edit conflict: 503 with a clear message, the form shown again with what the admin typed, an Error log line without it.
/// The app runs on a real SQLite file with a 1-second busy timeout; each test locks only around its own save.
/// </summary>
public sealed class LockedDatabaseTests(LockedDatabaseTests.FileDatabaseApp factory) : IClassFixture<LockedDatabaseTests.FileDatabaseApp>
{
    public sealed class FileDatabaseApp : LeakRightsFactory
    {
        /// <summary>A SQLite file, whatever LEAKRIGHTS_TEST_PROVIDER says: this is about SQLite's own files and locks.</summary>
        public FileDatabaseApp()
            : base(TestDatabase.Create(DatabaseProvider.Sqlite))
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"lr-locked-{Guid.NewGuid():N}.db");
            With("ConnectionStrings:LeakRights", $"Data Source={Path};Default Timeout=1");
        }

        public string Path { get; }

        /// <summary>Runs SQL on a connection of its own (not pooled, so the app never gets it).</summary>
        public void Execute(string sql)
        {
            using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        /// <summary>A second connection (not pooled, so the app never gets it) holding the write lock until disposed.</summary>
        public WriteLock Lock() => new(Path);

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" }.Where(File.Exists))
                {
                    File.Delete(file);
                }
            }
        }
    }

    public sealed class WriteLock : IDisposable
    {
        private readonly SqliteConnection _connection;

        public WriteLock(string path)
        {
            _connection = new SqliteConnection($"Data Source={path};Pooling=False");
            _connection.Open();
            Execute("BEGIN EXCLUSIVE;");
        }

        public void Dispose()
        {
            Execute("ROLLBACK;");
            _connection.Dispose();
        }

        private void Execute(string sql)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    [Fact]
    public async Task SaveArticle_DatabaseLockedByAnotherConnection_Is503WithTheMessageTheTextKeptAndNoConflict()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        var (_, page) = await s.GetAsync("/admin/statutes/pipl/50");
        var revision = page.QuerySelector<IHtmlInputElement>("input[name=ExpectedRevision]")!.Value;
        const string text = "（锁定测试）管理员输入的条文不应丢失，也不应写进日志。";
        var trace = new Trace();
        trace.Apply(s.Client);

        HttpResponseMessage response;
        using (factory.Lock())
        {
            response = await s.SubmitAsync(page, Fields.Of(("Text", text), ("Note", "锁定测试"), ("Effective", "2026-03-01"), ("ExpectedRevision", revision)), action: "/admin/statutes/pipl/50?handler=Save");
        }

        var shown = await WebSession.ParseAsync(response);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(ContentEditor.UnavailableMessage, shown.QuerySelector("[data-save-failed]")!.TextContent.Trim());
        Assert.Equal(text, shown.QuerySelector<IHtmlTextAreaElement>("#f-text")!.Value);
        Assert.DoesNotContain("对方保存的版本", shown.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(revision, shown.QuerySelector<IHtmlInputElement>("input[name=ExpectedRevision]")!.Value);

        await factory.Logs.WaitForRequestAsync(trace);
        Assert.Contains(factory.Logs.Lines, l => l.StartsWith("Saving content \"pipl#50\" failed", StringComparison.Ordinal));
        Assert.DoesNotContain("锁定测试", factory.Logs.All, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, (await db.Articles.SingleAsync(a => a.LawId == "pipl" && a.Number == "50")).CurrentRevision);

        // Once the lock is gone, the same form saves.
        var again = await s.SubmitAsync(shown, Fields.Of(("Text", text), ("Note", "锁定测试"), ("Effective", "2026-03-01"), ("ExpectedRevision", revision)), action: "/admin/statutes/pipl/50?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task SaveAuthority_DatabaseLockedByAnotherConnection_Is503WithTheMessageAndTheFieldsKept()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        var (_, page) = await s.GetAsync("/admin/authorities/spb-12305");
        const string hotline = "12305-锁定测试";
        var fields = Fields.Of(
            ("Name", page.QuerySelector<IHtmlInputElement>("#f-name")!.Value),
            ("Hotline", hotline),
            ("Website", page.QuerySelector<IHtmlInputElement>("#f-website")!.Value),
            ("Handles", page.QuerySelector("#f-handles")!.TextContent.Trim()),
            ("HowTo", page.QuerySelector("#f-howTo")!.TextContent.Trim()),
            ("Status", "confirmed-official-page"),
            ("StatusNote", "核实于官方网站。以官方公布为准。"),
            ("LastVerified", "2026-11-20"),
            ("Note", "锁定测试"),
            ("ExpectedRevision", page.QuerySelector<IHtmlInputElement>("input[name=ExpectedRevision]")!.Value));

        HttpResponseMessage response;
        using (factory.Lock())
        {
            response = await s.SubmitAsync(page, fields);
        }

        var shown = await WebSession.ParseAsync(response);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(ContentEditor.UnavailableMessage, shown.QuerySelector("[data-save-failed]")!.TextContent.Trim());
        Assert.Equal(hotline, shown.QuerySelector<IHtmlInputElement>("#f-hotline")!.Value);
        Assert.Contains(factory.Logs.Lines, l => l.StartsWith("Saving content \"spb-12305\" failed", StringComparison.Ordinal));
        Assert.DoesNotContain(hotline, factory.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestoreArticle_DatabaseLockedByAnotherConnection_Is503WithTheMessage()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        var (_, page) = await s.GetAsync("/admin/statutes/pipl/51");
        var saved = await s.SubmitAsync(page, Fields.Of(("Text", "（第二版）"), ("Note", "为恢复测试保存"), ("Effective", "2026-03-01"), ("ExpectedRevision", "1")), action: "/admin/statutes/pipl/51?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, history) = await s.GetAsync("/admin/statutes/pipl/51/history");

        HttpResponseMessage response;
        using (factory.Lock())
        {
            response = await s.SubmitAsync(history, Fields.Of(("revision", "1")), "form[action*=Restore]");
        }

        var shown = await WebSession.ParseAsync(response);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(ContentEditor.UnavailableMessage, shown.QuerySelector("[data-save-failed]")!.TextContent.Trim());
    }

    [Fact]
    public async Task SaveArticle_WriteRefusedInsideTheStatement_IsTheErrorPageNeverAConflict()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        var (_, page) = await s.GetAsync("/admin/statutes/pipl/64");
        var revision = page.QuerySelector<IHtmlInputElement>("input[name=ExpectedRevision]")!.Value;

        // A failure in the middle of the save (here a trigger refusing the row) that is neither a conflict nor an unwritable database.
        factory.Execute("CREATE TRIGGER refuse_revision BEFORE INSERT ON ArticleRevisions BEGIN SELECT RAISE(ABORT, 'refused by test'); END;");
        HttpResponseMessage response;
        try
        {
            response = await s.SubmitAsync(page, Fields.Of(("Text", "（触发器测试）"), ("Note", "触发器测试"), ("Effective", "2026-03-01"), ("ExpectedRevision", revision)), action: "/admin/statutes/pipl/64?handler=Save");
        }
        finally
        {
            factory.Execute("DROP TRIGGER refuse_revision;");
        }

        var shown = await WebSession.ParseAsync(response);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("对方保存的版本", shown.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(shown.QuerySelector("[data-save-failed]"));
    }

    [Fact]
    public async Task ImportAsync_DatabaseLockedByAnotherConnection_ListsThatTheDatabaseCouldNotBeWrittenNotTheFile()
    {
        factory.CreateClient().Dispose();
        using var scope = factory.Services.CreateScope();
        var backup = scope.ServiceProvider.GetRequiredService<ContentBackup>();
        var file = JsonSerializer.SerializeToUtf8Bytes(await backup.ExportAsync(LeakRightsFactory.Now.UtcDateTime), ContentBackup.Json);

        IReadOnlyList<string> problems;
        using (factory.Lock())
        {
            problems = await backup.ImportAsync(new MemoryStream(file), "test", null);
        }

        Assert.Equal([ContentBackup.UnavailableProblem], problems);
        Assert.Contains(factory.Logs.Lines, l => l.StartsWith("Import failed: the database could not be written", StringComparison.Ordinal));
    }
}
