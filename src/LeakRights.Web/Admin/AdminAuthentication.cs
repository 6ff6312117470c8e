using LeakRights.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeakRights.Web.Admin;

/// <summary>
/// Cookie sign-in for staff: HttpOnly, SameSite=Strict, Secure outside Development. A session ends after 30 minutes
/// without a request and 8 hours after the password was entered, and at once when the account's security stamp changes
/// (sign-out, password change, disabling). The cookie handler uses the app's <see cref="TimeProvider"/> (the framework
/// post-configures scheme options with the registered one), so tests move its clock.
/// </summary>
public static class AdminAuthentication
{
    public const string Scheme = "LeakRights.Admin";
    public const string Policy = "Admin";
    public const string CookieName = "lr_admin";
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static IServiceCollection AddLeakRightsAdminAuthentication(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.TryAddSingleton<IPasswordHasher<AdminUser>, PasswordHasher<AdminUser>>();
        services.AddAuthentication(Scheme).AddCookie(Scheme, o =>
        {
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/login";
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
            o.Cookie.SecurePolicy = environment.IsDevelopment() || environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Events.OnValidatePrincipal = async context =>
            {
                var services = context.HttpContext.RequestServices;
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                if (context.Principal is null
                    || !(AdminAccounts.SignedInAt(context.Principal) is { } signedInAt && now - signedInAt < SessionLifetime)
                    || !await services.GetRequiredService<AdminAccounts>().IsStillValidAsync(context.Principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Scheme);
                    return;
                }

                // Slide on every request (the default renews only after half the time), so 30 idle minutes always end it.
                context.ShouldRenew = true;
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}
