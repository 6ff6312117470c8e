using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Log privacy rules applied whatever the configured levels are. ASP.NET Core adds the request path to every event's scope
/// (for a plan page the path holds the encrypted answers) and its framework logs carry URLs, route values and handler
/// arguments at lower levels. We drop those properties everywhere and keep framework events only from Warning up.
/// </summary>
public static class PrivacyLogging
{
    private static readonly string[] ScrubbedProperties = ["RequestPath", "Path", "QueryString", "Url", "Uri", "Host", "PathBase", "RouteData", "Arguments"];

    public static LoggerConfiguration ApplyPrivacyRules(this LoggerConfiguration configuration) =>
        configuration
            .Enrich.With<ScrubEnricher>()
            .Filter.ByExcluding(IsChattyFrameworkEvent);

    private static bool IsChattyFrameworkEvent(LogEvent e) =>
        e.Level < LogEventLevel.Warning
        && e.Properties.TryGetValue(Constants.SourceContextPropertyName, out var source)
        && source is ScalarValue { Value: string name }
        && name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal);

    private sealed class ScrubEnricher : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            foreach (var name in ScrubbedProperties)
            {
                logEvent.RemovePropertyIfPresent(name);
            }
        }
    }
}
