using LeakRights.Core.Answers;
using LeakRights.Core.Incidents;
using LeakRights.Core.Pdf;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Tests.Incidents;

/// <summary>The referral letter (线索材料) from seeds/public-interest.json: the registry's facts, the person's only when given.</summary>
public class ReferralLetterTests
{
    private static ReferralLetterBuilder Builder() => new(TestContent.Bundle, new AnswerParser(TestContent.Clock()), TestContent.Clock());

    private static ReferralLetter Build(Incident incident, ReferralRequest request) => Builder().Build(incident, request, new SeedCatalog(TestContent.Bundle));

    private static string Text(ReferralLetter r) => string.Join("\n", r.Letter.Paragraphs.Concat(r.Letter.Signature).Select(p => p.Text).Prepend(r.Letter.Title.Text));

    [Fact]
    public void Build_Procuratorate_NoDetails_StatesTheIncidentFromTheRegistry_AndLeavesThePersonUnfilled()
    {
        var letter = Build(IncidentPlanTests.Hotel, new ReferralRequest("procuratorate", "广东省", null, null, null));
        var text = Text(letter);

        Assert.Equal("关于某某酒店集团个人信息泄露事件的公益诉讼线索材料", letter.Letter.Title.Text);
        Assert.StartsWith("广东省人民检察院（公益诉讼检察部门）：", letter.Letter.Paragraphs[0].Text, StringComparison.Ordinal);
        Assert.Contains("涉事单位：某某酒店集团（所属领域：App、网站、社交平台）", text, StringComparison.Ordinal);
        Assert.Contains("事件发生时间：2026年10月20日；公开时间：2026年11月3日", text, StringComparison.Ordinal);
        Assert.Contains("目前状态：已有公开报道，尚未经涉事单位或者有关主管部门证实（未经证实）", text, StringComparison.Ordinal);
        Assert.Contains("1. 某某酒店集团会员信息疑遭泄露（新闻报道，2026年11月3日）：https://news.example.cn/2026/11/03/hotel", text, StringComparison.Ordinal);
        Assert.Contains("根据《中华人民共和国个人信息保护法》第七十条", text, StringComparison.Ordinal);
        Assert.Equal(["pipl#70"], letter.Letter.Citations.Select(c => c.ToString()));
        Assert.Equal(["姓名：（未填写）", "联系方式：（未填写）", "本人受到影响的情况：（未填写）"], letter.Letter.Paragraphs.Select(p => p.Text).Where(p => p.Contains("（未填写）", StringComparison.Ordinal)));
        Assert.Equal("日期：2026年11月27日", letter.Letter.Signature[1].Text);
    }

    [Fact]
    public void Build_ConsumerAssociation_Cites47Too_AndEachSourceHasItsOwnParagraph()
    {
        var incident = IncidentPlanTests.Hotel with
        {
            OccurredOn = null,
            Status = IncidentStatus.ConfirmedByAuthority,
            Sources = [.. IncidentPlanTests.Hotel.Sources, new IncidentSource(IncidentSourceKind.RegulatorAnnouncement, "网信办通报", new Uri("https://cac.example.cn/1"), new DateOnly(2026, 11, 10))],
        };

        var letter = Build(incident, new ReferralRequest("consumer-association", "上海市", "王小明", "13800000000", "常接到诈骗电话"));
        var text = Text(letter);

        Assert.StartsWith("上海市消费者协会：", text.Split('\n')[1], StringComparison.Ordinal);
        Assert.Equal(["pipl#70", "consumer-protection-law#47"], letter.Letter.Citations.Select(c => c.ToString()));
        Assert.Equal(2, letter.Citations.Count);
        Assert.Contains("事件发生时间：不详", text, StringComparison.Ordinal);
        Assert.Contains("有关主管部门已经公开确认", text, StringComparison.Ordinal);
        Assert.DoesNotContain("未经证实）", text, StringComparison.Ordinal);
        Assert.Contains("2. 网信办通报（主管部门或者公安机关通报，2026年11月10日）：https://cac.example.cn/1", text, StringComparison.Ordinal);
        Assert.Contains("姓名：王小明", text, StringComparison.Ordinal);
        Assert.DoesNotContain("（未填写）", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "广东省", "addressee")]
    [InlineData("court", "广东省", "addressee")]
    [InlineData("procuratorate", "  ", "province")]
    [InlineData("procuratorate", "广东\u202E省", "province")]
    [InlineData("procuratorate", "一二三四五六七八九十一二三四五六七八九十一", "province")]
    public void Parse_BadInput_NamesTheField(string addressee, string province, string field)
    {
        var parsed = Builder().Parse(new Dictionary<string, string?> { ["addressee"] = addressee, ["province"] = province });

        Assert.False(parsed.IsValid);
        Assert.Equal([field], parsed.Errors.Keys);
    }

    [Fact]
    public void Parse_OptionalDetailsEmpty_AreNotGiven()
    {
        var parsed = Builder().Parse(new Dictionary<string, string?> { ["addressee"] = "procuratorate", ["province"] = " 广东省 ", ["name"] = "  ", ["affected"] = null });

        Assert.True(parsed.IsValid);
        Assert.Equal(new ReferralRequest("procuratorate", "广东省", null, null, null), parsed.Request);
    }

    [Fact]
    public void Render_Pdf_TheLetterThenTheArticlesVerbatim_WritesPdfWhenAsked()
    {
        var letter = Build(IncidentPlanTests.Hotel, new ReferralRequest("consumer-association", "广东省", null, null, null));

        var model = ReferralPdfComposer.Compose(letter);
        var pdf = ReferralPdfComposer.Render(letter, TestContent.Bundle.PdfFonts);

        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.Contains(model.Blocks, b => b is QuotationBlock q && q.Title.EndsWith("第四十七条", StringComparison.Ordinal) && q.Text.Contains("可以向人民法院提起诉讼", StringComparison.Ordinal));
        Assert.All(model.Blocks.OfType<PageBreakBlock>(), b => Assert.False(b.Framed)); // the person's letter: no product header or footer
        if (Environment.GetEnvironmentVariable("LEAKRIGHTS_REFERRAL_PDF_OUT") is { Length: > 0 } path)
        {
            File.WriteAllBytes(path, pdf);
        }
    }
}
