using System.Net;
using AngleSharp;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LeakRights.Web.Tests;

/// <summary>A person with a browser: keeps cookies, reads pages as HTML and submits forms with their antiforgery token.</summary>
public sealed class WebSession : IDisposable
{
    private readonly HttpClient _client;

    public WebSession(WebApplicationFactory<Program> factory)
        : this(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }))
    {
    }

    /// <summary>A session over a client of its own (an app running as a separate process; the client keeps cookies, no redirects).</summary>
    public WebSession(HttpClient client) => _client = client;

    public HttpClient Client => _client;

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string url)
    {
        var response = await _client.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>Follows redirects (GET) and returns the final page.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> FollowAsync(HttpResponseMessage response)
    {
        for (var i = 0; i < 10 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; i++)
        {
            response = await _client.GetAsync(response.Headers.Location);
        }

        return (response, await ParseAsync(response));
    }

    /// <summary>Posts the page's first form (or the one matching <paramref name="formSelector"/>) with the given fields and the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IDocument page, IEnumerable<KeyValuePair<string, string>> fields, string formSelector = "main form[method=post]", string? action = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value;
        var values = new List<KeyValuePair<string, string>>(fields);
        if (token is not null)
        {
            values.Add(new("__RequestVerificationToken", token));
        }

        var target = action ?? (string.IsNullOrEmpty(form.GetAttribute("action")) ? new Uri(page.Url).PathAndQuery : form.GetAttribute("action")!);
        return await _client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var url = response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/";
        return await context.OpenAsync(r => r.Content(html).Address(url));
    }

    public void Dispose() => _client.Dispose();
}

public static class Fields
{
    public static IEnumerable<KeyValuePair<string, string>> Of(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value));
}
