using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Data Protection for payloads with an expiry, judged by the app's <see cref="TimeProvider"/> (Data Protection's own
/// <see cref="ITimeLimitedDataProtector"/> reads the wall clock, so expiry could not be tested or reasoned about with the
/// app's clock). The wire format is exactly that of <see cref="ITimeLimitedDataProtector"/> (the expiry as 8 big-endian
/// UTC ticks before the payload, under its sub-purpose), so tokens issued before this class existed still open; a test
/// checks both directions.
/// </summary>
internal sealed class ExpiringDataProtector(IDataProtectionProvider provider, string purpose, TimeProvider time)
{
    /// <summary>The sub-purpose <see cref="ITimeLimitedDataProtector"/> adds to its inner protector.</summary>
    internal const string TimeLimitedPurpose = "Microsoft.AspNetCore.DataProtection.TimeLimitedDataProtector.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(purpose).CreateProtector(TimeLimitedPurpose);

    public DateTimeOffset Now => time.GetUtcNow();

    public string Protect(string plaintext, DateTimeOffset expires)
    {
        var payload = Encoding.UTF8.GetBytes(plaintext);
        var data = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt64BigEndian(data, (ulong)expires.UtcTicks);
        payload.CopyTo(data, 8);
        return WebEncoders.Base64UrlEncode(_protector.Protect(data));
    }

    /// <summary>The payload, or null when the token is malformed, tampered with, from an unknown key, or expired.</summary>
    public string? Unprotect(string token, out DateTimeOffset expires)
    {
        expires = default;
        try
        {
            var data = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            if (data.Length < 8)
            {
                return null;
            }

            var ticks = BinaryPrimitives.ReadUInt64BigEndian(data);
            if (ticks > (ulong)DateTimeOffset.MaxValue.UtcTicks)
            {
                return null;
            }

            expires = new DateTimeOffset((long)ticks, TimeSpan.Zero);
            if (time.GetUtcNow() > expires)
            {
                return null;
            }

            return Encoding.UTF8.GetString(data, 8, data.Length - 8);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
