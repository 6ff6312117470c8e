namespace LeakRights.Web.Infrastructure;

/// <summary>Response headers shared by pages that show a person's plan or case.</summary>
public static class PersonalPages
{
    /// <summary>
    /// Cache-Control of a personal page that carries a form: never stored by a browser or proxy. It is exactly what the
    /// antiforgery token generator sets on such a page anyway; setting it first spares the warning the generator logs when
    /// it has to override a page's own header (one log event per request, ~4 % of the plan page's time; issue 15).
    /// </summary>
    public const string NoStoreWithForm = "no-cache, no-store";
}
