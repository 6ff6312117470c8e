using System.Net;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace LeakRights.Web.Tests.Infrastructure;

public sealed class DataProtectionSetupTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    [Fact]
    public async Task StoreElement_NewKey_IsEncryptedAtRest()
    {
        factory.CreateClient().Dispose();

        await using var db = factory.CreateDbContext();
        var rows = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();

        Assert.NotEmpty(rows);
        Assert.All(rows, xml =>
        {
            Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
            Assert.Contains(typeof(AesGcmXmlDecryptor).FullName!, xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task GetAllElements_CorruptedKeyRow_IsSkippedWithALogLineNamingItAndLinksStillOpen()
    {
        using var first = new LeakRightsFactory();
        string link;
        using (var s = new WebSession(first))
        {
            link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        }

        var badId = Guid.NewGuid();
        await using (var db = first.CreateDbContext())
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = $"key-{badId}", Xml = $"<key id=\"{badId}\" version=\"1\"><creationDate>2026-" });
            await db.SaveChangesAsync();
        }

        using var restarted = LeakRightsFactory.Sharing(first.DatabaseName);
        using var later = new WebSession(restarted);
        var (response, _) = await later.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"key-{badId}", restarted.Logs.All, StringComparison.Ordinal);
        Assert.Contains("the XML is damaged", restarted.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NoKeyOutsideDevelopmentAndTesting_RefusesToStartNamingTheSetting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => KeyEncryptionKey.From(null, new Environment(Environments.Production)));

        Assert.Contains(DataProtectionSetup.KeyEncryptionKeySetting, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]
    public void From_KeyThatIsNot32Bytes_IsRefused(string configured) =>
        Assert.Throws<InvalidOperationException>(() => KeyEncryptionKey.From(configured, new Environment(Environments.Production)));

    [Fact]
    public void From_NoKeyInDevelopment_UsesTheDevelopmentKey()
    {
        var kek = KeyEncryptionKey.From(null, new Environment(Environments.Development));
        var configured = KeyEncryptionKey.From(Convert.ToBase64String(new byte[32]), new Environment(Environments.Production));

        Assert.True(kek.IsDevelopmentKey);
        Assert.False(configured.IsDevelopmentKey);
        Assert.NotEqual(kek.Id, configured.Id);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "LeakRights.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
