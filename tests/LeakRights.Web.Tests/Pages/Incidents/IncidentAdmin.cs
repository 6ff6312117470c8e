using System.Net;
using LeakRights.Web.Tests.Pages.Admin;

namespace LeakRights.Web.Tests.Pages.Incidents;

/// <summary>Creates, edits and publishes incidents through the real admin forms, as staff would (no seeds: tests make their own).</summary>
public static class IncidentAdmin
{
    /// <summary>The form fields of a valid incident; override any with <paramref name="changes"/> (a null value leaves the field out).</summary>
    public static List<KeyValuePair<string, string>> Fields(string slug, string organisation, params (string Key, string? Value)[] changes)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Input.Slug"] = slug,
            ["Input.Organisation"] = organisation,
            ["Input.Source"] = "courier",
            ["Input.OccurredOn"] = "2026-10-01",
            ["Input.BecamePublicOn"] = "2026-11-20",
            ["Input.Scale"] = "5000-plus",
            ["Input.Summary"] = $"{organisation}的寄件人和收件人信息被人在网上出售，涉及姓名、电话和地址。",
            ["Input.Status"] = "confirmed-by-organisation",
            ["Input.ModerationNote"] = "内部：还在等监管部门回复",
            ["Input.Note"] = "依据单位公告",
            ["Input.Sources[0].Kind"] = "organisation-notice",
            ["Input.Sources[0].Title"] = "关于用户信息安全事件的公告",
            ["Input.Sources[0].Url"] = "https://example.com/notice/1",
            ["Input.Sources[0].PublishedOn"] = "2026-11-20",
        };
        var types = new List<string> { "identity", "contact", "address" };
        foreach (var (key, value) in changes)
        {
            if (key == "Input.DataTypes")
            {
                types = value is null ? [] : value.Split(',').ToList();
            }
            else
            {
                fields[key] = value;
            }
        }

        var list = fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)).ToList();
        list.AddRange(types.Select(t => new KeyValuePair<string, string>("Input.DataTypes", t)));
        return list;
    }

    public static async Task<HttpResponseMessage> PostNewAsync(WebSession s, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (_, page) = await s.GetAsync("/admin/incidents/new");
        return await s.SubmitAsync(page, fields);
    }

    /// <summary>Creates (and by default publishes) an incident; returns its slug.</summary>
    public static async Task<string> CreateAsync(WebSession s, string slug, string organisation, bool publish = true, params (string Key, string? Value)[] changes)
    {
        var response = await PostNewAsync(s, Fields(slug, organisation, changes));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        if (publish)
        {
            await PublishAsync(s, slug, "Publish");
        }

        return slug;
    }

    /// <summary>Presses 发布 or 撤下 (handler Publish/Unpublish) on the edit page.</summary>
    public static async Task<HttpResponseMessage> PublishAsync(WebSession s, string slug, string handler)
    {
        var (_, page) = await s.GetAsync($"/admin/incidents/{slug}");
        var response = await s.SubmitAsync(page, LeakRights.Web.Tests.Fields.Of(("ExpectedRevision", Revision(page))), "form[data-publish-form]", $"/admin/incidents/{slug}?handler={handler}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    /// <summary>Saves the edit form with the incident's current values changed by <paramref name="changes"/>.</summary>
    public static async Task<HttpResponseMessage> EditAsync(WebSession s, string slug, params (string Key, string Value)[] changes)
    {
        var (_, page) = await s.GetAsync($"/admin/incidents/{slug}");
        var form = page.QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box when box.IsChecked:
                    values.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: not "checkbox" } input when !string.IsNullOrEmpty(input.Name) && input.Name != "__RequestVerificationToken":
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(select.Name!, select.Value ?? string.Empty));
                    break;
            }
        }

        foreach (var (key, value) in changes)
        {
            values.RemoveAll(v => v.Key == key);
            values.Add(new(key, value));
        }

        return await s.SubmitAsync(page, values, action: $"/admin/incidents/{slug}?handler=Save");
    }

    public static string Revision(IDocument page) => page.QuerySelector<IHtmlInputElement>("input[name=ExpectedRevision]")!.Value;

    public static Task<WebSession> StaffAsync(LeakRightsFactory factory) => AdminSession.SignedInAsync(factory);
}
