using System.Text;
using LeakRights.Web.Cases;

namespace LeakRights.Web.Tests.Cases;

/// <summary>The case file's encryption on its own: no app, no database.</summary>
public sealed class CaseCryptoTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"v":1,"answers":{"organisation-name":"某银行某支行"}}""");

    [Fact]
    public void Seal_ThenOpenWithTheSameLink_ReturnsThePayload()
    {
        var (id, secret) = (CaseCrypto.NewId(), CaseCrypto.NewSecret());

        var blob = CaseCrypto.Seal(id, secret, Payload);

        Assert.Equal(Payload, CaseCrypto.Open(id, secret, blob));
        Assert.Equal(CaseCrypto.FormatVersion, blob[0]);
    }

    [Fact]
    public void Seal_EmptyPayload_RoundTrips()
    {
        var (id, secret) = (CaseCrypto.NewId(), CaseCrypto.NewSecret());

        Assert.Equal([], CaseCrypto.Open(id, secret, CaseCrypto.Seal(id, secret, []))!);
    }

    [Fact]
    public void Open_WrongSecret_ReturnsNull()
    {
        var id = CaseCrypto.NewId();
        var blob = CaseCrypto.Seal(id, CaseCrypto.NewSecret(), Payload);

        Assert.Null(CaseCrypto.Open(id, CaseCrypto.NewSecret(), blob));
    }

    [Fact]
    public void Open_AnyOneByteChanged_ReturnsNull()
    {
        var (id, secret) = (CaseCrypto.NewId(), CaseCrypto.NewSecret());
        var blob = CaseCrypto.Seal(id, secret, Payload);

        for (var i = 0; i < blob.Length; i++)
        {
            var tampered = (byte[])blob.Clone();
            tampered[i] ^= 0x01;
            Assert.Null(CaseCrypto.Open(id, secret, tampered));
        }
    }

    [Fact]
    public void Open_TruncatedOrExtended_ReturnsNull()
    {
        var (id, secret) = (CaseCrypto.NewId(), CaseCrypto.NewSecret());
        var blob = CaseCrypto.Seal(id, secret, Payload);

        Assert.Null(CaseCrypto.Open(id, secret, blob.AsSpan(0, blob.Length - 1)));
        Assert.Null(CaseCrypto.Open(id, secret, [.. blob, 0]));
        Assert.Null(CaseCrypto.Open(id, secret, blob.AsSpan(0, blob.Length - CaseCrypto.Bucket)));
        Assert.Null(CaseCrypto.Open(id, secret, []));
    }

    [Fact]
    public void Open_BlobMovedToAnotherId_ReturnsNull()
    {
        // Same secret, other row: the id is in the key derivation and the associated data.
        var secret = CaseCrypto.NewSecret();
        var blob = CaseCrypto.Seal(CaseCrypto.NewId(), secret, Payload);

        Assert.Null(CaseCrypto.Open(CaseCrypto.NewId(), secret, blob));
    }

    [Fact]
    public void Open_UnknownFormatVersion_ReturnsNull()
    {
        var (id, secret) = (CaseCrypto.NewId(), CaseCrypto.NewSecret());
        var blob = CaseCrypto.Seal(id, secret, Payload);
        blob[0] = 2;

        Assert.Null(CaseCrypto.Open(id, secret, blob));
    }

    [Theory]
    [InlineData(0, 512)]
    [InlineData(1, 512)]
    [InlineData(508, 512)]
    [InlineData(509, 1024)]
    [InlineData(1020, 1024)]
    [InlineData(1021, 1536)]
    public void Seal_PayloadLength_CiphertextIsPaddedToItsBucket(int length, int padded)
    {
        var (id, secret) = (CaseCrypto.NewId(), CaseCrypto.NewSecret());
        var payload = Enumerable.Repeat((byte)'x', length).ToArray();

        var blob = CaseCrypto.Seal(id, secret, payload);

        Assert.Equal(padded, CaseCrypto.PaddedLength(length));
        Assert.Equal(1 + 12 + padded + 16, blob.Length);
        Assert.Equal(payload, CaseCrypto.Open(id, secret, blob));
    }

    [Fact]
    public void Seal_ShortAndLongPayloadInOneBucket_SameStoredSize()
    {
        var (id, secret) = (CaseCrypto.NewId(), CaseCrypto.NewSecret());

        Assert.Equal(CaseCrypto.Seal(id, secret, [1]).Length, CaseCrypto.Seal(id, secret, new byte[400]).Length);
    }

    [Fact]
    public void Seal_SamePayloadTwice_DifferentNonceAndCiphertext()
    {
        var (id, secret) = (CaseCrypto.NewId(), CaseCrypto.NewSecret());

        var first = CaseCrypto.Seal(id, secret, Payload);
        var second = CaseCrypto.Seal(id, secret, Payload);

        Assert.NotEqual(first.AsSpan(1, 12).ToArray(), second.AsSpan(1, 12).ToArray());
        Assert.NotEqual(first, second);
    }

    /// <summary>The "a case written by an older version still opens" guard: key derivation, associated data, padding and blob layout are frozen.</summary>
    [Fact]
    public void Open_CaseSealedByVersion1WithKnownLink_ReturnsItsPayload()
    {
        var payload = CaseCrypto.Open(CaseFixtures.Id, CaseFixtures.Secret, CaseFixtures.Version1Blob);

        Assert.NotNull(payload);
        Assert.Equal(CaseFixtures.Version1Payload, Encoding.UTF8.GetString(payload));
        Assert.Null(CaseCrypto.Open(CaseFixtures.Id, CaseCrypto.NewSecret(), CaseFixtures.Version1Blob));
    }

    [Fact]
    public void NewIdAndSecret_AreCanonicalBase64UrlOfTheirSize()
    {
        for (var i = 0; i < 200; i++)
        {
            var id = CaseCrypto.NewId();
            var secret = CaseCrypto.NewSecret();
            Assert.Equal(12, id.Length);
            Assert.Equal(22, secret.Length);
            Assert.True(CaseCrypto.IsValidId(id), id);
            Assert.True(CaseCrypto.IsValidSecret(secret));
        }
    }

    [Fact]
    public void LinkPath_WithHttpsAndATwentyCharacterHost_IsAtMost70Characters()
    {
        var path = CaseCrypto.LinkPath(CaseCrypto.NewId(), CaseCrypto.NewSecret());
        var link = "https://" + new string('h', 20) + path;

        Assert.Equal(41, path.Length);
        Assert.True(link.Length <= 70, $"{link.Length} characters");
    }

    [Theory]
    [InlineData("FixtureCase1", true)]
    [InlineData("abc-_DEF0129", true)]
    [InlineData("FixtureCase", false)]
    [InlineData("FixtureCase12", false)]
    [InlineData("Fixture+ase1", false)]
    [InlineData("Fixture/ase1", false)]
    [InlineData("FixtureCas==", false)]
    [InlineData("Fixture ase1", false)]
    [InlineData("FixtureCaseＡ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidId_Shape(string? id, bool valid) => Assert.Equal(valid, CaseCrypto.IsValidId(id));

    [Theory]
    [InlineData("KnownSecretForTests00A", true)]
    [InlineData("KnownSecretForTests00Q", true)]
    [InlineData("KnownSecretForTests00B", false)] // Same 16 bytes as ...00A, spelled with nonzero unused bits: one spelling only.
    [InlineData("KnownSecretForTests00", false)]
    [InlineData("KnownSecretForTests00AA", false)]
    [InlineData("KnownSecretForTests0+A", false)]
    [InlineData("KnownSecretForTests0=A", false)]
    [InlineData("KnownSecretForTests0%A", false)]
    [InlineData(" nownSecretForTests00A", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidSecret_Shape(string? secret, bool valid) => Assert.Equal(valid, CaseCrypto.IsValidSecret(secret));

    [Fact]
    public void Seal_MalformedSecret_ThrowsWithoutNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => CaseCrypto.Seal(CaseCrypto.NewId(), "KnownSecretForTests00B", Payload));

        Assert.DoesNotContain("KnownSecret", ex.ToString(), StringComparison.Ordinal);
    }
}
