using System.Net;
using System.Text;
using LeakRights.Web.Data;
using LeakRights.Web.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Cases;

/// <summary>
/// Issue 13's privacy proof, on a real SQLite file in WAL mode (as in production): after a whole case flow, neither the
/// database file nor its WAL holds any answer, letter detail, note or reference in plain text (UTF-8 or UTF-16), and the
/// secret never reaches the logs, not even when the database fails.
/// </summary>
public sealed class CasePrivacyTests(CasePrivacyTests.FileDatabaseApp factory) : IClassFixture<CasePrivacyTests.FileDatabaseApp>
{
    private const string Organisation = "泄露测试单位ZQX8841";
    private const string YourName = "欧阳测试名";
    private const string Contact = "13912345678";
    private const string Address = "测试市幸福路88号9栋";
    private const string WhatHappened = "对方客服泄露了我的订单号QWX2207";
    private const string Reference = "EA123456789CN";
    private const string Note = "挂号信已寄出测试备注";
    private const string Loss = "73519";

    private static readonly string[] Secrets = [Organisation, YourName, Contact, Address, WhatHappened, Reference, Note, Loss, "\"answers\":", "\"progress\":", "organisation-name"];

    public sealed class FileDatabaseApp : LeakRightsFactory
    {
        /// <summary>A SQLite file, whatever LEAKRIGHTS_TEST_PROVIDER says: this is about SQLite's own files and locks.</summary>
        public FileDatabaseApp()
            : base(TestDatabase.Create(DatabaseProvider.Sqlite))
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"lr-case-privacy-{Guid.NewGuid():N}.db");
            With("ConnectionStrings:LeakRights", $"Data Source={Path}");
        }

        public string Path { get; }

        /// <summary>While on, every connection EF opens is read-only (a full disk, say).</summary>
        public QueryOnlySwitch ReadOnly { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.ConfigureDbContext<LeakRightsDbContext>(o => o.AddInterceptors(ReadOnly)));
        }

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

    [Fact]
    public async Task DatabaseFileAndWal_AfterAWholeCaseFlow_HoldNoAnswerLetterDetailNoteOrReference()
    {
        var api = new CaseApiClient(factory.CreateClient());
        var answers = TestCases.BankFraudAnswers.Replace("某银行某支行", Organisation, StringComparison.Ordinal).Replace("20000", Loss, StringComparison.Ordinal);
        var letter = $"\"your-name\":\"{YourName}\",\"your-contact\":\"{Contact}\",\"organisation-address\":\"{Address}\",\"what-happened\":\"{WhatHappened}\"";
        var (id, secret, _) = await api.CreateAsync("{\"answers\":" + answers + ",\"letter\":{" + letter + "}}");
        for (var i = 0; i < 3; i++)
        {
            var added = await api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, CaseApiClient.Entry(reference: Reference, note: Note));
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var read = await CaseApiClient.ReadAsync(await api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", secret));
        Assert.Equal(Organisation, read.GetProperty("answers").GetProperty("organisation-name").GetString());
        Assert.Equal(Note, read.GetProperty("progress")[2].GetProperty("note").GetString());

        var wal = ReadShared(factory.Path + "-wal");
        Assert.True(wal.Length > 0, "The test proves nothing unless the WAL holds the writes.");
        AssertHoldsNone("the WAL", wal);
        AssertHoldsNone("the database file", ReadShared(factory.Path));

        // And once everything is checkpointed into the main file.
        using (var connection = new SqliteConnection($"Data Source={factory.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }

        AssertHoldsNone("the checkpointed database file", ReadShared(factory.Path));
    }

    [Fact]
    public async Task Logs_WholeCaseFlowIncludingPagesAndADatabaseFailure_NeverContainTheSecret()
    {
        using var session = new WebSession(factory);
        var api = new CaseApiClient(session.Client);
        var (id, secret, _) = await api.CreateAsync();
        await api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, CaseApiClient.Entry(note: Note));
        await api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", secret);
        await api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{id}", secret[..20]);

        var (_, exportPage) = await session.GetAsync($"/case/{id}/{secret}/export");
        var file = await (await session.SubmitAsync(exportPage, Fields.Of(("mode", "plain")))).Content.ReadAsByteArrayAsync();
        var imported = await Pages.Case.ExportImportSession.ImportAsync(session, file, passphrase: null);
        var importedSecret = imported.Headers.Location!.OriginalString.Split('/')[^1];
        await session.GetAsync($"/case/{id}/{secret}/nothing-here");

        factory.ReadOnly.On = true;
        var failed = await api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{id}/progress", secret, CaseApiClient.Entry(note: Note));
        factory.ReadOnly.On = false;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);

        var trace = new Trace();
        trace.Apply(session.Client);
        await api.SendAsync(HttpMethod.Delete, $"/api/v1/cases/{id}", secret);
        Assert.Contains("\"/api/v1/cases/{id}\" responded 204", await factory.Logs.WaitForRequestAsync(trace), StringComparison.Ordinal);

        var logs = factory.Logs.All;
        Assert.Contains("/case/{id}/{secret}/export", logs, StringComparison.Ordinal);
        Assert.Contains("responded 503", logs, StringComparison.Ordinal);
        Assert.Contains("CaseStoreUnavailableException", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[..20], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(importedSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Note, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("王小明", logs, StringComparison.Ordinal);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// Each text in UTF-8, UTF-16 (both byte orders) and as JSON writes it by default (Chinese as \uXXXX escapes, in either
    /// letter case): a payload leaked as JSON would show only in that last form.
    /// </summary>
    private static void AssertHoldsNone(string what, byte[] bytes)
    {
        foreach (var text in Secrets)
        {
            var escaped = System.Text.Json.JsonEncodedText.Encode(text).ToString();
            var forms = new (string Name, byte[] Bytes)[]
            {
                ("UTF-8", Encoding.UTF8.GetBytes(text)),
                ("UTF-16LE", Encoding.Unicode.GetBytes(text)),
                ("UTF-16BE", Encoding.BigEndianUnicode.GetBytes(text)),
                ("JSON-escaped", Encoding.UTF8.GetBytes(escaped)),
                ("JSON-escaped, lower case", Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(escaped, @"\\u[0-9A-F]{4}", m => m.Value.ToLowerInvariant()))),
            };
            foreach (var (name, form) in forms)
            {
                Assert.False(bytes.AsSpan().IndexOf(form) >= 0, $"{what} holds '{text}' ({name})");
            }
        }
    }
}
