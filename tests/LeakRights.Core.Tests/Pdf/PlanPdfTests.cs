using System.Text.RegularExpressions;
using LeakRights.Core.Pdf;
using LeakRights.Core.Rules;
using UglyToad.PdfPig;

namespace LeakRights.Core.Tests.Pdf;

/// <summary>Generated PDFs read back with PdfPig: the text is really there, in the right characters and order.</summary>
public partial class PlanPdfTests
{
    internal static readonly Dictionary<string, string> Letters = new()
    {
        ["your-name"] = "王小明",
        ["your-contact"] = "13800000000",
        ["organisation-address"] = "北京市某区某路1号",
    };

    /// <summary>The plan of a golden scenario, its letters filled with <paramref name="letters"/> (default: <see cref="Letters"/>).</summary>
    internal static Plan Scenario(string name, IReadOnlyDictionary<string, string>? letters = null)
    {
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContent.SeedsDirectory, "scenarios", name + ".json")));
        return TestContent.BuildPlan(TestContent.Answers(json.RootElement.GetProperty("answers").GetRawText()), letterFields: letters ?? Letters);
    }

    /// <summary>The PDF as the app makes it: with the content's shared font (<see cref="LeakRights.Core.Content.ContentBundle.PdfFonts"/>).</summary>
    internal static byte[] Render(Plan plan) => PlanPdf.Render(plan, fonts: TestContent.Bundle.PdfFonts);

    internal static string Text(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
    }

    /// <summary>The text of the page bodies only (without the running header and footer), so text flowing across pages reads on.</summary>
    private static string BodyText(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Where(l => l.BoundingBox.Bottom > 60 && l.BoundingBox.Top < p.Height - 52).Select(l => l.Value))));
    }

    private static string Squeeze(string s) => WhitespaceRegex().Replace(s, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [Fact]
    public void Render_BankFraudScenario_ContainsEveryCitedArticleVerbatimInOrder()
    {
        var plan = Scenario("bank-insider-sold-data-with-fraud-loss");

        var text = Squeeze(BodyText(Render(plan)));

        var position = text.IndexOf("附录：引用的法律条文", StringComparison.Ordinal);
        Assert.True(position > 0);
        foreach (var c in plan.Citations)
        {
            var next = text.IndexOf(Squeeze(c.Text), position, StringComparison.Ordinal);
            Assert.True(next > position, $"{c.Ref} is missing or out of order");
            position = next;
        }
    }

    [Fact]
    public void Render_Letters_UseTheLetterDetailsAndKeySentences()
    {
        var text = Squeeze(Text(Render(Scenario("bank-insider-sold-data-with-fraud-loss"))));

        Assert.Contains("个人信息保护要求函", text, StringComparison.Ordinal);
        Assert.Contains("投诉举报信", text, StringComparison.Ordinal);
        Assert.Contains("控告材料（情况说明）", text, StringComparison.Ordinal);
        Assert.Contains("控告人（被害人）：王小明", text, StringComparison.Ordinal);
        Assert.Contains("出具受案回执", text, StringComparison.Ordinal);
        Assert.DoesNotContain("不予立案复议申请书", text, StringComparison.Ordinal); // no refusal: no reconsideration letter
        Assert.Contains("申请人：王小明", text, StringComparison.Ordinal);
        Assert.Contains("13800000000", text, StringComparison.Ordinal);
        Assert.Contains("请贵单位自收到本函之日起十五日内书面答复", text, StringComparison.Ordinal);
        Assert.Contains("不得设置不合理条件（《网络数据安全管理条例》第二十三条）", text, StringComparison.Ordinal);
        Assert.Contains("（财产损失约20,000元）", text, StringComparison.Ordinal);
        Assert.Contains("《中华人民共和国刑法》第二百五十三条之一", text, StringComparison.Ordinal);

        // The complaint goes to a local office of the regulator, not to the hotline or the head office by name alone.
        Assert.Contains("致：国家金融监督管理总局＿＿＿＿监管局（分局）", text, StringComparison.Ordinal);

        // A bank must keep account records: stop all but storage, do not demand blanket deletion (个人信息保护法第四十七条第二款).
        Assert.Contains("停止除存储和采取必要的安全保护措施之外的处理", text, StringComparison.Ordinal);

        // Money was lost to fraud: the bank is asked to preserve its logs and pay the loss, citing the damages articles.
        Assert.Contains("封存并保全与本人信息有关的查询、访问和导出记录", text, StringComparison.Ordinal);
        Assert.Contains("赔偿本人因此遭受的财产损失人民币20,000元（《中华人民共和国个人信息保护法》第六十九条、《中华人民共和国民法典》第一千一百八十二条、《中华人民共和国消费者权益保护法》第五十条）", text, StringComparison.Ordinal);

        // Only signs of an insider: the staff member is accused (identity unknown), not the bank branch itself.
        Assert.Contains("某银行某支行的工作人员＿＿＿＿（姓名或者工号；不知道的写“身份不详，请依法查明”）", text, StringComparison.Ordinal);

        // The fraud itself is in the 控告, with stop-payment and freezing (反电信网络诈骗法第二十条) and tracing the source (第二十九条).
        Assert.Contains("被骗经过", text, StringComparison.Ordinal);
        Assert.Contains("紧急止付、快速冻结措施（《中华人民共和国反电信网络诈骗法》第二十条）", text, StringComparison.Ordinal);
        Assert.Contains("查证诈骗所利用的本人个人信息的来源（《中华人民共和国反电信网络诈骗法》第二十九条）", text, StringComparison.Ordinal);

        // The letters state categories the person ticked, never the option labels' examples as facts (no 邮箱, 房产 here).
        Assert.DoesNotContain("邮箱", text.Split("法律依据")[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoLetterDetails_LeavesBlanksToFillIn()
    {
        var text = Squeeze(Text(Render(Scenario("bank-insider-sold-data-with-fraud-loss", new Dictionary<string, string>()))));

        Assert.Contains("申请人：＿＿＿＿＿＿", text, StringComparison.Ordinal);
        Assert.DoesNotContain("王小明", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PersonWhoDidNothingYet_TheLettersReadBackStateNoRequestOrReport()
    {
        var plan = Scenario("courier-waybill-leak-spam-calls-only"); // not yet contacted, not reported
        using var doc = PdfDocument.Open(Render(plan));
        var letterPages = doc.GetPages().Select(p => Squeeze(string.Concat(p.Letters.Select(l => l.Value)))).Where(t => !t.Contains("LeakRights", StringComparison.Ordinal)).ToList();

        Assert.Equal(plan.Letters.Count, letterPages.Count);
        Assert.All(letterPages, t => Assert.DoesNotMatch("本人已于|本人曾|已经报警|对方拒绝|没有回应|机关决定不予立案", t));
    }

    [Fact]
    public void Render_OnlyLettersThatFitThePlan()
    {
        var text = Squeeze(Text(Render(Scenario("courier-waybill-leak-spam-calls-only"))));

        Assert.Contains("个人信息保护要求函", text, StringComparison.Ordinal);
        Assert.Contains("投诉举报信", text, StringComparison.Ordinal);
        Assert.DoesNotContain("控告材料", text, StringComparison.Ordinal);

        // A courier has no retention duty towards the recipient: plain deletion, and no claim that the person gave it the data.
        Assert.Contains("删除贵单位违法处理或者已无必要保存的本人个人信息", text, StringComparison.Ordinal);
        Assert.DoesNotContain("本人曾向贵单位提供", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ChineseText_ExtractsAsTheSourceCharactersNotLookAlikes()
    {
        var text = Text(Render(Scenario("bank-insider-sold-data-with-fraud-loss")));

        Assert.Contains("个人信息", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[\u2E80-\u2FDF]", text); // CJK radicals supplement and Kangxi radicals (⼈ for 人)
        Assert.DoesNotContain("\uFFFD", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryPlanPage_HasNumberedFooterAndTextDate_LetterPagesAreNumberedPerLetter()
    {
        var plan = Scenario("app-leaked-face-data-of-many-users-in-news");
        using var doc = PdfDocument.Open(Render(plan));
        var pages = doc.GetPages().Select(p => Squeeze(string.Concat(p.Letters.Select(l => l.Value)))).ToList();
        var starts = plan.Letters.Select(l => pages.FindIndex(t => t.StartsWith(Squeeze(l.Title.Text), StringComparison.Ordinal))).ToList();
        var firstLetter = starts[0];
        Assert.True(firstLetter > 0, "the letters come after the plan");
        Assert.Equal(starts.Order(), starts);

        // The plan's pages say they are the plan's: the letters after them are numbered on their own.
        for (var i = 0; i < firstLetter; i++)
        {
            Assert.Contains($"计划第{i + 1}页/共{firstLetter}页", pages[i], StringComparison.Ordinal);
            Assert.Contains("法律条文截至", pages[i], StringComparison.Ordinal);
        }

        // The letters are the person's: no product header, no "不是法律意见", no plan page numbers; each starts a page, and
        // a letter of more than one page numbers its own pages, so the recipient can tell one is missing.
        var ends = starts.Skip(1).Append(pages.Count).ToList();
        var longest = 0;
        for (var l = 0; l < starts.Count; l++)
        {
            var count = ends[l] - starts[l];
            longest = Math.Max(longest, count);
            for (var k = 0; k < count; k++)
            {
                var text = pages[starts[l] + k];
                Assert.DoesNotContain("LeakRights", text, StringComparison.Ordinal);
                Assert.DoesNotContain("不是法律意见", text, StringComparison.Ordinal);
                Assert.DoesNotContain("计划第", text, StringComparison.Ordinal);
                if (count == 1)
                {
                    Assert.DoesNotMatch("第[0-9]+页/共", text);
                }
                else
                {
                    Assert.EndsWith($"第{k + 1}页/共{count}页", text, StringComparison.Ordinal);
                }
            }
        }

        Assert.True(longest > 1, "a letter of several pages");
    }

    [Fact]
    public void Render_NameWithACharacterTheFontsLack_SaysSoOnThePlansFirstPage()
    {
        var missing = Enumerable.Range(0x20000, 0x10000).First(c => !NotoFontResolver.Prints(c)); // CJK Extension B onwards
        var printable = Enumerable.Range(0x20000, 0x10000).First(NotoFontResolver.Prints); // the full face maps some of them
        string FirstPage(string name)
        {
            var plan = Scenario("courier-waybill-leak-spam-calls-only", new Dictionary<string, string>(Letters) { ["your-name"] = name });
            using var doc = PdfDocument.Open(Render(plan));
            return Squeeze(string.Concat(doc.GetPage(1).Letters.Select(l => l.Value)));
        }

        Assert.Contains("注意：个别字无法显示", FirstPage("王" + char.ConvertFromUtf32(missing) + "明"), StringComparison.Ordinal);
        Assert.DoesNotContain("个别字无法显示", FirstPage("王" + char.ConvertFromUtf32(printable) + "明"), StringComparison.Ordinal);
        Assert.DoesNotContain("个别字无法显示", FirstPage("王小明"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FullPlanWithAllLetters_EmbedsFontSubsetsAndStaysSmall()
    {
        var pdf = Render(Scenario("app-leaked-face-data-of-many-users-in-news"));
        using var doc = PdfDocument.Open(pdf);

        Assert.True(pdf.Length < 400 * 1024, $"{pdf.Length} bytes");
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        var fontNames = FontNameRegex().Matches(raw).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(fontNames);
        Assert.All(fontNames, n => Assert.Matches("^[A-Z]{6}\\+", n));
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/BaseFont\s*/([A-Za-z0-9+\-]+)")]
    private static partial Regex FontNameRegex();

    [Fact]
    public void Render_EveryCompressedStream_IsACompleteZlibStreamWithItsChecksum()
    {
        var pdf = Render(Scenario("bank-insider-sold-data-with-fraud-loss"));
        var raw = System.Text.Encoding.Latin1.GetString(pdf);

        // Every stream but the XMP metadata (plain XML, meant to be readable as it is): page contents and fonts.
        var streams = StreamRegex().Matches(raw).Where(m => !m.Groups["dict"].Value.Contains("/Type/Metadata", StringComparison.Ordinal)).ToList();
        Assert.True(streams.Count > 10, $"{streams.Count} streams");
        Assert.All(streams, m =>
        {
            Assert.Contains("/FlateDecode", m.Groups["dict"].Value, StringComparison.Ordinal);
            var data = pdf.AsSpan(m.Index + m.Length, int.Parse(m.Groups["length"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            using var inflated = new MemoryStream();
            using (var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(data), System.IO.Compression.CompressionMode.Decompress))
            {
                zlib.CopyTo(inflated);
            }

            // RFC 1950: the stream ends with the Adler-32 of the uncompressed data, big-endian.
            uint a = 1, b = 0;
            foreach (var x in inflated.ToArray())
            {
                a = (a + x) % 65521;
                b = (b + a) % 65521;
            }

            Assert.Equal((b << 16) | a, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(data.Length - 4)));
        });
    }

    [GeneratedRegex(@"<<(?<dict>[^>]*/Length (?<length>\d+)[^>]*)>>\s*stream\r?\n")]
    private static partial Regex StreamRegex();

    [Fact]
    public void Render_PoliceRefusedToFileLastWeek_AddsTheReconsiderationRequest()
    {
        var text = Squeeze(Text(Render(ScenarioWith("former-employer-shared-hr-file-and-refused-deletion", "refusal-notice", "within-7-days"))));

        Assert.Contains("不予立案复议申请书", text, StringComparison.Ordinal);
        Assert.Contains("申请人（控告人）：王小明", text, StringComparison.Ordinal);
        Assert.Contains("收到不予立案通知书后七日以内", text, StringComparison.Ordinal);
        Assert.Contains("《公安机关办理刑事案件程序规定》第一百七十九条", text, StringComparison.Ordinal);
        Assert.DoesNotContain("查明犯罪所利用的本人个人信息的来源", text, StringComparison.Ordinal); // no fraud here
    }

    [Theory]
    [InlineData("over-7-days", "复议可能已经逾期")]
    [InlineData("not-received", "请先书面要求作出决定的公安机关送达通知书")]
    [InlineData(null, "收到不予立案通知书后七日以内")]
    public void Render_PoliceRefusalLongAgoOrWithoutNotice_OffersNoReconsiderationLetter(string? notice, string says)
    {
        var name = "former-employer-shared-hr-file-and-refused-deletion";
        var text = Squeeze(Text(Render(notice is null ? Scenario(name) : ScenarioWith(name, "refusal-notice", notice))));

        Assert.DoesNotContain("不予立案复议申请书", text, StringComparison.Ordinal);
        Assert.DoesNotContain("作出复议决定（从收到申请之日起算）", text, StringComparison.Ordinal);
        Assert.Contains(says, text, StringComparison.Ordinal);
    }

    /// <summary>A golden scenario with one answer added or changed.</summary>
    internal static Plan ScenarioWith(string name, string question, string value) => ScenarioWith(name, a => a[question] = value);

    /// <summary>A golden scenario with its answers changed by <paramref name="change"/> (arrays included).</summary>
    internal static Plan ScenarioWith(string name, Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestContent.SeedsDirectory, "scenarios", name + ".json")))!;
        var answers = json["answers"]!.AsObject();
        change(answers);
        return TestContent.BuildPlan(TestContent.Answers(answers.ToJsonString()), letterFields: Letters);
    }

    [Theory]
    [InlineData("bank-insider-sold-data-with-fraud-loss")]
    [InlineData("app-leaked-face-data-of-many-users-in-news")]
    [InlineData("police-officer-leaked-home-address-to-harasser")]
    [InlineData("car-dealer-location-data-used-by-stalker")]
    [InlineData("payment-password-leaked-loan-taken-in-my-name")]
    public void Layout_PathHeading_IsOnThePageOfItsFirstStep(string scenario)
    {
        var plan = Scenario(scenario);
        var pages = PdfLayoutEngine.Layout(PlanPdfComposer.Compose(plan).Blocks).Select(p => p.Ops.OfType<TextOp>().Select(t => t.Text).ToList()).ToList();

        foreach (var path in plan.Paths.Where(p => p.Steps.Count > 0))
        {
            var heading = pages.FindIndex(p => p.Any(t => t.StartsWith(path.Title, StringComparison.Ordinal)));
            Assert.True(heading >= 0, path.Title);
            Assert.True(pages[heading].Any(t => t.StartsWith(path.Steps[0].Title[..Math.Min(8, path.Steps[0].Title.Length)], StringComparison.Ordinal)), $"{path.Title} is on page {heading + 1} without its first step");
        }
    }

    [Fact]
    public void Render_IndividualAsTheSource_ComplaintIsNotAddressedToThePoliceHotline()
    {
        var text = Squeeze(Text(Render(Scenario("ex-partner-posted-my-address-online"))));

        Assert.Contains("致：＿＿＿＿网信办（互联网信息办公室）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("致：公安机关（110", text, StringComparison.Ordinal);

        // Sold offline: not the online-content centre (12377) but the local police, who punish a sale (治安管理处罚法第五十六条).
        var offline = Squeeze(Text(Render(Scenario("neighbour-sold-my-address-for-money-once"))));
        Assert.Contains("致：＿＿＿＿公安局（分局）＿＿＿＿派出所", offline, StringComparison.Ordinal);
        Assert.DoesNotContain("网信办", offline, StringComparison.Ordinal);
        Assert.DoesNotContain("致：公安机关（110", offline, StringComparison.Ordinal);
    }
}

