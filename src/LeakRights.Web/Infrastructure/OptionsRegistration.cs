using Microsoft.Extensions.Options;

namespace LeakRights.Web.Infrastructure;

/// <summary>Every settings section the app reads is bound to a type and checked once, when the app starts.</summary>
public static class OptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/>, checks its data annotations (messages name the setting through
    /// each property's <c>[Display(Name = "Section:Key")]</c>) and does so at start: a value the binder cannot convert ("abc" for a
    /// number) or one out of range stops start-up. <see cref="LeakRightsApplication.InitializeLeakRightsAsync"/> runs these
    /// checks first, so the admin command line (which never starts the web host) is checked too.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
