using Microsoft.AspNetCore.Authentication;

namespace LeakRights.Web.Admin;

/// <summary>Cookie sign-in for staff: 8-hour sessions, HttpOnly, SameSite=Strict, Secure outside Development; a disabled account's cookie stops working.</summary>
public static class AdminAuthentication
{
    public const string Scheme = "LeakRights.Admin";
    public const string Policy = "Admin";
    public const string CookieName = "lr_admin";
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddLeakRightsAdminAuthentication(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddAuthentication(Scheme).AddCookie(Scheme, o =>
        {
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/login";
            o.ExpireTimeSpan = SessionLifetime;
            o.SlidingExpiration = false;
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
            o.Cookie.SecurePolicy = environment.IsDevelopment() || environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Events.OnValidatePrincipal = async context =>
            {
                var accounts = context.HttpContext.RequestServices.GetRequiredService<AdminAccounts>();
                if (context.Principal is null || !await accounts.IsStillValidAsync(context.Principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Scheme);
                }
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}
