using LeakRights.Core.Answers;
using LeakRights.Core.Cases;
using LeakRights.Web.Infrastructure;

namespace LeakRights.Web.Cases;

/// <summary>
/// What a download (PDF, Word letter) is made from: a plan link's answers, or a saved case's answers, letter details and
/// contact log. <see cref="BasePath"/> is where its pages live; <see cref="Case"/> is set for a case.
/// </summary>
public sealed record PlanSource(AnswerSet Answers, IReadOnlyDictionary<string, string> LetterFields, IReadOnlyList<ProgressEntry> Progress, string BasePath, CaseLink? Case, int Version = 0);

/// <summary>Opens the source named by a route: <c>/plan/{token}/…</c> or <c>/case/{id}/{secret}/…</c>.</summary>
public sealed class PlanSources(PlanLinks links, CaseStore cases)
{
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    /// <summary>The path to send the person back to when the source does not open (it shows the "cannot open" page).</summary>
    public static string FallbackPath(RouteValueDictionary route) =>
        route.TryGetValue("token", out var t) && t is string token ? $"/plan/{Uri.EscapeDataString(token)}"
        : route.TryGetValue("id", out var i) && i is string id && route.TryGetValue("secret", out var s) && s is string secret ? CaseCrypto.LinkPath(Uri.EscapeDataString(id), Uri.EscapeDataString(secret))
        : "/";

    public async Task<PlanSource?> OpenAsync(RouteValueDictionary route, CancellationToken cancellationToken)
    {
        if (route.TryGetValue("token", out var t) && t is string token)
        {
            return links.Open(token, out _) is { } answers ? new PlanSource(answers, NoFields, [], $"/plan/{token}", null) : null;
        }

        if (route.TryGetValue("id", out var i) && i is string id && route.TryGetValue("secret", out var s) && s is string secret
            && await cases.OpenAsync(id, secret, cancellationToken) is { } opened)
        {
            return new PlanSource(opened.File.Answers, opened.File.LetterFields, opened.File.Progress, CaseCrypto.LinkPath(id, secret), new CaseLink(id, secret), opened.Version);
        }

        return null;
    }
}
