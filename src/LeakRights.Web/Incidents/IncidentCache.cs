using LeakRights.Core.Incidents;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Incidents;

/// <summary>
/// Output caching of the incident pages, the feed and the API (issue 16: a news-day spike lands on them). Entries are keyed by
/// path, <c>?q=</c> and the content version of the snapshot that rendered them, tagged <see cref="Tag"/>, kept for
/// <see cref="IncidentOptions.CacheSeconds"/>, and evicted whenever this instance's snapshot is replaced (an admin edit here,
/// or another instance's edit seen by <see cref="ContentVersionWatcher"/>). Only GET/HEAD 200 responses without a cookie are
/// stored, so nothing personal (a cookie, an antiforgery token) can be served to someone else.
/// </summary>
public sealed class IncidentCachePolicy : IOutputCachePolicy
{
    public const string Name = "incidents";

    public const string Tag = "incidents";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "q";
        context.CacheVaryByRules.VaryByValues["content"] = context.HttpContext.RequestServices.GetRequiredService<ContentSnapshotProvider>().Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Tags.Add(Tag);
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(context.HttpContext.RequestServices.GetRequiredService<IOptions<IncidentOptions>>().Value.CacheSeconds);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Evicts the incident entries from the output cache whenever the content snapshot is replaced.</summary>
public sealed class IncidentCacheEviction(ContentSnapshotProvider snapshot, IOutputCacheStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        snapshot.Reloaded += Evict;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        snapshot.Reloaded -= Evict;
        return Task.CompletedTask;
    }

    private void Evict(long version) => _ = store.EvictByTagAsync(IncidentCachePolicy.Tag, CancellationToken.None).AsTask();
}

/// <summary>The published incidents of the current snapshot, for services that ask for <see cref="IIncidentCatalog"/>.</summary>
public sealed class CurrentIncidentCatalog(ContentSnapshotProvider snapshot) : IIncidentCatalog
{
    public IReadOnlyList<Incident> PublishedIncidents => snapshot.Current.PublishedIncidents;

    public Incident? FindIncident(string slug) => snapshot.Current.FindIncident(slug);
}
