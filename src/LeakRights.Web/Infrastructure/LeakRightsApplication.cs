using System.Globalization;
using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Pdf;
using LeakRights.Core.Rules;
using LeakRights.Web.Admin;
using LeakRights.Web.Api;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Serilog;

namespace LeakRights.Web.Infrastructure;

/// <summary>Service registration, start-up work and the request pipeline, kept out of Program.cs so it reads top to bottom.</summary>
public static partial class LeakRightsApplication
{
    public const string ConnectionStringName = "LeakRights";

    public static WebApplicationBuilder AddLeakRights(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSerilog((sp, lc) => lc
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(sp)
            .Enrich.FromLogContext()
            .ApplyPrivacyRules()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture),
            preserveStaticLogger: true);

        services.AddOptions<LeakRightsOptions>().BindConfiguration(LeakRightsOptions.Section);
        services.AddSingleton(TimeProvider.System);

        // Content from seeds/: loaded and validated once; an invalid file stops start-up with a message naming it.
        var seeds = configuration.GetSection(LeakRightsOptions.Section).Get<LeakRightsOptions>()?.SeedsPath ?? "seeds";
        var seedsPath = Path.IsPathRooted(seeds) ? seeds : Path.Combine(AppContext.BaseDirectory, seeds);
        var content = SeedLoader.Load(seedsPath);
        services.AddSingleton(content);
        services.AddSingleton(content.Questionnaire);
        services.AddSingleton(sp => new AnswerParser(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<QuestionnaireWalker>();
        services.AddSingleton(sp => new PlanBuilder(content, sp.GetRequiredService<TimeProvider>()));

        services.AddDbContext<LeakRightsDbContext>(o => o.UseSqlite(ResolveConnectionString(configuration, builder.Environment.ContentRootPath)));
        services.AddScoped<ContentSeeder>();
        services.AddSingleton<ContentSnapshotProvider>();
        services.AddSingleton<PlanService>();
        services.AddSingleton<AnswerDraftStore>();
        services.AddSingleton<PlanLinks>();

        services.AddLeakRightsDataProtection(configuration, builder.Environment);

        // Razor's default encoder writes every Chinese character as an entity (&#x4E2A;): larger pages, more work. Allow all of
        // Unicode; characters that matter for HTML (<, >, &, quotes) are still encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        services.AddScoped<AuditLog>();
        services.AddScoped<AdminAccounts>();
        services.AddScoped<ContentEditor>();
        services.AddScoped<ContentBackup>();
        services.AddSingleton<RuleCitationWarnings>();
        services.AddLeakRightsAdminAuthentication(builder.Environment);

        // The whole admin folder needs a signed-in admin; only the sign-in page is open. Tests enumerate every admin page.
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", AdminAuthentication.Policy);
            o.Conventions.AllowAnonymousToPage("/Admin/Login");
        }).AddMvcOptions(o =>
        {
            // We never bind jQuery-style keys (a[b]); their parser throws on a key like "a[" that anyone can post, so drop it.
            foreach (var jquery in o.ValueProviderFactories.Where(f => f is Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory or Microsoft.AspNetCore.Mvc.ModelBinding.JQueryQueryStringValueProviderFactory).ToList())
            {
                o.ValueProviderFactories.Remove(jquery);
            }
        });
        services.AddProblemDetails();
        services.AddSingleton<DatabaseWriteProbe>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddLeakRightsApi();
        services.AddLeakRightsRateLimiting(configuration);
        services.AddLeakRightsHostingSecurity(configuration, builder.Environment);

        // Request size limits: answers are tiny; the admin import (20 MB) raises its own limit.
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = 1024 * 1024;
            o.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.ValueCountLimit = 256;
            o.ValueLengthLimit = 128 * 1024;
            o.KeyLengthLimit = 256;
            o.MultipartBodyLengthLimit = 20 * 1024 * 1024;
        });
        return builder;
    }

    /// <summary>Creates and migrates the database, switches SQLite to WAL, seeds missing content and loads the content snapshot.</summary>
    public static async Task InitializeLeakRightsAsync(this WebApplication app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LeakRightsDbContext>();
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync();
        }

        await app.Services.GetRequiredService<ContentSnapshotProvider>().ReloadAsync();

        foreach (var warning in app.Services.GetRequiredService<RuleCitationWarnings>().Current())
        {
            LogCitationWarning(app.Logger, warning.Text);
        }

        // Load the PDF fonts once, before the first download.
        NotoFontResolver.EnsureRegistered();

        // Create the Data Protection key now, once, rather than racing to create it on the first concurrent requests.
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("LeakRights.Startup").Protect("ready");
    }

    public static WebApplication UseLeakRights(this WebApplication app)
    {
        app.UseLeakRightsForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseLeakRightsExceptionHandling();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseMiddleware<ClientErrorMiddleware>();
        app.UseCookiePolicy();
        app.UseMiddleware<FormSanityMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapLeakRights(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapLeakRightsApi();
        app.MapHealthChecks("/healthz");
        return app;
    }

    /// <summary>The configured connection string, with a relative SQLite file resolved against the content root and its folder created.</summary>
    public static string ResolveConnectionString(IConfiguration configuration, string contentRoot)
    {
        var raw = configuration.GetConnectionString(ConnectionStringName) ?? "Data Source=App_Data/leakrights.db";
        var csb = new SqliteConnectionStringBuilder(raw);
        var isMemory = csb.Mode == SqliteOpenMode.Memory || csb.DataSource == ":memory:" || csb.DataSource.Length == 0;
        if (!isMemory)
        {
            if (!Path.IsPathRooted(csb.DataSource))
            {
                csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }

        return csb.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule citation warning: {Warning}")]
    private static partial void LogCitationWarning(Microsoft.Extensions.Logging.ILogger logger, string warning);
}
