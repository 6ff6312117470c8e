using System.Net;
using DocumentFormat.OpenXml.Packaging;
using LeakRights.Web.Tests.Pages.Check;
using UglyToad.PdfPig;

namespace LeakRights.Web.Tests.Pages.Incidents;

/// <summary>Tests Pages/Incidents/Referral.cshtml.cs: the referral letter (线索材料) for a published incident, read back from the PDF.</summary>
public sealed class ReferralTests(IncidentApp app) : IClassFixture<IncidentApp>
{
    private const string Url = "/incidents/hotel-group-2026-11/referral";

    private static string PdfText(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    private async Task<(WebSession Session, IDocument Form)> FormAsync()
    {
        var s = new WebSession(app);
        var (response, page) = await s.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (s, page);
    }

    [Fact]
    public async Task Get_PublishedIncident_ShowsTheChoiceOfAddresseeAndTheProvinces()
    {
        var (s, page) = await FormAsync();
        using var _ = s;

        Assert.Equal(["procuratorate", "consumer-association"], page.QuerySelectorAll<IHtmlInputElement>("input[name=addressee]").Select(i => i.Value));
        Assert.Equal(31, page.QuerySelectorAll("datalist#provinces option").Length);
        Assert.Contains("某某酒店集团", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NoPersonalDetails_PdfSummarisesTheIncidentFromTheRegistry_WithSourcesAndCitations_AndNothingOfThePerson()
    {
        var (s, page) = await FormAsync();
        using var _ = s;

        var response = await s.SubmitAsync(page, Fields.Of(("addressee", "procuratorate"), ("province", "广东省"), ("name", ""), ("contact", ""), ("affected", ""), ("format", "pdf")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("线索材料-hotel-group-2026-11.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var text = PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("关于某某酒店集团个人信息泄露事件的公益诉讼线索材料", text, StringComparison.Ordinal);
        Assert.Contains("广东省人民检察院（公益诉讼检察部门）：", text, StringComparison.Ordinal);
        Assert.Contains("事件发生时间：2026年10月20日；公开时间：2026年11月3日", text, StringComparison.Ordinal);
        Assert.Contains("姓名、身份证号；手机号、电话、邮箱；住宿记录", text, StringComparison.Ordinal);
        Assert.Contains("5000条以上", text, StringComparison.Ordinal);
        Assert.Contains("（未经证实）", text, StringComparison.Ordinal);
        Assert.Contains("某某酒店集团会员信息疑遭泄露（新闻报道，2026年11月3日）", text, StringComparison.Ordinal);
        Assert.Contains("https://news.example.cn/2026/11/03/hotel", text, StringComparison.Ordinal);
        Assert.Contains("https://hotel.example.cn/notice", text, StringComparison.Ordinal);
        Assert.Contains("《中华人民共和国个人信息保护法》第七十条", text, StringComparison.Ordinal);
        Assert.Contains("侵害众多个人的权益的，人民检察院、法律规定的消费者组织和由国家网信部门确定的组织可以依法向人民法院提起诉讼", text, StringComparison.Ordinal); // verbatim, appended
        Assert.DoesNotContain("第四十七条", text, StringComparison.Ordinal); // the consumer-association article only when addressed to one
        Assert.Equal(4, text.Split("（未填写）").Length - 1); // name, contact, how affected, and the signature
        Assert.Contains("反映人：（未填写）", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ConsumerAssociationWithDetails_AddressesItAndCites47_AndPrintsWhatThePersonAdded()
    {
        var (s, page) = await FormAsync();
        using var _ = s;

        var response = await s.SubmitAsync(page, Fields.Of(("addressee", "consumer-association"), ("province", "上海市"), ("name", "王小明"), ("contact", "13800000000"), ("affected", "入住后常接到冒充酒店的诈骗电话"), ("format", "pdf")));
        var text = PdfText(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains("上海市消费者协会：", text, StringComparison.Ordinal);
        Assert.Contains("第四十七条", text, StringComparison.Ordinal);
        Assert.Contains("对侵害众多消费者合法权益的行为，中国消费者协会以及在省、自治区、直辖市设立的消费者协会，可以向人民法院提起诉讼", text, StringComparison.Ordinal);
        Assert.Contains("姓名：王小明", text, StringComparison.Ordinal);
        Assert.Contains("联系方式：13800000000", text, StringComparison.Ordinal);
        Assert.Contains("入住后常接到冒充酒店的诈骗电话", text, StringComparison.Ordinal);
        Assert.DoesNotContain("（未填写）", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Word_IsTheSameLetterAsAnEditableFile()
    {
        var (s, page) = await FormAsync();
        using var _ = s;

        var response = await s.SubmitAsync(page, Fields.Of(("addressee", "procuratorate"), ("province", "北京市"), ("format", "docx")));
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);

        Assert.Equal("线索材料-hotel-group-2026-11.docx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Contains("北京市人民检察院（公益诉讼检察部门）", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("procuratorate", "", "王小明", "province", "请填写省、自治区或者直辖市")]
    [InlineData("court", "广东省", "王小明", "addressee", "请选择把材料交给谁")]
    [InlineData("procuratorate", "广东\u202E省", "王小明", "province", "U+202E")]
    [InlineData("procuratorate", "广东省广东省广东省广东省广东省广东省广东省广东省", "王小明", "province", "20")]
    public async Task Post_BadInput_ShowsTheFormAgainWithAChineseMessage_AndKeepsWhatWasTyped(string addressee, string province, string name, string field, string message)
    {
        var (s, page) = await FormAsync();
        using var _ = s;

        var response = await s.SubmitAsync(page, Fields.Of(("addressee", addressee), ("province", province), ("name", name), ("format", "pdf")));
        var again = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, again.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector($"[data-error-summary] a[href='#f-{field}']"));
        Assert.Equal(name, again.QuerySelector<IHtmlInputElement>("#f-name")!.Value);
    }

    [Theory]
    [InlineData("/incidents/no-such-incident/referral")]
    [InlineData("/incidents/%20/referral")]
    public async Task GetAndPost_UnknownIncident_AreAFriendly404(string url)
    {
        using var s = new WebSession(app);

        var (get, page) = await s.GetAsync(url);
        var post = await s.Client.PostAsync(url, new FormUrlEncodedContent([new("addressee", "procuratorate"), new("province", "广东省")]));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Contains("没有找到这起泄露事件", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.True((int)post.StatusCode is 400 or 404, $"POST answered {(int)post.StatusCode}");
    }
}
