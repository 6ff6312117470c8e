using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LeakRights.Web.Cases;

/// <summary>
/// The case file's encryption (docs/decisions/0009). A case link is <c>/case/{id}/{secret}</c>: the id (9 random bytes,
/// 12 base64url characters) locates the row; the secret (16 random bytes, 22 characters, 128 bits) is never stored and
/// derives the key: HKDF-SHA256(ikm = secret, salt = "LeakRights.Case.v1", info = id) → AES-256-GCM. Every write uses a
/// fresh random nonce; the associated data binds the format version and the id, so a blob copied to another row does not
/// open. The plaintext is padded to a multiple of <see cref="Bucket"/> bytes (a 4-byte length, the payload, zeros), so the
/// stored size tells only the bucket. Stored blob: version (1 byte) ‖ nonce (12) ‖ ciphertext ‖ tag (16).
/// </summary>
public static class CaseCrypto
{
    public const int IdBytes = 9;
    public const int SecretBytes = 16;
    public const int IdLength = 12;
    public const int SecretLength = 22;

    /// <summary>The first byte of every stored blob. A new format gets a new number; this one must keep opening.</summary>
    public const byte FormatVersion = 1;

    /// <summary>Padded plaintexts are a multiple of this many bytes.</summary>
    public const int Bucket = 512;

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int LengthPrefix = 4;
    private const int Overhead = 1 + NonceSize + TagSize;
    private static readonly byte[] Salt = "LeakRights.Case.v1"u8.ToArray();
    private static readonly byte[] AssociatedPrefix = "LeakRights.Case|"u8.ToArray();

    /// <summary>Opened instead of a row that does not exist, so a missing id costs what a wrong secret costs.</summary>
    private static readonly byte[] DummyBlob = CreateDummyBlob();
    private const string DummyId = "AAAAAAAAAAAA";

    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes));

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The path of a case link (41 characters).</summary>
    public static string LinkPath(string id, string secret) => $"/case/{id}/{secret}";

    /// <summary>Exactly 12 base64url characters (no padding) spelling 9 bytes.</summary>
    public static bool IsValidId(string? id) => IsCanonical(id, IdLength, IdBytes);

    /// <summary>Exactly 22 base64url characters (no padding) in the one spelling of 16 bytes (the unused low bits of the last character are zero).</summary>
    public static bool IsValidSecret(string? secret) => IsCanonical(secret, SecretLength, SecretBytes);

    /// <summary>The plaintext size after padding: the length prefix and payload rounded up to the next bucket.</summary>
    public static int PaddedLength(int payloadLength) => checked((payloadLength + LengthPrefix + Bucket - 1) / Bucket * Bucket);

    /// <summary>Encrypts <paramref name="payload"/> for the row <paramref name="id"/> under the key of <paramref name="secret"/>.</summary>
    public static byte[] Seal(string id, string secret, ReadOnlySpan<byte> payload)
    {
        RequireShape(id, secret);
        var padded = new byte[PaddedLength(payload.Length)];
        var blob = new byte[Overhead + padded.Length];
        var key = DeriveKey(id, secret);
        try
        {
            BinaryPrimitives.WriteInt32BigEndian(padded, payload.Length);
            payload.CopyTo(padded.AsSpan(LengthPrefix));
            blob[0] = FormatVersion;
            var nonce = blob.AsSpan(1, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(nonce, padded, blob.AsSpan(1 + NonceSize, padded.Length), blob.AsSpan(blob.Length - TagSize), AssociatedData(FormatVersion, id));
            return blob;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(padded);
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// The payload sealed in <paramref name="blob"/>, or null when it does not open: a wrong secret, another row's blob, a
    /// changed byte, an unknown format version, a wrong size or bad padding. Which of these it was is not said.
    /// </summary>
    public static byte[]? Open(string id, string secret, ReadOnlySpan<byte> blob)
    {
        if (!IsValidId(id) || !IsValidSecret(secret)
            || blob.Length < Overhead + Bucket || (blob.Length - Overhead) % Bucket != 0 || blob[0] != FormatVersion)
        {
            return null;
        }

        var padded = new byte[blob.Length - Overhead];
        var key = DeriveKey(id, secret);
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(blob.Slice(1, NonceSize), blob.Slice(1 + NonceSize, padded.Length), blob[^TagSize..], padded, AssociatedData(blob[0], id));
            var length = BinaryPrimitives.ReadInt32BigEndian(padded);
            if (length < 0 || length > padded.Length - LengthPrefix || padded.AsSpan(LengthPrefix + length).ContainsAnyExcept((byte)0))
            {
                return null;
            }

            return padded.AsSpan(LengthPrefix, length).ToArray();
        }
        catch (CryptographicException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(padded);
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Does the work of opening a one-bucket case (key derivation and a failed decryption) and forgets the result.</summary>
    public static void OpenDummy(string secret) => _ = Open(DummyId, IsValidSecret(secret) ? secret : NewSecret(), DummyBlob);

    private static byte[] DeriveKey(string id, string secret)
    {
        Span<byte> ikm = stackalloc byte[SecretBytes];
        try
        {
            Base64Url.DecodeFromChars(secret, ikm);
            var key = new byte[32];
            HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, key, Salt, Encoding.ASCII.GetBytes(id));
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ikm);
        }
    }

    private static byte[] AssociatedData(byte version, string id)
    {
        var data = new byte[1 + AssociatedPrefix.Length + IdLength];
        data[0] = version;
        AssociatedPrefix.CopyTo(data, 1);
        Encoding.ASCII.GetBytes(id, data.AsSpan(1 + AssociatedPrefix.Length));
        return data;
    }

    private static bool IsCanonical(string? value, int length, int bytes)
    {
        if (value is null || value.Length != length || !value.All(IsBase64UrlChar))
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[bytes];
        Span<char> again = stackalloc char[length];
        try
        {
            // Decoding a spelling with nonzero unused bits throws (even from TryDecode); the re-encoding check says the same
            // should that ever change.
            return Base64Url.TryDecodeFromChars(value, decoded, out var written) && written == bytes
                && Base64Url.TryEncodeToChars(decoded, again, out var chars) && chars == length
                && again.SequenceEqual(value);
        }
        catch (FormatException)
        {
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(decoded);
            again.Clear();
        }
    }

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static void RequireShape(string id, string secret)
    {
        // Never name the value: a secret must not reach an exception message or a log.
        if (!IsValidId(id) || !IsValidSecret(secret))
        {
            throw new ArgumentException("The case id or secret is not in its canonical shape.");
        }
    }

    private static byte[] CreateDummyBlob()
    {
        var blob = new byte[Overhead + Bucket];
        RandomNumberGenerator.Fill(blob);
        blob[0] = FormatVersion;
        return blob;
    }
}
