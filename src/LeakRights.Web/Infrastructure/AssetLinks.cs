using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// The address of a file under wwwroot with its content version (<c>?v=</c> hash), as the link and script tag helpers'
/// <c>asp-append-version</c> writes it, without a tag helper per element (issue 15, docs/performance.md finding 17).
/// </summary>
public static class AssetLinks
{
    public static string Versioned(this IFileVersionProvider versions, HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(request);
        return versions.AddFileVersionToPath(request.PathBase, request.PathBase + path);
    }
}
