using System.Net;
using System.Text;
using LeakRights.Core.Cases;
using LeakRights.Web.Cases;
using LeakRights.Web.Data;
using LeakRights.Web.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Pages.Case;

/// <summary>
/// The case page as a person without JavaScript uses it (issue 13): saving a plan as a case, recording progress with
/// mistakes, two devices at once, the calendar's privacy, deletion, and every way a link can fail looking the same.
/// </summary>
public sealed class CasePageTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    private async Task<CaseLink> CreateAsync(params ProgressEntry[] progress)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CaseStore>().CreateAsync(TestCases.BankFraud(factory.Services, progress));
    }

    private async Task<int> RowsAsync(string id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LeakRightsDbContext>().Cases.CountAsync(c => c.Id == id);
    }

    private static IEnumerable<KeyValuePair<string, string>> Done(string step, string on, string channel = "", string reference = "", string note = "") =>
        Fields.Of(("step", step), ("kind", "done"), ("on", on), ("channel", channel), ("reference", reference), ("note", note));

    private static string FormOf(string step) => $"#step-{step} form.progress-form";

    /// <summary>Posts a form of the page as a browser does: its hidden fields (the step, the case's version) and the typed ones.</summary>
    private static Task<HttpResponseMessage> PostAsync(WebSession session, AngleSharp.Dom.IDocument page, IEnumerable<KeyValuePair<string, string>> typed, string selector, string? action = null)
    {
        var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"no form '{selector}'");
        var given = typed.ToList();
        var hidden = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? string.Empty))
            .Where(h => h.Key != "__RequestVerificationToken" && given.All(g => g.Key != h.Key));
        return session.SubmitAsync(page, [.. hidden, .. given], selector, action);
    }

    [Fact]
    public async Task SaveAsCase_FromPlanLink_OpensTheCaseAtAShortLink()
    {
        using var session = new WebSession(factory);
        var planPath = await CheckFlow.PlanLinkAsync(session, CheckFlow.BankFraud);
        var (_, plan) = await session.GetAsync(planPath);

        var response = await session.SubmitAsync(plan, [], "form.save-case");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/case/[A-Za-z0-9_-]{12}/[A-Za-z0-9_-]{22}\\?saved=1$", location);
        var path = location.Split('?')[0];
        Assert.True(("https://leakrights.example.cn" + path).Length <= 70, "a link on a 20-character host must fit in 70 characters");
        var (opened, page) = await session.FollowAsync(response);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("已保存为您的案件", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith(path, page.QuerySelector(".case-url code")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#step-send-deletion-request form.progress-form"));
        Assert.True(opened.Headers.CacheControl?.NoStore, "a case page must not be cached");
    }

    [Fact]
    public async Task Open_MissingWrongTruncatedOrDeletedLink_AllTheSameCannotOpenPage()
    {
        var link = await CreateAsync();
        var deleted = await CreateAsync();
        using (var scope = factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CaseStore>().DeleteAsync(deleted.Id, deleted.Secret));
        }

        using var session = new WebSession(factory);
        var bodies = new List<string>();
        foreach (var url in new[]
        {
            CaseCrypto.LinkPath(CaseCrypto.NewId(), link.Secret),
            CaseCrypto.LinkPath(link.Id, CaseCrypto.NewSecret()),
            CaseCrypto.LinkPath(link.Id, link.Secret[..^3]),
            CaseCrypto.LinkPath(deleted.Id, deleted.Secret),
            $"/case/{link.Id}/%E4%BD%A0%E5%A5%BD",
        })
        {
            var (response, page) = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            bodies.Add(page.QuerySelector("main")!.InnerHtml);
        }

        Assert.Single(bodies.Distinct());
        Assert.Contains("无法打开这个案件", bodies[0], StringComparison.Ordinal);
        var (ok, _) = await session.GetAsync(link.Path + "/");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task RecordProgress_BadDateAndTooLongReference_ChineseErrorsAndWhatWasTypedKept()
    {
        var link = await CreateAsync();
        using var session = new WebSession(factory);
        var (_, page) = await session.GetAsync(link.Path);

        var response = await PostAsync(session, page, Done("send-deletion-request", "2026-13-40", "ems", new string('号', 61), "寄给客服部"), FormOf("send-deletion-request"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var again = await WebSession.ParseAsync(response);
        var step = again.QuerySelector("#step-send-deletion-request")!;
        Assert.NotNull(step.QuerySelector("details.record[open]"));
        Assert.Contains("日期格式不对，请按“年-月-日”填写", step.TextContent, StringComparison.Ordinal);
        Assert.Contains("最多60个字，现在是61个字。", step.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-13-40", step.QuerySelector("input[name=on]")!.GetAttribute("value"));
        Assert.Equal(new string('号', 61), step.QuerySelector("input[name=reference]")!.GetAttribute("value"));
        Assert.Equal("寄给客服部", step.QuerySelector("input[name=note]")!.GetAttribute("value"));
        Assert.Equal("ems", step.QuerySelector("select[name=channel] option[selected]")!.GetAttribute("value"));
        Assert.Contains("没有保存", again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var future = await PostAsync(session, page, Done("send-deletion-request", "2026-11-28"), FormOf("send-deletion-request"));
        Assert.Contains("日期不能晚于今天。", (await WebSession.ParseAsync(future)).QuerySelector("#step-send-deletion-request")!.TextContent, StringComparison.Ordinal);

        var foreign = await PostAsync(session, page, Done("no-such-step", "2026-11-27"), FormOf("send-deletion-request"));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<CaseStore>().OpenAsync(link.Id, link.Secret))!.File.Progress);
    }

    [Fact]
    public async Task RecordProgress_TwoDevicesFromTheSamePage_SecondToldAndNoEntryLost()
    {
        var link = await CreateAsync();
        using var phone = new WebSession(factory);
        using var laptop = new WebSession(factory);
        var (_, onPhone) = await phone.GetAsync(link.Path);
        var (_, onLaptop) = await laptop.GetAsync(link.Path);

        var first = await PostAsync(phone, onPhone, Done("send-deletion-request", "2026-11-26", "ems", "EA111111111CN"), FormOf("send-deletion-request"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await PostAsync(laptop, onLaptop, Done("report-to-police", "2026-11-27", "in-person", "受案回执001"), FormOf("report-to-police"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var again = await WebSession.ParseAsync(second);
        Assert.Contains("这个案件刚刚在另一台设备", again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("EA111111111CN", again.QuerySelector("#log")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("受案回执001", again.QuerySelector("#step-report-to-police input[name=reference]")!.GetAttribute("value"));

        // Saving again from the page as it is now keeps both entries.
        var retry = await PostAsync(laptop, again, Done("report-to-police", "2026-11-27", "in-person", "受案回执001"), FormOf("report-to-police"));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var (_, now) = await laptop.FollowAsync(retry);
        var log = now.QuerySelector("#log")!.TextContent;
        Assert.Contains("EA111111111CN", log, StringComparison.Ordinal);
        Assert.Contains("受案回执001", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveEntry_RecordedByMistake_LeavesTheLogAndThePlanRecomputes()
    {
        var link = await CreateAsync(TestCases.Sent("e1"));
        using var session = new WebSession(factory);
        var (_, page) = await session.GetAsync(link.Path);
        Assert.Contains("已完成", page.QuerySelector("#step-send-deletion-request .progress-status")!.TextContent, StringComparison.Ordinal);

        var response = await PostAsync(session, page, Fields.Of(("entry", "e1")), "#log form");

        var (_, after) = await session.FollowAsync(response);
        Assert.Null(after.QuerySelector("#step-send-deletion-request .progress-status"));
        Assert.Contains("还没有记录", after.QuerySelector("#log")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_PrivateByDefault_OrganisationAndNumbersOnlyWhenChosen()
    {
        var link = await CreateAsync(TestCases.Sent("e1", "EA987654321CN"));
        using var session = new WebSession(factory);

        // Calendar lines are folded at 75 octets (CRLF and a space); a calendar app unfolds them before reading.
        var plain = (await session.Client.GetStringAsync(link.Path + "/calendar.ics")).Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR", plain, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:维权期限（LeakRights）", plain, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261211", plain, StringComparison.Ordinal);
        foreach (var personal in new[] { "某银行某支行", "EA987654321CN", "王小明", link.Secret })
        {
            Assert.DoesNotContain(personal, plain, StringComparison.Ordinal);
        }

        var (_, page) = await session.GetAsync(link.Path);
        await PostAsync(session, page, Fields.Of(("details", "on")), "#calendar form");
        var detailed = (await session.Client.GetStringAsync(link.Path + "/calendar.ics")).Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("单位：某银行某支行", detailed, StringComparison.Ordinal);
        Assert.Contains("编号：EA987654321CN", detailed, StringComparison.Ordinal);
        Assert.DoesNotContain("王小明", detailed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_WithoutTheTick_AsksAgain_WithIt_TheRowIsGone()
    {
        var link = await CreateAsync();
        using var session = new WebSession(factory);
        var (_, page) = await session.GetAsync(link.Path);

        var unticked = await PostAsync(session, page, [], "#keep form");
        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        Assert.Contains("请先勾选", (await WebSession.ParseAsync(unticked)).QuerySelector("#keep")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await RowsAsync(link.Id));

        var ticked = await PostAsync(session, page, Fields.Of(("confirm", "yes")), "#keep form");
        Assert.Equal("/case/deleted", ticked.Headers.Location!.OriginalString);
        Assert.Equal(0, await RowsAsync(link.Id));
        var (gone, _) = await session.GetAsync(link.Path);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Handlers_AnySpellingOrUnknown_NeverAServerError()
    {
        var link = await CreateAsync();
        using var session = new WebSession(factory);
        var (_, page) = await session.GetAsync(link.Path);

        var upper = await PostAsync(session, page, Done("send-deletion-request", "2026-11-27", "email"), FormOf("send-deletion-request"), link.Path + "/?handler=PROGRESS");
        Assert.Equal(HttpStatusCode.Redirect, upper.StatusCode);
        foreach (var handler in new[] { "Nope", "RemoveEntry", "Calendar", "SaveLetter" })
        {
            var response = await PostAsync(session, page, Fields.Of(("version", "x"), ("entry", "<script>")), FormOf("send-deletion-request"), $"{link.Path}?handler={handler}");
            Assert.True((int)response.StatusCode < 500, $"{handler}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Pdf_OfACase_PrintsTheLinkInTheBodyNeverInTheMetadata()
    {
        var link = await CreateAsync(TestCases.Sent("e1"));
        using var session = new WebSession(factory);
        var (_, page) = await session.GetAsync(link.Path);

        var response = await PostAsync(session, page, [], "section.download > form");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 10_000);
        var raw = Encoding.Latin1.GetString(bytes);
        Assert.DoesNotContain(link.Secret, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(link.Id, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_WholeCaseFlow_HoldNoSecretAnswersOrRecords()
    {
        const string organisation = "案件日志测试单位QK7713";
        const string reference = "EA55501234CN";
        const string note = "备注测试ZZ9090";
        var answers = new Dictionary<string, string[]>(CheckFlow.BankFraud) { ["organisation-name"] = [organisation] };
        using var session = new WebSession(factory);
        var (_, plan) = await session.GetAsync(await CheckFlow.PlanLinkAsync(session, answers));
        var saved = await session.SubmitAsync(plan, [], "form.save-case");
        var path = saved.Headers.Location!.OriginalString.Split('?')[0];
        var secret = path.Split('/')[^1];
        var (_, page) = await session.FollowAsync(saved);
        var recorded = await PostAsync(session, page, Done("send-deletion-request", "2026-11-26", "ems", reference, note), FormOf("send-deletion-request"));
        (_, page) = await session.FollowAsync(recorded);
        await PostAsync(session, page, Fields.Of(("your-name", "赵六六"), ("your-contact", "13900001111")), "section.download form:not([action$='/pdf']), section.download details form", path + "?handler=SaveLetter");
        await session.Client.GetStringAsync(path + "/calendar.ics");
        await PostAsync(session, page, [], "section.download > form");
        await PostAsync(session, page, Done("send-deletion-request", "2026-13-01", "ems", reference, note), FormOf("send-deletion-request"));
        await session.GetAsync(CaseCrypto.LinkPath(path.Split('/')[2], CaseCrypto.NewSecret()));

        // Everything a request logs comes before its completion line: once the last request's line is in, absence means something.
        var trace = new Trace();
        trace.Apply(session.Client);
        await session.GetAsync(path);
        Assert.Contains("\"/case/{id}/{secret}\" responded 200", await factory.Logs.WaitForRequestAsync(trace), StringComparison.Ordinal);
        var logs = factory.Logs.All;
        foreach (var secretOrPersonal in new[] { secret, organisation, reference, note, "赵六六", "13900001111" })
        {
            Assert.DoesNotContain(secretOrPersonal, logs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SaveLetterDetails_KeptInTheCase_FormShowsThemNextTime_BadOnesReshownWithErrors()
    {
        var link = await CreateAsync();
        using var session = new WebSession(factory);
        var (_, page) = await session.GetAsync(link.Path);
        const string form = "section.download details form";

        var bad = await PostAsync(session, page, Fields.Of(("your-name", "李\u202E四"), ("your-contact", "13900002222")), form, link.Path + "?handler=SaveLetter");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var again = await WebSession.ParseAsync(bad);
        Assert.Contains("U+202E", again.QuerySelector("section.download")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("13900002222", again.QuerySelector("section.download input[name=your-contact]")!.GetAttribute("value"));

        var saved = await PostAsync(session, page, Fields.Of(("your-name", "李四"), ("your-contact", "13900002222")), form, link.Path + "?handler=SaveLetter");
        var (_, after) = await session.FollowAsync(saved);
        Assert.Equal("李四", after.QuerySelector("section.download input[name=your-name]")!.GetAttribute("value"));
        using var scope = factory.Services.CreateScope();
        var opened = await scope.ServiceProvider.GetRequiredService<CaseStore>().OpenAsync(link.Id, link.Secret);
        Assert.Equal("13900002222", opened!.File.LetterFields["your-contact"]);
    }

    [Fact]
    public async Task CasePage_OutgoingLinks_NeverCarryTheLinkAsReferer()
    {
        var link = await CreateAsync(TestCases.Sent("e1"));
        using var session = new WebSession(factory);

        var (response, page) = await session.GetAsync(link.Path);

        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        var external = page.QuerySelectorAll("a[href^='http']").ToList();
        Assert.NotEmpty(external);
        Assert.All(external, a => Assert.Contains("noreferrer", a.GetAttribute("rel") ?? string.Empty, StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("script[src^='http'], link[href^='http'], img[src^='http']"));
    }

    [Fact]
    public async Task EditAnswers_ChangedInTheCheck_SavedIntoTheCaseWithItsLogKept()
    {
        var link = await CreateAsync(TestCases.Sent("e1"));
        using var session = new WebSession(factory);
        var (_, page) = await session.GetAsync(link.Path);

        var edit = await PostAsync(session, page, [], "form[action*='handler=EditAnswers']");
        Assert.Equal("/check/review", edit.Headers.Location!.OriginalString);
        var (_, review) = await session.FollowAsync(edit);
        Assert.Contains("您正在修改已保存案件的回答", review.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("保存修改，回到我的案件", review.QuerySelector("main form button.primary")!.TextContent.Trim());

        // Change the organisation on step 1, back to the review, save.
        var (_, step) = await session.GetAsync("/check/1?return=review");
        var changed = await session.SubmitAsync(step, Fields.Of(("source", "bank"), ("insider", "yes"), ("organisation-name", "改过名字的银行"), ("nav", "next")));
        (_, review) = await session.FollowAsync(changed);
        var saved = await session.SubmitAsync(review, [], "main form[method=post]:not([action*=handler])");

        Assert.Equal(link.Path + "?done=answers", saved.Headers.Location!.OriginalString);
        var (_, after) = await session.FollowAsync(saved);
        Assert.Contains("改过名字的银行", after.QuerySelector("#first-action, .next-things, main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("EA123456789CN", after.QuerySelector("#log")!.TextContent, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var opened = await scope.ServiceProvider.GetRequiredService<CaseStore>().OpenAsync(link.Id, link.Secret);
        Assert.Equal("改过名字的银行", opened!.File.Answers.Text("organisation-name"));
        Assert.Equal("王小明", opened.File.LetterFields["your-name"]);

        // The change is over: a new check makes a plan link again.
        var (again, _) = await session.GetAsync("/check/review");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task EditAnswers_ThenRestart_TheNextCheckMakesAPlanLinkNotACaseSave()
    {
        var link = await CreateAsync();
        using var session = new WebSession(factory);
        var (_, page) = await session.GetAsync(link.Path);
        await PostAsync(session, page, [], "form[action*='handler=EditAnswers']");
        var (_, restart) = await session.GetAsync("/check/restart");
        await session.SubmitAsync(restart, []);

        var plan = await CheckFlow.PlanLinkAsync(session, CheckFlow.BankFraud);

        Assert.StartsWith("/plan/", plan, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<CaseStore>().OpenAsync(link.Id, link.Secret))!.Version);
    }
}
