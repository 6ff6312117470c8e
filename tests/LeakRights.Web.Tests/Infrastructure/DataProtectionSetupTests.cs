using System.Net;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public void GetAllKeys_AfterStart_EveryKeyProtectsWithAes256Gcm()
    {
        factory.CreateClient().Dispose();

        var keys = factory.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>().GetAllKeys();

        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            var encryption = k.Descriptor.ExportToXml().SerializedDescriptorElement.Element("encryption")!;
            Assert.Equal("AES_256_GCM", encryption.Attribute("algorithm")!.Value);
        });
    }

    [Fact]
    public void Unprotect_PayloadOfAKeyMadeBeforeGcm_StillOpensAndThatKeyStaysInUseUntilItExpires()
    {
        // Deployed instances have keys made with the framework's default (AES-256-CBC + HMAC-SHA256): their links and cookies
        // must keep opening after the change, and the switch happens at the next key (the descriptor is per key).
        var folder = Directory.CreateTempSubdirectory("lr-dp-");
        try
        {
            IDataProtector Protector(bool gcm)
            {
                var services = new ServiceCollection();
                var builder = services.AddDataProtection().SetApplicationName("LeakRights").PersistKeysToFileSystem(folder);
                if (gcm)
                {
                    builder.UseCryptographicAlgorithms(DataProtectionSetup.PayloadAlgorithms);
                }

                return services.BuildServiceProvider().GetDataProtector("plan-link");
            }

            var before = Protector(gcm: false).Protect("答案：张三");
            var after = Protector(gcm: true);

            Assert.Equal("答案：张三", after.Unprotect(before));
            Assert.Equal(before.Length, after.Protect("答案：张三").Length); // still the older CBC key: same size

            Assert.Single(folder.GetFiles("key-*.xml"));
            var fresh = Directory.CreateTempSubdirectory("lr-dp-");
            try
            {
                var services = new ServiceCollection();
                services.AddDataProtection().SetApplicationName("LeakRights").PersistKeysToFileSystem(fresh).UseCryptographicAlgorithms(DataProtectionSetup.PayloadAlgorithms);
                var gcm = services.BuildServiceProvider().GetDataProtector("plan-link").Protect("答案：张三");
                Assert.True(gcm.Length < before.Length, $"a GCM payload ({gcm.Length}) is shorter than a CBC one ({before.Length})");
            }
            finally
            {
                fresh.Delete(recursive: true);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "LeakRights.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
