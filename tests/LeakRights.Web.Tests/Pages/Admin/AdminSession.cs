using System.Net;
using LeakRights.Web.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Pages.Admin;

/// <summary>Creates admin accounts through the same service the CLI uses and signs in through the real login form.</summary>
public static class AdminSession
{
    public const string Password = "correct horse battery";

    public static async Task CreateAccountAsync(LeakRightsFactory factory, string user)
    {
        using var scope = factory.Services.CreateScope();
        var problem = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateAsync(user, Password);
        Assert.Null(problem);
    }

    public static async Task<WebSession> SignedInAsync(LeakRightsFactory factory, string user = "editor")
    {
        factory.CreateClient().Dispose();
        using (var scope = factory.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
            if ((await accounts.ListAsync()).All(u => u.UserName != user))
            {
                Assert.Null(await accounts.CreateAsync(user, Password));
            }
        }

        var s = new WebSession(factory);
        var response = await SignInAsync(s, user, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return s;
    }

    public static async Task<HttpResponseMessage> SignInAsync(WebSession s, string user, string password)
    {
        var (_, page) = await s.GetAsync("/admin/login");
        return await s.SubmitAsync(page, Fields.Of(("UserName", user), ("Password", password)));
    }
}
