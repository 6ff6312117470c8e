using LeakRights.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>
/// Every settings section is bound to a type and checked first thing at start: a bad value stops start-up with a message naming
/// the setting, before the seeds or the database are touched.
/// </summary>
public sealed class OptionsRegistrationTests
{
    /// <summary>Out of range: each names the setting's full key.</summary>
    [Theory]
    [InlineData("LeakRights:PlanLinkDays", "0")]
    [InlineData("LeakRights:PlanLinkDays", "-5")]
    [InlineData("LeakRights:DraftHours", "0")]
    [InlineData("LeakRights:DraftCookieMaxLength", "5000")]
    [InlineData("LeakRights:DraftCookieMaxLength", "10")]
    [InlineData("LeakRights:SeedsPath", "")]
    [InlineData("LeakRights:CaseRetentionMonths", "0")]
    [InlineData("LeakRights:CaseRetentionMonths", "121")]
    [InlineData("LeakRights:RateLimits:PlansPerMinute", "-1")]
    [InlineData("LeakRights:RateLimits:PdfPerMinute", "-20")]
    [InlineData("LeakRights:RateLimits:SignInPerMinute", "2000000")]
    [InlineData("LeakRights:Content:PollSeconds", "0")]
    [InlineData("LeakRights:Content:PollSeconds", "61")]
    [InlineData("LeakRights:Database:Provider", "7")]
    public async Task InitializeLeakRightsAsync_ValueOutOfRange_FailsNamingTheSetting(string setting, string value)
    {
        await using var app = StartupApp.Build([new(setting, value)]);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(app.InitializeLeakRightsAsync);

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Not a value of the setting's type: the binder's message names the setting's path.</summary>
    [Theory]
    [InlineData("LeakRights:PlanLinkDays", "abc")]
    [InlineData("LeakRights:DraftHours", "12h")]
    [InlineData("LeakRights:CaseRetentionMonths", "forever")]
    [InlineData("LeakRights:RateLimits:PdfPerMinute", "twenty")]
    [InlineData("LeakRights:Security:SecureCookies", "maybe")]
    [InlineData("LeakRights:Database:Provider", "Oracle")]
    [InlineData("LeakRights:Content:PollSeconds", "2s")]
    public async Task InitializeLeakRightsAsync_ValueNotOfTheSettingsType_FailsNamingTheSetting(string setting, string value)
    {
        await using var app = StartupApp.Build([new(setting, value)]);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(app.InitializeLeakRightsAsync);

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeLeakRightsAsync_KnownProxyThatIsNoAddress_FailsNamingTheSettingAndEntry()
    {
        await using var app = StartupApp.Build([new("LeakRights:Security:KnownProxies:0", "10.0.0.1"), new("LeakRights:Security:KnownProxies:1", "proxy.example")]);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(app.InitializeLeakRightsAsync);

        Assert.Contains("LeakRights:Security:KnownProxies:1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("proxy.example", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.0.1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task InitializeLeakRightsAsync_KeyEncryptionKeyNot32Bytes_FailsNamingTheSetting(string environment)
    {
        await using var app = StartupApp.Build([new(DataProtectionSetup.KeyEncryptionKeySetting, "AAAAAAAAAAAAAAAAAAAAAA==")], environment);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(app.InitializeLeakRightsAsync);

        Assert.Contains("LeakRights:DataProtection:KeyEncryptionKey must be exactly 32 bytes in base64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeLeakRightsAsync_ProductionWithoutKeyEncryptionKey_RefusesToStartWithTheSameMessage()
    {
        await using var app = StartupApp.Build([new(DataProtectionSetup.KeyEncryptionKeySetting, null)], "Production");

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(app.InitializeLeakRightsAsync);

        Assert.Contains("No key-encryption key for the Data Protection keys. Set LeakRights:DataProtection:KeyEncryptionKey", ex.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>PostgreSQL chosen but the connection string is SQLite's, missing or unreadable: both settings named, the string (which may hold a password) never repeated.</summary>
    [Theory]
    [InlineData("Data Source=App_Data/leakrights.db")]
    [InlineData(null)]
    [InlineData("Hots=db.example;Password=hunter2-secret")]
    public async Task InitializeLeakRightsAsync_PostgreSqlWithoutAPostgreSqlConnectionString_FailsNamingBothSettings(string? connectionString)
    {
        await using var app = StartupApp.Build([new("LeakRights:Database:Provider", "PostgreSql"), new("ConnectionStrings:LeakRights", connectionString)]);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(app.InitializeLeakRightsAsync);

        Assert.Contains("ConnectionStrings:LeakRights", ex.Message, StringComparison.Ordinal);
        Assert.Contains("LeakRights:Database:Provider", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeLeakRightsAsync_BadSetting_StopsBeforeTheDatabaseIsTouched()
    {
        using var factory = new LeakRightsFactory();
        await using var app = StartupApp.Build([new("LeakRights:PlanLinkDays", "0")], connectionString: factory.ConnectionString);

        await Assert.ThrowsAsync<OptionsValidationException>(app.InitializeLeakRightsAsync);

        Assert.Equal(0, StartupApp.TableCount(factory.ConnectionString));
    }

    [Fact]
    public void CreateClient_BadSetting_TheAppDoesNotStart()
    {
        using var factory = new LeakRightsFactory().With("LeakRights:RateLimits:PlansPerMinute", "-1");

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());
    }

    [Fact]
    public async Task Options_ConfiguredValues_ReachTheTypedOptionsAndTheFrameworksOptions()
    {
        await using var app = StartupApp.Build(
        [
            new("LeakRights:PlanLinkDays", "7"),
            new("LeakRights:RateLimits:PdfPerMinute", "3"),
            new("LeakRights:Security:SecureCookies", "true"),
            new("LeakRights:Security:KnownProxies:0", "10.1.0.0/16"),
            new("LeakRights:Security:KnownProxies:1", "192.0.2.7"),
        ]);

        Assert.Equal(7, app.Services.GetRequiredService<IOptions<LeakRightsOptions>>().Value.PlanLinkDays);
        Assert.Equal(3, app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.PdfPerMinute);
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Builder.CookiePolicyOptions>>().Value.Secure);
        var forwarded = app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>>().Value;
        Assert.Equal(["10.1.0.0/16", "192.0.2.7/32"], forwarded.KnownIPNetworks.Select(n => n.ToString()).Order(StringComparer.Ordinal));
        Assert.Empty(forwarded.KnownProxies);
    }
}
