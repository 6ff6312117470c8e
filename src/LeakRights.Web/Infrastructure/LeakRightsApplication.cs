using System.Globalization;
using LeakRights.Core.Answers;
using LeakRights.Core.Cases;
using LeakRights.Core.Incidents;
using LeakRights.Core.Content;
using LeakRights.Core.Pdf;
using LeakRights.Core.Rules;
using LeakRights.Web.Admin;
using LeakRights.Web.Api;
using LeakRights.Web.Cases;
using LeakRights.Web.Data;
using LeakRights.Web.Incidents;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Serilog;

namespace LeakRights.Web.Infrastructure;

/// <summary>Service registration, start-up work and the request pipeline, kept out of Program.cs so it reads top to bottom.</summary>
public static partial class LeakRightsApplication
{
    public const string ConnectionStringName = "LeakRights";

    /// <summary>The command-line switch for deployment pipelines: check the settings, migrate and seed the database, then exit 0.</summary>
    public const string MigrateOnlySwitch = "--migrate-only";

    /// <summary>True for `LeakRights.Web --migrate-only` (nothing else on the line): start-up's database work, no web server.</summary>
    public static bool IsMigrateOnly(string[] args) => args is [MigrateOnlySwitch];

    public static WebApplicationBuilder AddLeakRights(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddSerilog((sp, lc) => lc
            .ReadFrom.Configuration(sp.GetRequiredService<IConfiguration>())
            .ReadFrom.Services(sp)
            .Enrich.FromLogContext()
            .ApplyPrivacyRules()
            .Filter.ByExcluding(WarmUpHealthCheck.IsItsHealthServiceEvent)
            // Standard output is buffered (Program.cs, BufferedConsole): one write(2) per batch of lines, not per request.
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture),
            preserveStaticLogger: true);

        services.AddValidatedOptions<LeakRightsOptions>(LeakRightsOptions.Section);
        services.AddSingleton(TimeProvider.System);

        // Content from seeds/: loaded and validated when first resolved (InitializeLeakRightsAsync does that first), shared by
        // every service below; an invalid file stops start-up with a message naming it.
        services.AddSeedContent();
        services.AddSingleton(sp => sp.GetRequiredService<ContentBundle>().Questionnaire);
        services.AddSingleton(sp => new AnswerParser(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<QuestionnaireWalker>();
        services.AddSingleton<LeakRights.Web.Pages.Plan.CitationMarkup>();
        services.AddSingleton(sp => new PlanBuilder(sp.GetRequiredService<ContentBundle>(), sp.GetRequiredService<TimeProvider>()));

        // SQLite (the default) or PostgreSQL (LeakRights:Database:Provider); every instance on one database sees each content
        // change within LeakRights:Content:PollSeconds (ContentVersionWatcher).
        services.AddLeakRightsDatabase(builder.Configuration);
        services.AddScoped<ContentSeeder>();
        services.AddSingleton<ContentSnapshotProvider>();
        services.AddValidatedOptions<ContentOptions>(ContentOptions.Section);
        services.AddHostedService<ContentVersionWatcher>();
        services.AddSingleton(sp => new ReferralLetterBuilder(sp.GetRequiredService<ContentBundle>(), sp.GetRequiredService<AnswerParser>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Pages.Incidents.PublicInterestView>();
        services.AddSingleton<PlanService>();
        services.AddSingleton<AnswerDraftStore>();
        services.AddSingleton<PlanLinks>();

        // Saved cases (issue 13): encrypted with the key in their link; unused ones deleted after CaseRetentionMonths.
        services.AddSingleton(sp => new ProgressEntryParser(sp.GetRequiredService<ContentBundle>().Progress));
        services.AddScoped<CaseStore>();
        services.AddScoped<PlanSources>();
        services.AddSingleton<CaseEditMarker>();
        services.AddSingleton<CaseExport>();
        services.AddSingleton<CaseRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseRetention>());

        services.AddLeakRightsDataProtection();

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

            // A saved case's downloads are the plan's download pages, opened from the case (PlanSources).
            o.Conventions.AddPageRoute("/Plan/Pdf", "/case/{id}/{secret}/pdf");
            o.Conventions.AddPageRoute("/Plan/Letter", "/case/{id}/{secret}/letter");
        }).AddMvcOptions(o =>
        {
            // We never bind jQuery-style keys (a[b]); their parser throws on a key like "a[" that anyone can post, so drop it.
            foreach (var jquery in o.ValueProviderFactories.Where(f => f is Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory or Microsoft.AspNetCore.Mvc.ModelBinding.JQueryQueryStringValueProviderFactory).ToList())
            {
                o.ValueProviderFactories.Remove(jquery);
            }
        });
        services.AddReusedAntiforgeryTokens();
        services.AddValidatedOptions<PerformanceOptions>(PerformanceOptions.Section);
        services.AddSingleton<StartupWarmUp>();
        services.AddSingleton<PdfRenderGate>();
        services.AddHostedService(sp => sp.GetRequiredService<StartupWarmUp>());
        WarmFirstServer.Decorate(services);
        services.AddProblemDetails();
        services.AddSingleton<DatabaseWriteProbe>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<WarmUpHealthCheck>(WarmUpHealthCheck.Name, tags: [WarmUpHealthCheck.ReadyTag]);
        services.AddLeakRightsApi();
        services.AddLeakRightsRateLimiting();
        services.AddLeakRightsIncidents();
        services.AddLeakRightsHostingSecurity();

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

    /// <summary>
    /// Checks every setting, loads the seed content, creates and migrates the database, switches SQLite to WAL, seeds missing
    /// content (all under the database's start-up lock, <see cref="DatabaseSetup.MigrateAndSeedAsync"/>), loads the content
    /// snapshot and checks that every article the rules cite is in it. Any failure stops start-up
    /// with a message naming the setting, file or citation.
    /// </summary>
    public static async Task InitializeLeakRightsAsync(this WebApplication app)
    {
        // The options registered with ValidateOnStart, checked now rather than when the host starts: the admin command line
        // never starts the host, and nothing below should run on a bad setting.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var content = app.Services.GetRequiredService<ContentBundle>();

        // Migrations, seeding and the first Data Protection key under the database's start-up lock: instances starting
        // together take turns, and only the first creates anything.
        await DatabaseSetup.MigrateAndSeedAsync(
            app.Services,
            () => app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("LeakRights.Startup").Protect("ready"));

        var snapshot = app.Services.GetRequiredService<ContentSnapshotProvider>();
        await snapshot.ReloadAsync();
        RequireCitedArticles(content.Rules, snapshot.Current);

        foreach (var warning in app.Services.GetRequiredService<RuleCitationWarnings>().Current())
        {
            LogCitationWarning(app.Logger, warning.Text);
        }

        // Load the PDF fonts once, before the first download.
        NotoFontResolver.EnsureRegistered();
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
        app.UseOutputCache();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapLeakRights(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapLeakRightsApi();
        app.MapLeakRightsCaseApi();
        app.MapLeakRightsIncidents();
        // Liveness (and the database) on /healthz; readiness — that and the start-up warm-up having ended — on /readyz.
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = r => !r.Tags.Contains(WarmUpHealthCheck.ReadyTag) });
        app.MapHealthChecks(WarmUpHealthCheck.ReadinessPath);
        return app;
    }

    /// <summary>
    /// Every article the rules cite must be in the database content the site serves: one missing (for example a row the snapshot
    /// refused as damaged) would silently drop out of every plan that cites it, so start-up stops, naming each one and where
    /// the rules use it.
    /// </summary>
    public static void RequireCitedArticles(RuleSet rules, ContentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(snapshot);
        var missing = ContentRules.CitationsIn(rules)
            .Where(c => !CitationRef.TryParse(c.Ref, out CitationRef citation) || !snapshot.TryFindArticle(citation, out _, out _))
            .GroupBy(c => c.Ref, StringComparer.Ordinal)
            .Select(g => $"{g.Key} (cited by {string.Join(", ", g.Select(c => c.Where))})")
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The rules in seeds/{SeedLoader.RulesFile} cite articles that are not in the database content: {string.Join("; ", missing)}. " +
                "A row refused as damaged is named in the log line before this: fix it in the database, or delete it (with its revisions) " +
                "so that the next start seeds it again from seeds/statutes.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule citation warning: {Warning}")]
    private static partial void LogCitationWarning(Microsoft.Extensions.Logging.ILogger logger, string warning);
}
