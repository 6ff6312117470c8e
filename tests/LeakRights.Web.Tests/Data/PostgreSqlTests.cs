using System.Net;
using LeakRights.Web.Admin;
using LeakRights.Web.Cases;
using LeakRights.Web.Data;
using LeakRights.Web.Infrastructure;
using LeakRights.Web.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LeakRights.Web.Tests.Data;

/// <summary>
/// Two instances on one PostgreSQL database: what one writes (a case file, a plan link's Data Protection key, sign-in
/// failures and their audit rows) the other reads, and the columns have PostgreSQL's types (bytea, timestamptz). Skipped
/// with a reason without LEAKRIGHTS_TEST_POSTGRES; .ci/run sets it and LEAKRIGHTS_REQUIRE_POSTGRES=1, so there they run.
/// The rest of the suite runs on PostgreSQL too in .ci/run's second, filtered run (LEAKRIGHTS_TEST_PROVIDER=PostgreSql).
/// </summary>
public sealed class PostgreSqlTests
{
    [SkippableFact]
    public async Task CaseFile_SavedThroughOneInstance_OpensThroughTheOtherAndIsStoredAsCiphertext()
    {
        ContentVersionTests.SkipUnlessAvailable(DatabaseProvider.PostgreSql);
        using var a = LeakRightsFactory.On(DatabaseProvider.PostgreSql);
        using var b = LeakRightsFactory.Sharing(a);
        a.CreateClient().Dispose();
        CaseLink link;
        using (var scope = a.Services.CreateScope())
        {
            link = await scope.ServiceProvider.GetRequiredService<CaseStore>().CreateAsync(TestCases.BankFraud(a.Services, TestCases.Sent("e1")));
        }

        using var clientB = b.CreateClient();
        var page = await clientB.GetAsync(link.Path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("EA123456789CN", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = b.CreateDbContext();
        var row = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == link.Id);
        Assert.Equal(DateTimeKind.Utc, row.CreatedAt.Kind);
        Assert.Equal(a.Clock.GetUtcNow().UtcDateTime.AddTicks(-(a.Clock.GetUtcNow().Ticks % TimeSpan.TicksPerSecond)), row.CreatedAt);
        Assert.DoesNotContain("EA123456789CN"u8.ToArray(), Windows(row.Sealed, 13));
    }

    /// <summary>A plan link made by one instance opens on the other: both use the one key ring in the database.</summary>
    [SkippableFact]
    public async Task PlanLink_MadeByOneInstance_OpensOnTheOtherWithTheSharedKey()
    {
        ContentVersionTests.SkipUnlessAvailable(DatabaseProvider.PostgreSql);
        using var a = LeakRightsFactory.On(DatabaseProvider.PostgreSql);
        using var b = LeakRightsFactory.Sharing(a);
        a.CreateClient().Dispose();
        var answers = TestCases.BankFraud(a.Services).Answers;
        var token = a.Services.GetRequiredService<PlanLinks>().Create(answers, out _);

        using var clientB = b.CreateClient();
        var plan = await clientB.GetAsync("/plan/" + token);

        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        await using var db = b.CreateDbContext();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }

    /// <summary>
    /// Failed sign-ins through one instance lock the account on the other (the reservation is one upsert statement, which
    /// PostgreSQL only accepts with the existing row's columns named by table) and fold into one audit row, timed in UTC.
    /// </summary>
    [SkippableFact]
    public async Task SignIn_FailuresThroughOneInstance_LockTheOtherAndFoldIntoOneAuditRow()
    {
        ContentVersionTests.SkipUnlessAvailable(DatabaseProvider.PostgreSql);
        using var a = LeakRightsFactory.On(DatabaseProvider.PostgreSql);
        using var b = LeakRightsFactory.Sharing(a);
        a.CreateClient().Dispose();
        b.CreateClient().Dispose();
        using (var scope = a.Services.CreateScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateAsync("pg-admin", "a long enough password"));
        }

        for (var i = 0; i < AdminAccounts.MaxFailedAttempts; i++)
        {
            using var scope = a.Services.CreateScope();
            Assert.Equal(SignInOutcome.Failed, (await scope.ServiceProvider.GetRequiredService<AdminAccounts>().SignInAsync("pg-admin", "not the password", "192.0.2.9")).Outcome);
        }

        SignInOutcome onB;
        using (var scope = b.Services.CreateScope())
        {
            onB = (await scope.ServiceProvider.GetRequiredService<AdminAccounts>().SignInAsync("pg-admin", "a long enough password", "192.0.2.9")).Outcome;
        }

        Assert.Equal(SignInOutcome.Failed, onB);
        await using var db = b.CreateDbContext();
        var failures = await db.AuditEntries.AsNoTracking().Where(e => e.Kind == AuditKinds.SignInFailed && e.Actor == "pg-admin" && e.Detail == "wrong password").ToListAsync();
        var row = Assert.Single(failures);
        Assert.True(row.Count >= AdminAccounts.MaxFailedAttempts, $"count {row.Count}");
        Assert.Equal(DateTimeKind.Utc, row.TimeUtc.Kind);
        Assert.Equal(a.Clock.GetUtcNow().UtcDateTime, row.TimeUtc);
    }

    /// <summary>
    /// Moving from SQLite: a content export written by a SQLite instance (times without a zone, as SQLite hands them back)
    /// imports into PostgreSQL, whose timestamptz takes only UTC, with every revision time kept.
    /// </summary>
    [SkippableFact]
    public async Task Import_ExportFromASqliteInstance_KeepsEveryRevisionTime()
    {
        ContentVersionTests.SkipUnlessAvailable(DatabaseProvider.PostgreSql);
        string file;
        using (var sqlite = LeakRightsFactory.On(DatabaseProvider.Sqlite))
        {
            sqlite.CreateClient().Dispose();
            await ContentVersionTests.SaveArticleAsync(sqlite, new Core.Content.CitationRef("pipl", "47"), "（迁移前的修订）");
            using var scope = sqlite.Services.CreateScope();
            var backup = await scope.ServiceProvider.GetRequiredService<ContentBackup>().ExportAsync(LeakRightsFactory.Now.UtcDateTime);
            file = System.Text.Json.JsonSerializer.Serialize(backup, ContentBackup.Json);
        }

        // Older SQLite exports carry no zone: "2026-11-27T02:00:00".
        var zoneless = System.Text.RegularExpressions.Regex.Replace(file, "(\"createdAtUtc\": \"[0-9T:.-]+)Z?\"", "$1\"");
        Assert.Contains("\"createdAtUtc\": \"2026-11-27T02:00:00\"", zoneless, StringComparison.Ordinal);
        using var pg = LeakRightsFactory.On(DatabaseProvider.PostgreSql);
        pg.CreateClient().Dispose();
        IReadOnlyList<string> problems;
        using (var scope = pg.Services.CreateScope())
        {
            problems = await scope.ServiceProvider.GetRequiredService<ContentBackup>().ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(zoneless)), "test", null);
        }

        Assert.Empty(problems);
        await using var db = pg.CreateDbContext();
        var edit = await db.ArticleRevisions.AsNoTracking().SingleAsync(r => r.Editor == "tester");
        Assert.Equal(LeakRightsFactory.Now.UtcDateTime, edit.CreatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, edit.CreatedAtUtc.Kind);
    }

    /// <summary>
    /// An admin save PostgreSQL refuses for its own reasons (here a read-only transaction, 25006, as on a read-only replica or
    /// a full disk) is the 503 "could not save" page with the text kept, never a conflict; the log names the error code.
    /// </summary>
    [SkippableFact]
    public async Task AdminSave_DatabaseReadOnly_Is503WithTheTextKeptAndTheErrorCodeLogged()
    {
        ContentVersionTests.SkipUnlessAvailable(DatabaseProvider.PostgreSql);
        using var app = new ReadOnlySwitchApp();
        using var s = await Pages.Admin.AdminSession.SignedInAsync(app);
        var (_, page) = await s.GetAsync("/admin/statutes/pipl/50");
        var revision = page.QuerySelector<IHtmlInputElement>("input[name=ExpectedRevision]")!.Value;
        const string text = "（只读测试）管理员输入的条文不应丢失。";

        app.ReadOnly.On = true;
        var response = await s.SubmitAsync(page, Fields.Of(("Text", text), ("Note", "只读测试"), ("Effective", "2026-03-01"), ("ExpectedRevision", revision)), action: "/admin/statutes/pipl/50?handler=Save");
        app.ReadOnly.On = false;

        var shown = await WebSession.ParseAsync(response);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(ContentEditor.UnavailableMessage, shown.QuerySelector("[data-save-failed]")!.TextContent.Trim());
        Assert.Equal(text, shown.QuerySelector<IHtmlTextAreaElement>("#f-text")!.Value);
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Saving content \"pipl#50\" failed", StringComparison.Ordinal) && l.Contains("PostgreSQL 25006", StringComparison.Ordinal));
    }

    private sealed class ReadOnlySwitchApp() : LeakRightsFactory(TestDatabase.Create(DatabaseProvider.PostgreSql))
    {
        public QueryOnlySwitch ReadOnly { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddLeakRightsDbInterceptor(ReadOnly));
        }
    }

    /// <summary>The PostgreSQL migrations give the columns PostgreSQL's own types: nothing stored as text that is not text.</summary>
    [SkippableFact]
    public async Task Migrations_OnPostgreSql_UseByteaTimestamptzAndBoundedIds()
    {
        ContentVersionTests.SkipUnlessAvailable(DatabaseProvider.PostgreSql);
        using var app = LeakRightsFactory.On(DatabaseProvider.PostgreSql);
        app.CreateClient().Dispose();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name || '.' || column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'", connection);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        Assert.Equal("bytea", types["Cases.Sealed"]);
        Assert.Equal("timestamp with time zone", types["Cases.UpdatedAt"]);
        Assert.Equal("timestamp with time zone", types["AuditEntries.TimeUtc"]);
        Assert.Equal("timestamp with time zone", types["AdminSignInThrottles.LockoutEndUtc"]);
        Assert.Equal("character varying", types["Cases.Id"]);
        Assert.Equal("text", types["DataProtectionKeys.Xml"]);
        Assert.Equal("bigint", types["ContentVersions.Version"]);
        Assert.Equal("text", types["Laws.Effective"]);
    }

    private static IEnumerable<byte[]> Windows(byte[] data, int size)
    {
        for (var i = 0; i + size <= data.Length; i++)
        {
            yield return data[i..(i + size)];
        }
    }
}
