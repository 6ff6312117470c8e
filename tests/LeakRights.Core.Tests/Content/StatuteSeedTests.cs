using System.Globalization;
using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class StatuteSeedTests
{
    [Theory]
    [InlineData("第一千零三十八条", "1038")]
    [InlineData("第二百五十三条之一", "253-1")]
    [InlineData("第十条", "10")]
    [InlineData("第一百一十一条", "111")]
    [InlineData("第八项", "8")]
    [InlineData("第十二项", "12")]
    [InlineData("序言", "preamble")]
    public void TryParseArticleLabel_ChineseLabel_GivesCitationNumber(string label, string expected)
    {
        Assert.True(ChineseNumerals.TryParseArticleLabel(label, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("Article 57")]
    [InlineData("第条")]
    [InlineData("第五十七章")]
    [InlineData("第五十七条之")]
    public void TryParseArticleLabel_NotAnArticle_Fails(string label)
    {
        Assert.False(ChineseNumerals.TryParseArticleLabel(label, out _));
    }

    /// <summary>Every seeds/statutes file, by id: one per file of the legal pack (shared/legal), plus the two appendix instruments.</summary>
    private static readonly string[] LawIds =
    [
        "civil-code", "pipl", "consumer-protection-law", "consumer-protection-regulations-2024", "criminal-law", "criminal-law-amendment-9",
        "npc-decision-2012", "cybersecurity-law", "cybersecurity-law-2016", "spc-spp-interpretation-2017", "spc-facial-recognition-2021",
        "public-security-admin-punishments-law", "criminal-procedure-law", "mps-criminal-procedure-rules-2020", "civil-procedure-law",
        "spc-civil-procedure-interpretation", "spc-limitation-2020", "spc-online-infringement-2020", "credit-reporting-regulation",
        "network-data-security-regulation", "anti-telecom-fraud-law", "minors-protection-law", "minors-online-protection-regulation",
        "market-supervision-complaints", "telecom-user-complaints",
    ];

    [Fact]
    public void Laws_EveryLegalPackFile_IsSeededAndNothingElse()
    {
        Assert.Equal(LawIds.Order(StringComparer.Ordinal), TestContent.Bundle.Laws.Select(l => l.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_EverySeedStatuteFile_HasNoErrors()
    {
        var files = Directory.GetFiles(Path.Combine(TestContent.SeedsDirectory, "statutes"), "*.md");

        Assert.Equal(LawIds.Length, files.Length);
        Assert.All(files, file =>
        {
            var errors = new List<SeedError>();
            var law = StatuteFileParser.Parse(Path.GetFileName(file), File.ReadAllText(file), errors);
            Assert.Empty(errors);
            Assert.NotEmpty(law.Articles);
            Assert.NotEmpty(law.SourceNote);
        });
    }

    /// <summary>The article numbers of each law, from the "Articles" column of the legal pack's README table ("a..b" is a range).</summary>
    [Theory]
    [InlineData("civil-code", "111 188 193..196 1034..1039 1165 1167 1179 1182 1183 1194..1196 995 1032 1033 1197")]
    [InlineData("pipl", "4 10 13 28 31 44..48 50 51 54 57 64..66 68..71 60 61 74")]
    [InlineData("consumer-protection-law", "14 29 39 50 56 37 46 47 63")]
    [InlineData("consumer-protection-regulations-2024", "23")]
    [InlineData("criminal-law", "253-1 286-1")]
    [InlineData("criminal-law-amendment-9", "17")]
    [InlineData("npc-decision-2012", "preamble 1..12")]
    [InlineData("cybersecurity-law", "42..47 71 76 51 78")]
    [InlineData("cybersecurity-law-2016", "40 41 42 43 45 64 44 49 74 76 79")]
    [InlineData("spc-spp-interpretation-2017", "preamble 1..13")]
    [InlineData("spc-facial-recognition-2021", "preamble 1..16")]
    [InlineData("public-security-admin-punishments-law", "56 94 138 139")]
    [InlineData("criminal-procedure-law", "101 110..113 210 114")]
    [InlineData("mps-criminal-procedure-rules-2020", "169..171 174 175 178 179 173 176 182")]
    [InlineData("civil-procedure-law", "29 165 166 167..169")]
    [InlineData("spc-civil-procedure-interpretation", "24 25")]
    [InlineData("spc-limitation-2020", "8 10 12 13 2")]
    [InlineData("spc-online-infringement-2020", "2 3 12 1")]
    [InlineData("credit-reporting-regulation", "4 17 25 26 40 38 47")]
    [InlineData("network-data-security-regulation", "11 12 15 20 21 23 24 44 55 60 64 22 47 58 61")]
    [InlineData("anti-telecom-fraud-law", "20 29 32 46 50")]
    [InlineData("minors-protection-law", "72")]
    [InlineData("minors-online-protection-regulation", "34 35 37 60")]
    [InlineData("market-supervision-complaints", "14 21 31 12 15 36")]
    [InlineData("telecom-user-complaints", "9 10 13")]
    public void Laws_ArticleNumbers_MatchLegalPack(string law, string numbers)
    {
        var expected = numbers.Split(' ').SelectMany(Expand).Order(StringComparer.Ordinal);

        Assert.Equal(expected, TestContent.Bundle.Laws.Single(l => l.Id == law).Articles.Select(a => a.Number).Order(StringComparer.Ordinal));

        static IEnumerable<string> Expand(string item)
        {
            var range = item.Split("..");
            if (range.Length == 1)
            {
                return [item];
            }

            var first = int.Parse(range[0], CultureInfo.InvariantCulture);
            var last = int.Parse(range[1], CultureInfo.InvariantCulture);
            return Enumerable.Range(first, last - first + 1).Select(n => n.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A statute page reads like the statute: preamble first, then articles by number (the pack lists extras after the requested ones).</summary>
    [Fact]
    public void Laws_Articles_AreInNumericOrder()
    {
        Assert.All(TestContent.Bundle.Laws, law =>
        {
            var keys = law.Articles.Select(a => Key(a.Number)).ToList();
            Assert.Equal(keys.Order(), keys);
        });

        static (int Main, int Sub) Key(string number)
        {
            if (number == ChineseNumerals.Preamble)
            {
                return (-1, 0);
            }

            var parts = number.Split('-');
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0);
        }
    }

    /// <summary>One article per file added or extended for issue 11, its text copied from shared/legal (paragraphs joined by a blank line).</summary>
    [Theory]
    [InlineData("civil-code", "195", "有下列情形之一的，诉讼时效中断，从中断、有关程序终结时起，诉讼时效期间重新计算：\n\n（一）权利人向义务人提出履行请求；\n\n（二）义务人同意履行义务；\n\n（三）权利人提起诉讼或者申请仲裁；\n\n（四）与提起诉讼或者申请仲裁具有同等效力的其他情形。")]
    [InlineData("pipl", "68", "国家机关不履行本法规定的个人信息保护义务的，由其上级机关或者履行个人信息保护职责的部门责令改正；对直接负责的主管人员和其他直接责任人员依法给予处分。\n\n履行个人信息保护职责的部门的工作人员玩忽职守、滥用职权、徇私舞弊，尚不构成犯罪的，依法给予处分。")]
    [InlineData("spc-limitation-2020", "13", "权利人向公安机关、人民检察院、人民法院报案或者控告，请求保护其民事权利的，诉讼时效从其报案或者控告之日起中断。\n\n上述机关决定不立案、撤销案件、不起诉的，诉讼时效期间从权利人知道或者应当知道不立案、撤销案件或者不起诉之日起重新计算；刑事案件进入审理阶段，诉讼时效期间从刑事裁判文书生效之日起重新计算。")]
    [InlineData("criminal-procedure-law", "210", "自诉案件包括下列案件：\n\n（一）告诉才处理的案件；\n\n（二）被害人有证据证明的轻微刑事案件；\n\n（三）被害人有证据证明对被告人侵犯自己人身、财产权利的行为应当依法追究刑事责任，而公安机关或者人民检察院不予追究被告人刑事责任的案件。")]
    [InlineData("mps-criminal-procedure-rules-2020", "171", "公安机关接受案件时，应当制作受案登记表和受案回执，并将受案回执交扭送人、报案人、控告人、举报人。扭送人、报案人、控告人、举报人无法取得联系或者拒绝接受回执的，应当在回执中注明。")]
    [InlineData("civil-procedure-law", "29", "因侵权行为提起的诉讼，由侵权行为地或者被告住所地人民法院管辖。")]
    [InlineData("spc-civil-procedure-interpretation", "25", "信息网络侵权行为实施地包括实施被诉侵权行为的计算机等信息设备所在地，侵权结果发生地包括被侵权人住所地。")]
    [InlineData("spc-online-infringement-2020", "12", "被侵权人为制止侵权行为所支付的合理开支，可以认定为民法典第一千一百八十二条规定的财产损失。合理开支包括被侵权人或者委托代理人对侵权行为进行调查、取证的合理费用。人民法院根据当事人的请求和具体案情，可以将符合国家有关部门规定的律师费用计算在赔偿范围内。\n\n被侵权人因人身权益受侵害造成的财产损失以及侵权人因此获得的利益难以确定的，人民法院可以根据具体案情在50万元以下的范围内确定赔偿数额。")]
    [InlineData("credit-reporting-regulation", "17", "信息主体可以向征信机构查询自身信息。个人信息主体有权每年两次免费获取本人的信用报告。")]
    [InlineData("network-data-security-regulation", "11", "网络数据处理者应当建立健全网络数据安全事件应急预案，发生网络数据安全事件时，应当立即启动预案，采取措施防止危害扩大，消除安全隐患，并按照规定向有关主管部门报告。\n\n网络数据安全事件对个人、组织合法权益造成危害的，网络数据处理者应当及时将安全事件和风险情况、危害后果、已经采取的补救措施等，以电话、短信、即时通信工具、电子邮件或者公告等方式通知利害关系人；法律、行政法规规定可以不通知的，从其规定。网络数据处理者在处置网络数据安全事件过程中发现涉嫌违法犯罪线索的，应当按照规定向公安机关、国家安全机关报案，并配合开展侦查、调查和处置工作。")]
    [InlineData("anti-telecom-fraud-law", "20", "国务院公安部门会同有关部门建立完善电信网络诈骗涉案资金即时查询、紧急止付、快速冻结、及时解冻和资金返还制度，明确有关条件、程序和救济措施。\n\n公安机关依法决定采取上述措施的，银行业金融机构、非银行支付机构应当予以配合。")]
    [InlineData("minors-protection-law", "72", "信息处理者通过网络处理未成年人个人信息的，应当遵循合法、正当和必要的原则。处理不满十四周岁未成年人个人信息的，应当征得未成年人的父母或者其他监护人同意，但法律、行政法规另有规定的除外。\n\n未成年人、父母或者其他监护人要求信息处理者更正、删除未成年人个人信息的，信息处理者应当及时采取措施予以更正、删除，但法律、行政法规另有规定的除外。")]
    [InlineData("minors-online-protection-regulation", "37", "个人信息处理者应当自行或者委托专业机构每年对其处理未成年人个人信息遵守法律、行政法规的情况进行合规审计，并将审计情况及时报告网信等部门。")]
    [InlineData("market-supervision-complaints", "14", "具有本办法规定的处理权限的市场监督管理部门，应当自收到投诉之日起七个工作日内作出受理或者不予受理的决定，并告知投诉人。")]
    [InlineData("telecom-user-complaints", "10", "用户申诉应当符合下列条件：\n\n（一）申诉人是与申诉事项有直接利害关系的当事人；\n\n（二）有明确的被申诉人；\n\n（三）有具体的申诉请求和事实根据；\n\n（四）已经向被申诉人投诉且对其处理结果不满意或者其未在15日内答复。")]
    public void Article_Text_EqualsLegalPack(string law, string number, string text)
    {
        Assert.Equal(text, TestContent.Bundle.Laws.Single(l => l.Id == law).Articles.Single(a => a.Number == number).Text);
    }

    [Fact]
    public void CriminalLaw_LastAmendment_IsAmendmentTwelve()
    {
        var law = TestContent.Bundle.Laws.Single(l => l.Id == "criminal-law");

        Assert.Equal(new DateOnly(2023, 12, 29), law.Amended);
        Assert.Equal(new DateOnly(2024, 3, 1), law.Effective);
        Assert.Contains("刑法修正案（十二）", law.SourceNote, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicSecurityAdminPunishmentsLaw_Dates_AreThe2025Revision()
    {
        var law = TestContent.Bundle.Laws.Single(l => l.Id == "public-security-admin-punishments-law");

        Assert.Equal(new DateOnly(2025, 6, 27), law.Amended);
        Assert.Equal(new DateOnly(2026, 1, 1), law.Effective);
    }

    [Fact]
    public void TelecomUserComplaints_ThirdPartyText_IsMarkedProvisional()
    {
        var law = TestContent.Bundle.Laws.Single(l => l.Id == "telecom-user-complaints");

        Assert.Contains("待核实", law.Title, StringComparison.Ordinal);
        Assert.Contains("待核实", law.ShortTitle, StringComparison.Ordinal);
        Assert.StartsWith("**Provisional text.**", law.SourceNote, StringComparison.Ordinal);
    }

    /// <summary>/statutes lists laws in this order: laws (NPC and its Standing Committee), State Council regulations, judicial interpretations, departmental rules, then superseded texts.</summary>
    [Fact]
    public void Laws_Order_LawsThenRegulationsThenInterpretationsThenRules()
    {
        var ranks = TestContent.Bundle.Laws.Select(Rank).ToList();

        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(Enumerable.Range(0, 5), ranks.Distinct());

        static int Rank(Law law) => law switch
        {
            { Status: LawStatus.Superseded } => 4,
            { Issuer: var i } when i.StartsWith("全国人民代表大会", StringComparison.Ordinal) => 0,
            { Issuer: "国务院" } => 1,
            { Issuer: var i } when i.StartsWith("最高人民法院", StringComparison.Ordinal) => 2,
            _ => 3,
        };
    }

    [Fact]
    public void Article_Text_IsVerbatimAndHasNoProvenanceNotes()
    {
        var article = TestContent.Bundle.Laws.Single(l => l.Id == "civil-code").Articles.Single(a => a.Number == "1038");

        Assert.StartsWith("信息处理者不得泄露或者篡改其收集、存储的个人信息；", article.Text, StringComparison.Ordinal);
        Assert.All(TestContent.Bundle.Laws.SelectMany(l => l.Articles), a => Assert.DoesNotMatch("[A-Za-z]{4,}", a.Text));
    }

    [Fact]
    public void Cybersecurity2016_IsSupersededByCurrentText()
    {
        var old = TestContent.Bundle.Laws.Single(l => l.Id == "cybersecurity-law-2016");

        Assert.Equal(LawStatus.Superseded, old.Status);
        Assert.Equal("cybersecurity-law", old.SupersededBy);
        Assert.Equal(new DateOnly(2026, 1, 1), TestContent.Bundle.Laws.Single(l => l.Id == "cybersecurity-law").Effective);
    }
}
