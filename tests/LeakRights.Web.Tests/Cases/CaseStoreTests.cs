using System.Data.Common;
using System.Text.Json;
using LeakRights.Core.Answers;
using LeakRights.Core.Cases;
using LeakRights.Web.Cases;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeakRights.Web.Tests.Cases;

/// <summary>A case as the tests make one: the bank insider of CheckFlow, with letter details and optional progress.</summary>
internal static class TestCases
{
    public const string BankFraudAnswers = """{"source":"bank","insider":"yes","organisation-name":"某银行某支行","data-types":["identity","contact","property"],"scale":"unknown","discovery":["fraud-contact"],"evidence":["call-sms-records","loss-proof"],"harms":["financial-loss"],"loss-amount":20000,"ongoing-danger":"no","contacted-organisation":"not-yet","police-report":"no","discovered-on":"2026-10","infringer-known":"yes","infringer-known-on":"2026-10"}""";

    public static CaseFile BankFraud(IServiceProvider services, params ProgressEntry[] progress)
    {
        var walker = services.GetRequiredService<QuestionnaireWalker>();
        using var doc = JsonDocument.Parse(BankFraudAnswers);
        var parsed = walker.ParseAll(AnswerJson.ReadObject(doc.RootElement).Raw, acceptLetterFields: false);
        Assert.Empty(parsed.Errors);
        return new CaseFile(parsed.Answers, new Dictionary<string, string> { ["your-name"] = "王小明" }, progress, new DateOnly(2026, 11, 27));
    }

    public static ProgressEntry Sent(string id, string reference = "EA123456789CN") =>
        new(id, "send-deletion-request", ProgressKind.Done, new DateOnly(2026, 11, 26), "ems", reference, null, null);
}

public sealed class CaseStoreTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    private T With<T>(Func<CaseStore, T> use)
    {
        var scope = factory.Services.CreateScope();
        return use(scope.ServiceProvider.GetRequiredService<CaseStore>());
    }

    private Task<CaseLink> CreateAsync(CaseFile? file = null) => With(s => s.CreateAsync(file ?? TestCases.BankFraud(factory.Services)));

    private Task<OpenedCase?> OpenAsync(string? id, string? secret) => With(s => s.OpenAsync(id, secret));

    [Fact]
    public async Task Create_ThenOpen_ReturnsTheFileAtVersion1()
    {
        var now = factory.Clock.GetUtcNow();
        var link = await CreateAsync(TestCases.BankFraud(factory.Services, TestCases.Sent("e1")));

        var opened = await OpenAsync(link.Id, link.Secret);

        Assert.NotNull(opened);
        Assert.Equal(1, opened.Version);
        Assert.Equal("某银行某支行", ((TextAnswer)opened.File.Answers.Values["organisation-name"]).Value);
        Assert.Equal("王小明", opened.File.LetterFields["your-name"]);
        Assert.Equal("EA123456789CN", Assert.Single(opened.File.Progress).Reference);
        Assert.Empty(opened.DroppedAnswers);
        Assert.Equal(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)), opened.CreatedAt);
        Assert.Equal(41, link.Path.Length);
        Assert.DoesNotContain(link.Secret, link.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_MissingIdWrongSecretOrMalformed_AllNull()
    {
        var link = await CreateAsync();

        Assert.Null(await OpenAsync(CaseCrypto.NewId(), link.Secret));
        Assert.Null(await OpenAsync(link.Id, CaseCrypto.NewSecret()));
        Assert.Null(await OpenAsync(link.Id, link.Secret[..21]));
        Assert.Null(await OpenAsync(link.Id + "x", link.Secret));
        Assert.Null(await OpenAsync(link.Id, null));
        Assert.Null(await OpenAsync("'; DROP TABLE", link.Secret));
        Assert.NotNull(await OpenAsync(link.Id, link.Secret));
    }

    [Fact]
    public async Task Open_RowThatDoesNotDecrypt_IsNullLikeAMissingOne()
    {
        var link = await CreateAsync();
        using (var db = factory.CreateDbContext())
        {
            var row = await db.Cases.SingleAsync(c => c.Id == link.Id);
            var changed = (byte[])row.Sealed.Clone();
            changed[^1] ^= 0xFF;
            row.Sealed = changed;
            await db.SaveChangesAsync();
        }

        Assert.Null(await OpenAsync(link.Id, link.Secret));
    }

    /// <summary>A case written by the first version (a committed fixture) opens through the store with its answers and progress.</summary>
    [Fact]
    public async Task Open_CaseSealedByVersion1_OpensWithItsAnswersLetterAndProgress()
    {
        using (var db = factory.CreateDbContext())
        {
            db.Cases.Add(new CaseEntity { Id = CaseFixtures.Id, Sealed = CaseFixtures.Version1Blob, CreatedAt = LeakRightsFactory.Now.UtcDateTime, UpdatedAt = LeakRightsFactory.Now.UtcDateTime, Version = 7 });
            await db.SaveChangesAsync();
        }

        var opened = await OpenAsync(CaseFixtures.Id, CaseFixtures.Secret);

        Assert.NotNull(opened);
        Assert.Equal(7, opened.Version);
        Assert.Equal(new DateOnly(2026, 11, 20), opened.File.CreatedOn);
        Assert.Equal("某银行某支行", ((TextAnswer)opened.File.Answers.Values["organisation-name"]).Value);
        Assert.Equal("王小明", opened.File.LetterFields["your-name"]);
        var entry = Assert.Single(opened.File.Progress);
        Assert.Equal(new ProgressEntry("e1", "send-deletion-request", ProgressKind.Done, new DateOnly(2026, 11, 21), "ems", "EA123456789CN", "挂号寄出", null), entry);
    }

    [Fact]
    public async Task Save_StaleVersion_ConflictAndNoEntryOfTheOtherDeviceLost()
    {
        var link = await CreateAsync();
        var phone = (await OpenAsync(link.Id, link.Secret))!;
        var laptop = (await OpenAsync(link.Id, link.Secret))!;

        var first = await With(s => s.SaveAsync(link.Id, link.Secret, phone.File.WithEntry(TestCases.Sent("phone1")), phone.Version));
        var stale = await With(s => s.SaveAsync(link.Id, link.Secret, laptop.File.WithEntry(TestCases.Sent("laptop1")), laptop.Version));
        var fresh = (await OpenAsync(link.Id, link.Secret))!;
        var again = await With(s => s.SaveAsync(link.Id, link.Secret, fresh.File.WithEntry(TestCases.Sent("laptop1")), fresh.Version));
        var final = (await OpenAsync(link.Id, link.Secret))!;

        Assert.Equal(new CaseSaveResult.Saved(2), first);
        Assert.IsType<CaseSaveResult.Conflict>(stale);
        Assert.Equal(["phone1"], fresh.File.Progress.Select(e => e.Id));
        Assert.Equal(new CaseSaveResult.Saved(3), again);
        Assert.Equal(["phone1", "laptop1"], final.File.Progress.Select(e => e.Id));
        Assert.Equal(3, final.Version);
    }

    [Fact]
    public async Task Save_WrongSecretOrMissingId_NotFoundAndNothingWritten()
    {
        var link = await CreateAsync();
        var file = TestCases.BankFraud(factory.Services, TestCases.Sent("x"));

        var wrong = await With(s => s.SaveAsync(link.Id, CaseCrypto.NewSecret(), file, 1));
        var missing = await With(s => s.SaveAsync(CaseCrypto.NewId(), link.Secret, file, 1));

        Assert.IsType<CaseSaveResult.NotFound>(wrong);
        Assert.IsType<CaseSaveResult.NotFound>(missing);
        var opened = (await OpenAsync(link.Id, link.Secret))!;
        Assert.Equal(1, opened.Version);
        Assert.Empty(opened.File.Progress);
    }

    [Fact]
    public async Task Save_NewCiphertextEachTime_SameSizeWithinABucket()
    {
        var link = await CreateAsync();
        byte[] before;
        using (var db = factory.CreateDbContext())
        {
            before = (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == link.Id)).Sealed;
        }

        await With(s => s.SaveAsync(link.Id, link.Secret, TestCases.BankFraud(factory.Services), 1));

        using (var db = factory.CreateDbContext())
        {
            var after = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == link.Id);
            Assert.NotEqual(before, after.Sealed);
            Assert.Equal(before.Length, after.Sealed.Length);
            Assert.Equal(2, after.Version);
        }
    }

    [Fact]
    public async Task Delete_WithItsLink_RemovesTheRow()
    {
        var link = await CreateAsync();
        var other = await CreateAsync();

        var wrongSecret = await With(s => s.DeleteAsync(link.Id, CaseCrypto.NewSecret()));
        var deleted = await With(s => s.DeleteAsync(link.Id, link.Secret));
        var twice = await With(s => s.DeleteAsync(link.Id, link.Secret));

        Assert.False(wrongSecret);
        Assert.True(deleted);
        Assert.False(twice);
        using var db = factory.CreateDbContext();
        Assert.False(await db.Cases.AnyAsync(c => c.Id == link.Id));
        Assert.True(await db.Cases.AnyAsync(c => c.Id == other.Id));
        Assert.Null(await OpenAsync(link.Id, link.Secret));
    }

    [Fact]
    public async Task Open_UsedAgainAfterMoreThanADay_MovesUpdatedAtOnceWithoutANewVersion()
    {
        var link = await CreateAsync();
        var created = (await OpenAsync(link.Id, link.Secret))!;

        factory.Clock.Advance(TimeSpan.FromHours(23));
        var sameDay = (await OpenAsync(link.Id, link.Secret))!;
        factory.Clock.Advance(TimeSpan.FromHours(2));
        var nextDay = (await OpenAsync(link.Id, link.Secret))!;
        var stored = await StoredAsync(link.Id);

        Assert.Equal(created.UpdatedAt, sameDay.UpdatedAt);
        Assert.Equal(created.UpdatedAt + TimeSpan.FromHours(25), nextDay.UpdatedAt);
        Assert.Equal(nextDay.UpdatedAt.UtcDateTime, stored.UpdatedAt);
        Assert.Equal(1, stored.Version);
    }

    /// <summary>Old rows go, recent ones and ones opened recently stay. Asserted on the table: the hosted loop may purge at the same time.</summary>
    [Fact]
    public async Task Purge_UnusedLongerThanTheRetention_DeletesOnlyThose()
    {
        var retention = factory.Services.GetRequiredService<CaseRetention>();
        var old = await CreateAsync();
        var openedLater = await CreateAsync();
        factory.Clock.Advance(TimeSpan.FromDays(200));
        var recent = await CreateAsync();
        Assert.NotNull(await OpenAsync(openedLater.Id, openedLater.Secret));
        factory.Clock.Advance(TimeSpan.FromDays(200));

        await retention.PurgeAsync();

        using var db = factory.CreateDbContext();
        var ids = await db.Cases.Select(c => c.Id).ToListAsync();
        Assert.DoesNotContain(old.Id, ids);
        Assert.Contains(openedLater.Id, ids);
        Assert.Contains(recent.Id, ids);
        var cutoff = retention.Cutoff;
        Assert.Equal(0, await db.Cases.CountAsync(c => c.UpdatedAt < cutoff));
    }

    [Fact]
    public async Task Purge_JustInsideTheRetention_KeepsTheCase()
    {
        var retention = factory.Services.GetRequiredService<CaseRetention>();
        var link = await CreateAsync();
        var createdAt = (await StoredAsync(link.Id)).UpdatedAt;

        // Twelve months to the second, minus one second: still kept.
        factory.Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(createdAt, DateTimeKind.Utc).AddMonths(12).AddSeconds(-1)));
        await retention.PurgeAsync();
        var kept = await ExistsAsync(link.Id);
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await retention.PurgeAsync();

        Assert.True(kept);
        Assert.False(await ExistsAsync(link.Id));
    }

    private async Task<CaseEntity> StoredAsync(string id)
    {
        using var db = factory.CreateDbContext();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task<bool> ExistsAsync(string id)
    {
        using var db = factory.CreateDbContext();
        return await db.Cases.AnyAsync(c => c.Id == id);
    }
}

/// <summary>A database that cannot be reached or written: a clear exception, and nothing half-written.</summary>
public sealed class CaseStoreUnavailableTests
{
    [Fact]
    public async Task OpenAndCreate_DatabaseFileCannotBeOpened_ThrowCaseStoreUnavailable()
    {
        using var factory = new LeakRightsFactory();
        var options = new DbContextOptionsBuilder<LeakRightsDbContext>()
            .UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), "lr-absent-" + Guid.NewGuid().ToString("N"), "cases.db")};Mode=ReadWrite")
            .Options;
        await using var db = new LeakRightsDbContext(options);
        var store = new CaseStore(db, factory.Services.GetRequiredService<QuestionnaireWalker>(), TimeProvider.System, NullLogger<CaseStore>.Instance);

        var open = await Assert.ThrowsAsync<CaseStoreUnavailableException>(() => store.OpenAsync(CaseCrypto.NewId(), CaseCrypto.NewSecret()));
        await Assert.ThrowsAsync<CaseStoreUnavailableException>(() => store.CreateAsync(TestCases.BankFraud(factory.Services)));
        await Assert.ThrowsAsync<CaseStoreUnavailableException>(() => store.DeleteAsync(CaseCrypto.NewId(), CaseCrypto.NewSecret()));

        Assert.IsAssignableFrom<DbException>(open.InnerException);
    }

    [Fact]
    public async Task SaveCreateDelete_DatabaseReadOnly_ThrowCaseStoreUnavailableAndChangeNothing()
    {
        var readOnly = new QueryOnlySwitch();
        using var factory = new LeakRightsFactory();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.ConfigureDbContext<LeakRightsDbContext>(o => o.AddInterceptors(readOnly))));
        CaseLink link;
        using (var scope = app.Services.CreateScope())
        {
            link = await scope.ServiceProvider.GetRequiredService<CaseStore>().CreateAsync(TestCases.BankFraud(app.Services));
        }

        var before = await RowsAsync(app);
        readOnly.On = true;
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<CaseStore>();
            var opened = await store.OpenAsync(link.Id, link.Secret);
            Assert.NotNull(opened);
            await Assert.ThrowsAsync<CaseStoreUnavailableException>(() => store.SaveAsync(link.Id, link.Secret, opened.File.WithEntry(TestCases.Sent("lost")), opened.Version));
            await Assert.ThrowsAsync<CaseStoreUnavailableException>(() => store.CreateAsync(TestCases.BankFraud(app.Services)));
            await Assert.ThrowsAsync<CaseStoreUnavailableException>(() => store.DeleteAsync(link.Id, link.Secret));
        }

        readOnly.On = false;
        var after = await RowsAsync(app);

        Assert.Equal(before.Select(r => (r.Id, r.Version, Convert.ToBase64String(r.Sealed))), after.Select(r => (r.Id, r.Version, Convert.ToBase64String(r.Sealed))));
    }

    private static async Task<List<CaseEntity>> RowsAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LeakRightsDbContext>().Cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }
}

/// <summary>Sets SQLite's query_only on every connection EF opens while <see cref="On"/> is true: reads work, every write fails (like a full disk).</summary>
public sealed class QueryOnlySwitch : DbConnectionInterceptor
{
    private volatile bool _on;

    public bool On
    {
        get => _on;
        set => _on = value;
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = On ? "PRAGMA query_only = ON;" : "PRAGMA query_only = OFF;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = On ? "PRAGMA query_only = ON;" : "PRAGMA query_only = OFF;";
        command.ExecuteNonQuery();
    }
}
