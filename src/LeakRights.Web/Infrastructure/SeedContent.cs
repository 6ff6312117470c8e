using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using LeakRights.Core.Content;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// The content from seeds/ (<see cref="ContentBundle"/>), loaded and validated when first resolved, from the configured
/// <see cref="LeakRightsOptions.SeedsPath"/>; an invalid file throws <see cref="SeedValidationException"/> naming it.
/// <see cref="LeakRightsApplication.InitializeLeakRightsAsync"/> resolves it first, so a bad seed file stops start-up before
/// anything else runs. Loads are shared per process: several hosts over the same, unchanged folder (the functional tests
/// start ~30) load and validate it once.
/// </summary>
public static class SeedContent
{
    private static readonly ConcurrentDictionary<string, Lazy<ContentBundle>> Loaded = new(StringComparer.Ordinal);

    /// <summary>Registers the bundle as a singleton loaded from the configured folder on first use.</summary>
    public static IServiceCollection AddSeedContent(this IServiceCollection services) =>
        services.AddSingleton(sp => Load(sp.GetRequiredService<IOptions<LeakRightsOptions>>().Value.SeedsFullPath));

    /// <summary>
    /// The bundle loaded from <paramref name="seedsDirectory"/>, shared with every earlier load of the same folder whose files
    /// (names, sizes, last-write times) have not changed since; a changed or different folder loads anew. A failed load is
    /// not kept, so the next attempt reads the files again.
    /// </summary>
    public static ContentBundle Load(string seedsDirectory)
    {
        var key = CacheKey(seedsDirectory);
        var load = Loaded.GetOrAdd(key, _ => new Lazy<ContentBundle>(() => SeedLoader.Load(seedsDirectory), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return load.Value;
        }
        catch
        {
            Loaded.TryRemove(KeyValuePair.Create(key, load));
            throw;
        }
    }

    /// <summary>The full path and a fingerprint of every file under it: relative name, size and last-write time (UTC ticks).</summary>
    internal static string CacheKey(string seedsDirectory)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(seedsDirectory));
        var key = new StringBuilder(root);
        if (Directory.Exists(root))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                key.Append('\n').Append(Path.GetRelativePath(root, file))
                    .Append('|').Append(info.Length.ToString(CultureInfo.InvariantCulture))
                    .Append('|').Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture));
            }
        }

        return key.ToString();
    }
}
