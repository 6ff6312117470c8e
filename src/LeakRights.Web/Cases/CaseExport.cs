using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeakRights.Core.Answers;
using LeakRights.Core.Cases;

namespace LeakRights.Web.Cases;

/// <summary>Why a file could not be imported, or <see cref="Imported"/>.</summary>
public enum CaseImportOutcome
{
    Imported,

    /// <summary>Not JSON, or not a <c>leakrights-case</c> file.</summary>
    NotACaseFile,

    /// <summary>A case file of a format version this app does not know (exported by a newer app).</summary>
    TooNew,

    /// <summary>The file is encrypted and no passphrase was given.</summary>
    PassphraseNeeded,

    /// <summary>The passphrase does not open it (or the encrypted part was changed: the two cannot be told apart).</summary>
    WrongPassphrase,

    /// <summary>A case file whose case cannot be read.</summary>
    Corrupt,
}

public sealed record CaseImport(CaseImportOutcome Outcome, CaseFile? File, IReadOnlyList<string> DroppedAnswers)
{
    public static CaseImport Failed(CaseImportOutcome outcome) => new(outcome, null, []);
}

/// <summary>
/// The case as a file the person keeps, so it survives the server: <c>{"format":"leakrights-case","v":1,"encrypted":false,"case":{…}}</c>,
/// or encrypted with a passphrase they choose: PBKDF2-SHA256 (600,000 iterations, 16-byte salt) → AES-256-GCM
/// (<c>"encrypted":true,"kdf":"pbkdf2-sha256","iterations","salt","nonce","data"</c>, base64; <c>data</c> is ciphertext ‖ tag).
/// The case inside is the payload of <see cref="CaseFileJson"/>, read as leniently as a stored case.
/// </summary>
public sealed class CaseExport(QuestionnaireWalker walker)
{
    public const string Format = "leakrights-case";
    public const int Version = 1;
    public const string Kdf = "pbkdf2-sha256";
    public const int Iterations = 600_000;

    /// <summary>More iterations than this in a file is refused: a file must not be able to keep the server busy for minutes.</summary>
    public const int MaxIterations = 2_000_000;

    public const int MinPassphraseLength = 8;
    public const int MaxPassphraseLength = 256;

    /// <summary>The largest file the import reads.</summary>
    public const int MaxFileBytes = 256 * 1024;

    private const int SaltSize = 16;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>The download's file name: <c>leakrights-case-YYYYMMDD.json</c> (the day in China).</summary>
    public static string FileName(DateOnly today) => string.Create(CultureInfo.InvariantCulture, $"leakrights-case-{today:yyyyMMdd}.json");

    /// <summary>Null when <paramref name="passphrase"/> is usable, else why not (in Chinese).</summary>
    public static string? CheckPassphrase(string? passphrase)
    {
        if (string.IsNullOrEmpty(passphrase))
        {
            return "请设置一个密码。";
        }

        var length = new StringInfo(passphrase).LengthInTextElements;
        if (length < MinPassphraseLength)
        {
            return $"密码至少要 {MinPassphraseLength} 个字符，现在是 {length} 个。";
        }

        return length > MaxPassphraseLength || passphrase.Length > MaxPassphraseLength * 2 ? $"密码最多 {MaxPassphraseLength} 个字符。" : null;
    }

    /// <summary>The case as a plain file: anyone who has the file can read it.</summary>
    public static byte[] WritePlain(CaseFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Write(w =>
        {
            w.WriteBoolean("encrypted", false);
            w.WritePropertyName("case");
            w.WriteRawValue(CaseFileJson.Write(file), skipInputValidation: true);
        });
    }

    /// <summary>The case encrypted with <paramref name="passphrase"/> (checked with <see cref="CheckPassphrase"/> first).</summary>
    public static byte[] WriteEncrypted(CaseFile file, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (CheckPassphrase(passphrase) is not null)
        {
            throw new ArgumentException("The passphrase is too short or too long.", nameof(passphrase));
        }

        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var payload = CaseFileJson.Write(file);
        var data = new byte[payload.Length + TagSize];
        var key = DeriveKey(passphrase, salt, Iterations);
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(nonce, payload, data.AsSpan(0, payload.Length), data.AsSpan(payload.Length), AssociatedData(Version, Iterations));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
            CryptographicOperations.ZeroMemory(key);
        }

        return Write(w =>
        {
            w.WriteBoolean("encrypted", true);
            w.WriteString("kdf", Kdf);
            w.WriteNumber("iterations", Iterations);
            w.WriteBase64String("salt", salt);
            w.WriteBase64String("nonce", nonce);
            w.WriteBase64String("data", data);
        });
    }

    /// <summary>Reads an exported file; <paramref name="passphrase"/> is needed only for an encrypted one.</summary>
    public CaseImport Read(ReadOnlySpan<byte> bytes, string? passphrase)
    {
        if (bytes.Length > MaxFileBytes)
        {
            return CaseImport.Failed(CaseImportOutcome.NotACaseFile);
        }

        // A byte-order mark is how some editors save UTF-8; it is not part of the JSON.
        var json = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return CaseImport.Failed(CaseImportOutcome.NotACaseFile);
        }

        try
        {
            using var doc = JsonDocument.Parse(json.ToArray(), Options);
            return Read(doc.RootElement, passphrase);
        }
        catch (JsonException)
        {
            return CaseImport.Failed(CaseImportOutcome.NotACaseFile);
        }
    }

    private CaseImport Read(JsonElement root, string? passphrase)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format
            || !root.TryGetProperty("v", out var v) || !v.TryGetInt32(out var version) || version < 1)
        {
            return CaseImport.Failed(CaseImportOutcome.NotACaseFile);
        }

        if (version > Version)
        {
            return CaseImport.Failed(CaseImportOutcome.TooNew);
        }

        if (!root.TryGetProperty("encrypted", out var encrypted) || encrypted.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return CaseImport.Failed(CaseImportOutcome.Corrupt);
        }

        if (encrypted.ValueKind == JsonValueKind.False)
        {
            return root.TryGetProperty("case", out var plain) ? FromPayload(CaseFileJson.Read(plain, walker)) : CaseImport.Failed(CaseImportOutcome.Corrupt);
        }

        if (!root.TryGetProperty("kdf", out var kdf) || kdf.ValueKind != JsonValueKind.String || kdf.GetString() != Kdf
            || !root.TryGetProperty("iterations", out var it) || !it.TryGetInt32(out var iterations) || iterations < Iterations || iterations > MaxIterations
            || !TryBase64(root, "salt", out var salt) || salt.Length != SaltSize
            || !TryBase64(root, "nonce", out var nonce) || nonce.Length != NonceSize
            || !TryBase64(root, "data", out var data) || data.Length < TagSize)
        {
            return CaseImport.Failed(CaseImportOutcome.Corrupt);
        }

        if (string.IsNullOrEmpty(passphrase))
        {
            return CaseImport.Failed(CaseImportOutcome.PassphraseNeeded);
        }

        if (passphrase.Length > MaxPassphraseLength * 2)
        {
            return CaseImport.Failed(CaseImportOutcome.WrongPassphrase);
        }

        var payload = new byte[data.Length - TagSize];
        var key = DeriveKey(passphrase, salt, iterations);
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(nonce, data.AsSpan(0, payload.Length), data.AsSpan(payload.Length), payload, AssociatedData(version, iterations));
            return FromPayload(CaseFileJson.Read(payload, walker));
        }
        catch (CryptographicException)
        {
            return CaseImport.Failed(CaseImportOutcome.WrongPassphrase);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static CaseImport FromPayload(CaseFileRead? read) =>
        read is null ? CaseImport.Failed(CaseImportOutcome.Corrupt) : new CaseImport(CaseImportOutcome.Imported, read.File, read.DroppedAnswers);

    /// <summary>The same passphrase typed on another device may arrive in another Unicode form; NFC makes them one.</summary>
    private static byte[] DeriveKey(string passphrase, byte[] salt, int iterations)
    {
        var password = Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormC));
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }

    /// <summary>Binds the header the key depends on, so a file cannot be relabelled.</summary>
    private static byte[] AssociatedData(int version, int iterations) =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Format}|{version}|{Kdf}|{iterations}"));

    private static bool TryBase64(JsonElement root, string name, out byte[] value)
    {
        value = [];
        return root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && p.TryGetBytesFromBase64(out value!);
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("v", Version);
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
