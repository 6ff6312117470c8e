using System.Net;
using LeakRights.Web.Infrastructure;

namespace LeakRights.Web.Tests.Pages.Check;

public sealed class StepTests : IClassFixture<LeakRightsFactory>
{
    private readonly LeakRightsFactory _factory;

    public StepTests(LeakRightsFactory factory) => _factory = factory;

    [Fact]
    public async Task Get_FirstStep_ShowsProgressAndOnlyTheSourceQuestion()
    {
        using var s = new WebSession(_factory);

        var (response, page) = await s.GetAsync("/check/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("第 1 步，共 6 步", page.QuerySelector(".progress-label")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(16, page.QuerySelectorAll("input[name=source][type=radio]").Length);
        // The follow-ups are in the page for site.js to reveal, hidden and disabled: nothing of them is shown or posts.
        Assert.Null(page.QuerySelector("input[name=insider]:not([disabled])"));
        Assert.True(page.QuerySelector("#q-insider")!.Closest(".conditional")!.HasAttribute("hidden"));
        Assert.NotNull(page.QuerySelector("fieldset#q-source legend"));
        // The reveal condition names this step's question (computed once per step, the same on every view).
        var reveal = page.QuerySelector("#q-insider")!.Closest(".conditional")!.GetAttribute("data-show-if")!;
        Assert.Contains("\"q\":\"source\"", reveal, StringComparison.Ordinal);
        var (_, again) = await s.GetAsync("/check/1");
        Assert.Equal(reveal, again.QuerySelector("#q-insider")!.Closest(".conditional")!.GetAttribute("data-show-if"));
        Assert.Equal(page.QuerySelectorAll(".conditional").Select(c => c.GetAttribute("data-show-if")), again.QuerySelectorAll(".conditional").Select(c => c.GetAttribute("data-show-if")));
    }

    [Fact]
    public async Task Post_SourceRevealsQuestions_RedirectsBackToSameStepShowingThem()
    {
        using var s = new WebSession(_factory);
        var (_, page) = await s.GetAsync("/check/1");

        var response = await s.SubmitAsync(page, Fields.Of(("source", "bank"), ("nav", "next")));
        var (_, again) = await s.FollowAsync(response);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/check/1", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector("input[name=insider]:not([disabled])"));
        Assert.NotNull(again.QuerySelector("input[name=organisation-name]:not([disabled])"));
        Assert.True(again.QuerySelector<IHtmlInputElement>("input[name=source][value=bank]")!.IsChecked);
        // Without JavaScript the page scrolls to what appeared (the anchor) and names it there.
        Assert.EndsWith("#new-questions", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var notice = again.GetElementById("new-questions")!;
        Assert.Contains("新增了 2 个问题", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("“是否有迹象表明是该单位的工作人员泄露或出售的？”", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("q-insider", notice.NextElementSibling?.QuerySelector(".question")?.Id ?? notice.NextElementSibling?.Id);
    }

    [Fact]
    public async Task Post_FollowUpRevealedInPlace_IsAcceptedWithItsTrigger()
    {
        using var s = new WebSession(_factory);
        var (_, page) = await s.GetAsync("/check/1");

        // What the page posts when site.js has revealed the follow-ups: the answers, and lr-shown for each one revealed.
        var response = await s.SubmitAsync(page, Fields.Of(
            ("source", "bank"), ("lr-shown", "insider"), ("insider", "yes"), ("lr-shown", "organisation-name"), ("organisation-name", "某银行"), ("nav", "next")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/check/2", response.Headers.Location!.OriginalString);
        var (_, review) = await s.GetAsync("/check/1");
        Assert.True(review.QuerySelector<IHtmlInputElement>("input[name=insider][value=yes]")!.IsChecked);
        Assert.Equal("某银行", review.QuerySelector<IHtmlInputElement>("input[name=organisation-name]")!.Value);
    }

    [Fact]
    public async Task Post_FollowUpRevealedButLeftEmpty_GoesOnWithoutShowingTheStepAgain()
    {
        using var s = new WebSession(_factory);
        var (_, page) = await s.GetAsync("/check/1");

        var response = await s.SubmitAsync(page, Fields.Of(("source", "bank"), ("lr-shown", "insider"), ("lr-shown", "organisation-name"), ("organisation-name", string.Empty), ("nav", "next")));

        Assert.Equal("/check/2", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_RevealedFollowUpWithBadValue_ReshowsItWithANaturalError()
    {
        using var s = new WebSession(_factory);
        await PassFirstThreeSteps(s);
        var (_, page) = await s.GetAsync("/check/4");

        var response = await s.SubmitAsync(page, Fields.Of(("harms", "financial-loss"), ("lr-shown", "loss-amount"), ("loss-amount", "很多"), ("ongoing-danger", "no"), ("nav", "next")));
        var again = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(again.QuerySelector("#e-loss-amount"));
        Assert.Null(again.QuerySelector("#f-loss-amount")!.GetAttribute("disabled"));
        // The question and the message read as one sentence: no "？：".
        var line = again.QuerySelector("[data-error-summary] li a")!.TextContent;
        Assert.StartsWith("大约损失了多少元？请填写", line, StringComparison.Ordinal);
        Assert.DoesNotContain("？：", again.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OptionalQuestionWhoseLabelSaysSo_HasOneOptionalMarker()
    {
        using var s = new WebSession(_factory);
        var (_, first) = await s.GetAsync("/check/1");
        var (_, page) = await s.FollowAsync(await s.SubmitAsync(first, Fields.Of(("source", "bank"), ("nav", "next"))));

        var label = page.QuerySelector("label[for=f-organisation-name]")!.TextContent;
        Assert.Contains("可不填", label, StringComparison.Ordinal);
        Assert.DoesNotContain("选填", label, StringComparison.Ordinal);
        Assert.Contains("（选填）", page.QuerySelector("#q-insider legend")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CompleteStep_RedirectsToNextStep()
    {
        using var s = new WebSession(_factory);
        var (_, page) = await s.GetAsync("/check/1");

        var response = await s.SubmitAsync(page, Fields.Of(("source", "unknown"), ("nav", "next")));

        Assert.Equal("/check/2", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_StepAfterAGap_RedirectsToFirstIncompleteStep()
    {
        using var s = new WebSession(_factory);

        var response = await s.Client.GetAsync("/check/4");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/check/1", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(99)]
    public async Task Get_StepOutOfRange_Returns404Page(int step)
    {
        using var s = new WebSession(_factory);

        var (response, page) = await s.GetAsync($"/check/{step}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("找不到这个页面", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MissingRequiredAnswer_ReshowsStepWithLinkedChineseError()
    {
        using var s = new WebSession(_factory);
        await PassStepOne(s);
        var (_, page) = await s.GetAsync("/check/2");

        var response = await s.SubmitAsync(page, Fields.Of(("data-types", "identity"), ("nav", "next")));
        var again = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = again.QuerySelector("[data-error-summary]")!;
        Assert.Contains("请选择一项。", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("#f-scale-0", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("e-scale", again.QuerySelector("fieldset#q-scale")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.True(again.QuerySelector<IHtmlInputElement>("input[name=data-types][value=identity]")!.IsChecked);
    }

    [Fact]
    public async Task Post_UnknownOption_ReshowsStepKeepingOtherAnswers()
    {
        using var s = new WebSession(_factory);
        await PassStepOne(s);
        var (_, page) = await s.GetAsync("/check/2");

        var response = await s.SubmitAsync(page, Fields.Of(("data-types", "identity"), ("data-types", "dna-sample"), ("scale", "only-me"), ("nav", "next")));
        var again = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("dna-sample", again.QuerySelector("#e-data-types")!.TextContent, StringComparison.Ordinal);
        Assert.True(again.QuerySelector<IHtmlInputElement>("input[name=scale][value=only-me]")!.IsChecked);
    }

    [Theory]
    [InlineData("2027-01", "发现时间不能晚于本月。")]
    [InlineData("1970-01", "年份不能早于1990年。")]
    [InlineData("next week", "请按“年-月”填写，例如 2026-10。")]
    public async Task Post_BadMonth_ShowsMessageAndKeepsInput(string month, string message)
    {
        using var s = new WebSession(_factory);
        await PassStepOne(s);
        await PassStep(s, 2, ("data-types", "identity"), ("scale", "only-me"));
        var (_, page) = await s.GetAsync("/check/3");

        var response = await s.SubmitAsync(page, Fields.Of(("discovery", "spam"), ("discovered-on", month), ("evidence", "none"), ("nav", "next")));
        var again = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, again.QuerySelector("#e-discovered-on")!.TextContent.Replace("错误：", string.Empty, StringComparison.Ordinal).Trim());
        Assert.Equal(month, again.QuerySelector<IHtmlInputElement>("#f-discovered-on")!.Value);
        Assert.True(again.QuerySelector<IHtmlInputElement>("input[name=evidence][value=none]")!.IsChecked);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("200000000")]
    [InlineData("很多")]
    public async Task Post_AmountOutOfRange_ShowsMessage(string amount)
    {
        using var s = new WebSession(_factory);
        await PassFirstThreeSteps(s);
        await PassStep(s, 4, ("harms", "financial-loss"), ("ongoing-danger", "no"));
        var (_, page) = await s.GetAsync("/check/4");

        var response = await s.SubmitAsync(page, Fields.Of(("harms", "financial-loss"), ("loss-amount", amount), ("ongoing-danger", "no"), ("nav", "next")));
        var again = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(again.QuerySelector("#e-loss-amount"));
        Assert.Equal(amount, again.QuerySelector<IHtmlInputElement>("#f-loss-amount")!.Value);
    }

    [Fact]
    public async Task Post_ForgedHiddenQuestion_IsRefusedWithMessage()
    {
        using var s = new WebSession(_factory);
        var (_, page) = await s.GetAsync("/check/1");

        var response = await s.SubmitAsync(page, Fields.Of(("source", "unknown"), ("insider", "yes"), ("nav", "next")));
        var again = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("本页没有的内容", again.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.True(again.QuerySelector<IHtmlInputElement>("input[name=source][value=unknown]")!.IsChecked);
    }

    [Fact]
    public async Task Post_Back_SavesValidAnswersWithoutRequiringTheRest()
    {
        using var s = new WebSession(_factory);
        await PassStepOne(s);
        var (_, page) = await s.GetAsync("/check/2");

        var response = await s.SubmitAsync(page, Fields.Of(("data-types", "health"), ("nav", "back")));
        var (_, step2) = await s.GetAsync("/check/2");

        Assert.Equal("/check/1", response.Headers.Location!.OriginalString);
        Assert.True(step2.QuerySelector<IHtmlInputElement>("input[name=data-types][value=health]")!.IsChecked);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        using var s = new WebSession(_factory);
        await s.GetAsync("/check/1");

        var response = await s.Client.PostAsync("/check/1", new FormUrlEncodedContent(Fields.Of(("source", "bank"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(AnswerDraftStore.CookieName, string.Join(";", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ReturnToReview_GoesBackToReviewAfterSaving()
    {
        using var s = new WebSession(_factory);
        await CheckFlow.CompleteAsync(s, CheckFlow.BankFraud);
        var (_, page) = await s.GetAsync("/check/2?return=review");

        var response = await s.SubmitAsync(page, Fields.Of(("data-types", "identity"), ("scale", "5000-plus"), ("nav", "next")));
        var (_, review) = await s.FollowAsync(response);

        Assert.Equal("/check/review", response.Headers.Location!.OriginalString);
        Assert.Contains("5000条以上", review.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MultiChoiceStep_MarksOnlyTheNoneOptionsAsExclusive()
    {
        using var s = new WebSession(_factory);
        await PassStepOne(s);
        await PassStep(s, 2, ("data-types", "identity"), ("scale", "only-me"));

        var (_, page) = await s.GetAsync("/check/3");

        // Razor writes a null data-* value as data-x="" — present, so a script testing presence would see every box as exclusive.
        // Step 3: discovery (multi), infringer-known (single), evidence (multi).
        Assert.Equal(["true", "false", "true"], page.QuerySelectorAll("fieldset").Select(f => f.GetAttribute("data-multi")));
        var exclusive = page.QuerySelectorAll("input[type=checkbox]").Where(i => i.GetAttribute("data-exclusive") != "false").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}:{i.GetAttribute("data-exclusive")}");
        Assert.Equal(["evidence=none:true"], exclusive);
    }

    internal static Task PassStepOne(WebSession s) => PassStep(s, 1, ("source", "unknown"));

    internal static async Task PassFirstThreeSteps(WebSession s)
    {
        await PassStepOne(s);
        await PassStep(s, 2, ("data-types", "identity"), ("scale", "only-me"));
        await PassStep(s, 3, ("discovery", "spam"), ("discovered-on", "2026-10"), ("evidence", "none"));
    }

    internal static async Task PassStep(WebSession s, int step, params (string, string)[] fields)
    {
        var (_, page) = await s.GetAsync($"/check/{step}");
        var response = await s.SubmitAsync(page, Fields.Of([.. fields, ("nav", "next")]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
