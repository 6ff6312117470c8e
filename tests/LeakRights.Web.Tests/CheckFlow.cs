using System.Net;

namespace LeakRights.Web.Tests;

/// <summary>Completes the guided check through the real forms, answering whatever each step shows from a dictionary of answers.</summary>
public static class CheckFlow
{
    public static readonly IReadOnlyDictionary<string, string[]> BankFraud = new Dictionary<string, string[]>
    {
        ["source"] = ["bank"],
        ["insider"] = ["yes"],
        ["organisation-name"] = ["某银行某支行"],
        ["data-types"] = ["identity", "contact", "property"],
        ["scale"] = ["unknown"],
        ["discovery"] = ["fraud-contact"],
        ["discovered-on"] = ["2026-10"],
        ["infringer-known"] = ["yes"],
        ["infringer-known-on"] = ["2026-10"],
        ["evidence"] = ["call-sms-records", "loss-proof"],
        ["harms"] = ["financial-loss"],
        ["loss-amount"] = ["20000"],
        ["ongoing-danger"] = ["no"],
        ["contacted-organisation"] = ["not-yet"],
        ["police-report"] = ["no"],
    };

    /// <summary>Answers every step and returns the review page.</summary>
    public static async Task<IDocument> CompleteAsync(WebSession session, IReadOnlyDictionary<string, string[]> answers)
    {
        var (response, page) = await session.GetAsync("/check/1");
        for (var guard = 0; guard < 20; guard++)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{page.Url} answered {(int)response.StatusCode}");
            }

            if (new Uri(page.Url).AbsolutePath == "/check/review")
            {
                return page;
            }

            // As a browser without JavaScript posts: follow-ups not shown yet are rendered disabled, and disabled inputs do not post.
            var names = page.QuerySelectorAll("main form input[name]:not([type=hidden]):not([disabled])").Select(i => i.GetAttribute("name")!).Distinct();
            var fields = names.SelectMany(n => answers.TryGetValue(n, out var v) ? v.Select(x => new KeyValuePair<string, string>(n, x)) : []).ToList();
            fields.Add(new("nav", "next"));
            (response, page) = await session.FollowAsync(await session.SubmitAsync(page, fields));
            if (page.QuerySelector("[data-error-summary]") is { } errors)
            {
                throw new InvalidOperationException($"{page.Url}: {errors.TextContent}");
            }
        }

        throw new InvalidOperationException("The check did not reach the review page.");
    }

    /// <summary>Completes the check and builds the plan; returns the plan page's URL path.</summary>
    public static async Task<string> PlanLinkAsync(WebSession session, IReadOnlyDictionary<string, string[]> answers)
    {
        var review = await CompleteAsync(session, answers);
        var response = await session.SubmitAsync(review, [], "main form[method=post]:not([action*=handler])");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }
}
