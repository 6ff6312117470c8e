using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Data Protection (plan links, the answer cookie, admin sign-in): keys in the database, each encrypted at rest with AES-256-GCM
/// under a key-encryption key from configuration, read row by row so one damaged row is skipped, not fatal. See
/// docs/decisions/0007-data-protection-key-encryption.md.
/// </summary>
public static class DataProtectionSetup
{
    public const string Section = "LeakRights:DataProtection";

    public const string KeyEncryptionKeySetting = Section + ":KeyEncryptionKey";

    /// <summary>The algorithm of the keys created from now on (see <see cref="AddLeakRightsDataProtection"/>).</summary>
    public static AuthenticatedEncryptorConfiguration PayloadAlgorithms => new()
    {
        EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
        ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
    };

    public static IServiceCollection AddLeakRightsDataProtection(this IServiceCollection services)
    {
        services.AddValidatedOptions<DataProtectionSettings>(Section);
        services.AddSingleton<IValidateOptions<DataProtectionSettings>, DataProtectionSettings.Validator>();
        services.AddSingleton(sp => KeyEncryptionKey.From(sp.GetRequiredService<IOptions<DataProtectionSettings>>().Value.KeyEncryptionKey, sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddScoped<DataProtectionKeyBackup>();
        // Payloads (antiforgery tokens, plan links, cookies) with AES-256-GCM instead of the default AES-256-CBC + HMAC-SHA256:
        // the framework's own authenticated encryption, 24 bytes shorter per payload and ~25 % (protect) to ~40 % (unprotect)
        // less CPU (issue 15, docs/performance.md finding 18). It applies to keys created from now on; a key made before keeps
        // its algorithm (in its descriptor), so every existing link and cookie still opens.
        services.AddDataProtection().SetApplicationName("LeakRights").UseCryptographicAlgorithms(PayloadAlgorithms);
        services.AddOptions<KeyManagementOptions>().Configure<DatabaseXmlRepository, KeyEncryptionKey>((o, repository, kek) =>
        {
            o.XmlRepository = repository;
            o.XmlEncryptor = new AesGcmXmlEncryptor(kek);
        });
        return services;
    }
}

/// <summary>Settings under "LeakRights:DataProtection". See docs/deployment.md and docs/decisions/0007.</summary>
public sealed class DataProtectionSettings
{
    /// <summary>32 random bytes in base64; required outside Development and Testing (see <see cref="KeyEncryptionKey.From"/>).</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>Checks the key at start, with <see cref="Infrastructure.KeyEncryptionKey.From"/>'s rules and messages (which name the setting).</summary>
    public sealed class Validator(IHostEnvironment environment) : IValidateOptions<DataProtectionSettings>
    {
        public ValidateOptionsResult Validate(string? name, DataProtectionSettings options)
        {
            ArgumentNullException.ThrowIfNull(options);
            try
            {
                Infrastructure.KeyEncryptionKey.From(options.KeyEncryptionKey, environment);
                return ValidateOptionsResult.Success;
            }
            catch (InvalidOperationException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}

/// <summary>The 256-bit key that encrypts every Data Protection key before it is stored; <see cref="Id"/> is a fingerprint, not the key.</summary>
public sealed class KeyEncryptionKey
{
    private KeyEncryptionKey(byte[] key, bool isDevelopmentKey)
    {
        Key = key;
        IsDevelopmentKey = isDevelopmentKey;
        Id = Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    internal byte[] Key { get; }

    public bool IsDevelopmentKey { get; }

    public string Id { get; }

    /// <summary>
    /// The configured key (32 bytes, base64). Without one, Development and Testing use a fixed, publicly known key (a warning is
    /// logged); every other environment refuses to start, because keys "encrypted" with a public key are not protected.
    /// </summary>
    public static KeyEncryptionKey From(string? configured, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
            {
                return new KeyEncryptionKey(SHA256.HashData("LeakRights development key-encryption key - public, never for production"u8), isDevelopmentKey: true);
            }

            throw new InvalidOperationException(
                $"No key-encryption key for the Data Protection keys. Set {DataProtectionSetup.KeyEncryptionKeySetting} (environment variable " +
                "LeakRights__DataProtection__KeyEncryptionKey) to 32 random bytes in base64, for example the output of `openssl rand -base64 32`, " +
                "keep it outside the database and its backups, and use the same value on every instance that shares the database. See README, Deployment.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured.Trim());
        }
        catch (FormatException)
        {
            key = [];
        }

        return key.Length == 32
            ? new KeyEncryptionKey(key, isDevelopmentKey: false)
            : throw new InvalidOperationException($"{DataProtectionSetup.KeyEncryptionKeySetting} must be exactly 32 bytes in base64 (for example `openssl rand -base64 32`).");
    }
}

/// <summary>Encrypts a key's secret with AES-256-GCM under the <see cref="KeyEncryptionKey"/>.</summary>
public sealed class AesGcmXmlEncryptor(KeyEncryptionKey kek) : IXmlEncryptor
{
    internal static readonly byte[] AssociatedData = "LeakRights.DataProtectionKey.v1"u8.ToArray();

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(kek.Key, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(
            "encryptedKey",
            new XAttribute("kek", kek.Id),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}

/// <summary>Created by Data Protection from the type named in each stored key; fails clearly when the key-encryption key differs.</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private readonly KeyEncryptionKey _kek = services.GetRequiredService<KeyEncryptionKey>();

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var kekId = (string?)encryptedElement.Attribute("kek");
        if (kekId != _kek.Id)
        {
            throw new CryptographicException($"This Data Protection key was encrypted with key-encryption key {kekId}; the configured one is {_kek.Id}.");
        }

        try
        {
            var nonce = Convert.FromBase64String((string?)encryptedElement.Element("nonce") ?? string.Empty);
            var tag = Convert.FromBase64String((string?)encryptedElement.Element("tag") ?? string.Empty);
            var ciphertext = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
            var plaintext = new byte[ciphertext.Length];
            using var aes = new AesGcm(_kek.Key, tag.Length);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, AesGcmXmlEncryptor.AssociatedData);
            try
            {
                return XElement.Parse(Encoding.UTF8.GetString(plaintext));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or XmlException)
        {
            throw new CryptographicException("This Data Protection key's encrypted secret is damaged.", ex);
        }
    }
}

/// <summary>
/// The keys in the DataProtectionKeys table, read row by row: a row that is not a well-formed key (bad XML, no id, an id seen
/// before) is skipped with a log line naming it, instead of stopping every request that needs a key.
/// </summary>
public sealed partial class DatabaseXmlRepository(IServiceScopeFactory scopes, KeyEncryptionKey kek, ILogger<DatabaseXmlRepository> logger) : IXmlRepository
{
    private int _warned;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (kek.IsDevelopmentKey && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            LogDevelopmentKey(logger, DataProtectionSetup.KeyEncryptionKeySetting);
        }

        using var scope = scopes.CreateScope();
        var rows = scope.ServiceProvider.GetRequiredService<LeakRightsDbContext>().DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).ToList();
        var elements = new List<XElement>(rows.Count);
        var seen = new HashSet<Guid>();
        foreach (var row in rows)
        {
            var (element, problem) = Read(row.Xml);
            if (problem is null && element!.Name == "key" && !seen.Add(KeyIdOf(element)))
            {
                problem = "another row holds a key with the same id";
            }

            if (problem is null)
            {
                elements.Add(element!);
            }
            else
            {
                LogBadRow(logger, row.Id, ContentSnapshot.Printable(row.FriendlyName), problem);
            }
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LeakRightsDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    /// <summary>The element of a stored row, or why it cannot be used.</summary>
    internal static (XElement? Element, string? Problem) Read(string? xml)
    {
        XElement element;
        try
        {
            element = XElement.Parse(xml ?? string.Empty);
        }
        catch (XmlException)
        {
            return (null, "the XML is damaged");
        }

        if (element.Name == "revocation")
        {
            return (element, null);
        }

        return element.Name != "key" ? (null, $"unexpected element <{ContentSnapshot.Printable(element.Name.LocalName)}>")
            : !Guid.TryParse((string?)element.Attribute("id"), out _) ? (null, "the key has no valid id")
            : (element, null);
    }

    internal static Guid KeyIdOf(XElement key) => Guid.Parse((string)key.Attribute("id")!);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data Protection keys are encrypted with the built-in development key-encryption key; set {Setting} before real use.")]
    private static partial void LogDevelopmentKey(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Error, Message = "Data Protection key row {RowId} ({FriendlyName}) is skipped: {Problem}. Links and cookies protected with that key no longer open; delete the row once checked.")]
    private static partial void LogBadRow(ILogger logger, int rowId, string friendlyName, string problem);
}

/// <summary>Puts the (still encrypted) Data Protection keys into the content export and restores them on import, so plan links survive a restore.</summary>
public sealed class DataProtectionKeyBackup(LeakRightsDbContext db, IServiceProvider services, IKeyManager keys)
{
    /// <summary>Every key whose secret is encrypted under a key-encryption key; a key stored in plain text never goes into a file.</summary>
    public async Task<List<BackupKey>> ExportAsync(CancellationToken cancellationToken)
    {
        var rows = await db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => DatabaseXmlRepository.Read(r.Xml).Element)
            .Where(e => e is not null && e.Name == "key" && IsOurs(e))
            .Select(e => new BackupKey(DatabaseXmlRepository.KeyIdOf(e!), e!.ToString(SaveOptions.DisableFormatting)))];
    }

    /// <summary>The problems with the file's keys, in Chinese; each key must be ours and open with the configured key-encryption key.</summary>
    public IReadOnlyList<string> Validate(IReadOnlyList<BackupKey?> backupKeys)
    {
        var problems = new List<string>();
        var decryptor = new AesGcmXmlDecryptor(services);
        for (var i = 0; i < backupKeys.Count; i++)
        {
            var at = $"第 {i + 1} 个数据保护密钥";
            var key = backupKeys[i];
            var (element, problem) = key is null ? ((XElement?)null, (string?)"null") : DatabaseXmlRepository.Read(key.Xml);
            if (element is null || problem is not null || element.Name != "key" || DatabaseXmlRepository.KeyIdOf(element) != key!.Id)
            {
                problems.Add($"{at}已损坏或不是密钥。");
                continue;
            }

            var encrypted = element.Descendants().Where(d => d.Name.LocalName == "encryptedSecret").FirstOrDefault();
            if (encrypted is null || !IsOurs(element) || encrypted.Elements().FirstOrDefault() is not { } secret)
            {
                problems.Add($"{at}（{key.Id}）没有按本程序的方式加密，拒绝导入。");
                continue;
            }

            try
            {
                decryptor.Decrypt(secret);
            }
            catch (CryptographicException)
            {
                problems.Add($"{at}（{key.Id}）无法用本机配置的密钥加密密钥解开：两台服务器的 {DataProtectionSetup.KeyEncryptionKeySetting} 是否相同？");
            }
        }

        return problems;
    }

    /// <summary>Adds the keys this database does not hold yet (to be saved with the caller's transaction).</summary>
    public async Task AddMissingAsync(IReadOnlyList<BackupKey> backupKeys, CancellationToken cancellationToken)
    {
        var present = (await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(cancellationToken))
            .Select(x => DatabaseXmlRepository.Read(x).Element)
            .Where(e => e is not null && e.Name == "key")
            .Select(e => DatabaseXmlRepository.KeyIdOf(e!))
            .ToHashSet();
        foreach (var key in backupKeys.Where(k => present.Add(k.Id)))
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = $"key-{key.Id:D}", Xml = key.Xml });
        }
    }

    /// <summary>Makes the running app read the key ring again (creating a key is the public way to expire its cache).</summary>
    public void ReloadKeyRing()
    {
        var now = DateTimeOffset.UtcNow;
        keys.CreateNewKey(now, now.AddDays(90));
    }

    private static bool IsOurs(XElement key) =>
        key.Descendants().Where(d => d.Name.LocalName == "encryptedSecret").Any(s => ((string?)s.Attribute("decryptorType"))?.StartsWith(typeof(AesGcmXmlDecryptor).FullName + ",", StringComparison.Ordinal) == true);
}
