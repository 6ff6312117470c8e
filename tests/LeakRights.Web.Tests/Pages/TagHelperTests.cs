using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Pages;

/// <summary>
/// Issue 15: Razor's default URL-resolution, head and body tag helpers are removed (Pages/_ViewImports.cshtml). Each one was
/// created and run for every element with a URL attribute and for head and body, on every render, to resolve "~/" URLs that
/// no page has: ~15 % of a first-visit step page's CPU. The pages stay the same; the tag helpers that remain are the ones a
/// page asks for.
/// </summary>
public sealed class TagHelperTests
{
    private sealed class CountingTagHelperFactory(ITagHelperFactory inner) : ITagHelperFactory
    {
        public ConcurrentQueue<string> Created { get; } = new();

        public TTagHelper CreateTagHelper<TTagHelper>(ViewContext context)
            where TTagHelper : ITagHelper
        {
            Created.Enqueue(typeof(TTagHelper).Name);
            return inner.CreateTagHelper<TTagHelper>(context);
        }
    }

    private sealed class CountingApp : LeakRightsFactory
    {
        private CountingTagHelperFactory? _factory;

        /// <summary>The counting factory (resolving it starts the app).</summary>
        public CountingTagHelperFactory Factory => _factory ?? (CountingTagHelperFactory)Services.GetRequiredService<ITagHelperFactory>();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                var registered = services.Last(d => d.ServiceType == typeof(ITagHelperFactory));
                services.Remove(registered);
                services.AddSingleton<ITagHelperFactory>(sp =>
                {
                    var inner = (ITagHelperFactory)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!);
                    _factory = new CountingTagHelperFactory(inner);
                    return _factory;
                });
            });
        }
    }

    [Fact]
    public async Task Render_EveryKindOfPublicPage_CreatesNoUrlResolutionHeadOrBodyTagHelper()
    {
        using var app = new CountingApp();
        using var s = new WebSession(app);

        var planLink = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        foreach (var url in new[] { "/", "/check/1", "/privacy", "/statutes", "/statutes/pipl", "/admin/login", "/incidents", planLink })
        {
            var (response, _) = await s.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        }

        var created = app.Factory.Created.ToList();
        Assert.Contains("PartialTagHelper", created); // the tag helpers a page asks for are still created (and counted)
        Assert.DoesNotContain("UrlResolutionTagHelper", created);
        Assert.DoesNotContain("HeadTagHelper", created);
        Assert.DoesNotContain("BodyTagHelper", created);
    }

    [Fact]
    public async Task Render_StepPage_RunsNoTagHelperAtAll()
    {
        using var app = new CountingApp();
        using var s = new WebSession(app);
        await s.GetAsync("/");
        var before = app.Factory.Created.Count;

        var (response, page) = await s.GetAsync("/check/1");

        Assert.True(response.IsSuccessStatusCode);
        Assert.NotNull(page.QuerySelector("form input[name=__RequestVerificationToken]"));
        Assert.Equal(before, app.Factory.Created.Count);
    }
}
