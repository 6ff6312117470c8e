using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class StatuteFileParserTests
{
    private const string File = "seeds/statutes/demo-law.md";

    private const string Front = """
        ---
        id: demo-law
        title: 中华人民共和国示例法
        short-title: 示例法
        document-number: 主席令第1号
        issuer: 全国人民代表大会常务委员会
        adopted: 2020-01-02
        amended: 2021-03-04
        effective: 2021-05-06
        status: in-force
        text-as-of: 2026-02-25
        order: 7
        ---
        """;

    private const string Body = """

        # 来源说明

        来自官方网站。
        第二行说明。

        # 条文

        ## 第一条

        第一条正文。

        第二段。

        ## 第二条之一
        第二条之一正文。
        """;

    private static (Law Law, List<SeedError> Errors) Parse(string content, string file = File)
    {
        var errors = new List<SeedError>();
        var law = StatuteFileParser.Parse(file, content, errors);
        return (law, errors);
    }

    private static SeedError Single(string content) => Assert.Single(Parse(content).Errors);

    [Fact]
    public void Parse_WellFormedFile_ReadsEveryField()
    {
        var (law, errors) = Parse(Front + Body);

        Assert.Empty(errors);
        Assert.Equal("demo-law", law.Id);
        Assert.Equal("中华人民共和国示例法", law.Title);
        Assert.Equal("示例法", law.ShortTitle);
        Assert.Equal("主席令第1号", law.DocumentNumber);
        Assert.Equal("全国人民代表大会常务委员会", law.Issuer);
        Assert.Equal(new DateOnly(2020, 1, 2), law.Adopted);
        Assert.Equal(new DateOnly(2021, 3, 4), law.Amended);
        Assert.Equal(new DateOnly(2021, 5, 6), law.Effective);
        Assert.Equal(LawStatus.InForce, law.Status);
        Assert.Null(law.SupersededBy);
        Assert.Null(law.InForceUntil);
        Assert.Equal(new DateOnly(2026, 2, 25), law.TextAsOf);
        Assert.Equal(7, law.Order);
        Assert.Equal("来自官方网站。\n第二行说明。", law.SourceNote);
        Assert.Equal(2, law.Articles.Count);
        Assert.Equal(new Article("1", "第一条", "第一条正文。\n\n第二段。", 1, new DateOnly(2021, 5, 6), new DateOnly(2026, 2, 25), false), law.Articles[0]);
        Assert.Equal(new Article("2-1", "第二条之一", "第二条之一正文。", 1, new DateOnly(2021, 5, 6), new DateOnly(2026, 2, 25), false), law.Articles[1]);
    }

    [Fact]
    public void Parse_WindowsLineEndings_AreRead()
    {
        var (law, errors) = Parse((Front + Body).Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Empty(errors);
        Assert.Equal("第一条正文。\n\n第二段。", law.Articles[0].Text);
    }

    [Fact]
    public void Parse_SupersededLaw_ReadsSuccessorAndEndDate()
    {
        var content = Front.Replace("status: in-force", "status: superseded\nsuperseded-by: new-law\nin-force-until: 2025-12-31", StringComparison.Ordinal) + Body;

        var (law, errors) = Parse(content);

        Assert.Empty(errors);
        Assert.Equal(LawStatus.Superseded, law.Status);
        Assert.Equal("new-law", law.SupersededBy);
        Assert.Equal(new DateOnly(2025, 12, 31), law.InForceUntil);
    }

    [Fact]
    public void Parse_OptionalFieldsLeftOut_AreNull()
    {
        var content = Front.Replace("document-number: 主席令第1号\n", string.Empty, StringComparison.Ordinal)
            .Replace("adopted: 2020-01-02\n", string.Empty, StringComparison.Ordinal)
            .Replace("amended: 2021-03-04\n", "amended:\n", StringComparison.Ordinal) + Body;

        var (law, errors) = Parse(content);

        Assert.Empty(errors);
        Assert.Null(law.DocumentNumber);
        Assert.Null(law.Adopted);
        Assert.Null(law.Amended);
    }

    [Fact]
    public void Parse_NoFrontMatter_SaysItMustStartWithIt()
    {
        var (_, errors) = Parse(Body);

        Assert.Contains(new SeedError(File, "front matter", "the file must start with a '---' front matter block"), errors);
        Assert.Contains(new SeedError(File, "front matter 'id'", "is required"), errors);
    }

    [Fact]
    public void Parse_FrontMatterLineWithoutKey_NamesLine()
    {
        Assert.Equal(new SeedError(File, "front matter line 3", "expected 'key: value'"), Parse(Front.Replace("\ntitle:", "\ntitle", StringComparison.Ordinal) + Body).Errors[0]);
    }

    [Fact]
    public void Parse_FrontMatterLineStartingWithColon_NamesLine()
    {
        Assert.Equal(new SeedError(File, "front matter line 2", "expected 'key: value'"), Single("---\n: x\n" + Front[4..] + Body));
    }

    [Fact]
    public void Parse_DuplicateFrontMatterKey_KeepsFirstAndSaysSo()
    {
        var (law, errors) = Parse(Front.Replace("order: 7", "order: 7\norder: 8", StringComparison.Ordinal) + Body);

        Assert.Equal(new SeedError(File, "front matter 'order'", "the key appears twice"), Assert.Single(errors));
        Assert.Equal(7, law.Order);
    }

    [Theory]
    [InlineData("title: 中华人民共和国示例法\n", "title")]
    [InlineData("short-title: 示例法\n", "short-title")]
    [InlineData("issuer: 全国人民代表大会常务委员会\n", "issuer")]
    [InlineData("effective: 2021-05-06\n", "effective")]
    [InlineData("text-as-of: 2026-02-25\n", "text-as-of")]
    public void Parse_RequiredKeyMissing_NamesKey(string line, string key)
    {
        Assert.Equal(new SeedError(File, $"front matter '{key}'", "is required"), Single(Front.Replace(line, string.Empty, StringComparison.Ordinal) + Body));
    }

    [Fact]
    public void Parse_RequiredKeyEmpty_IsRequired()
    {
        Assert.Equal(new SeedError(File, "front matter 'issuer'", "is required"), Single(Front.Replace("issuer: 全国人民代表大会常务委员会", "issuer:", StringComparison.Ordinal) + Body));
    }

    [Fact]
    public void Parse_IdNotMatchingFileName_SaysBoth()
    {
        Assert.Equal(new SeedError("seeds/statutes/other.md", "front matter 'id'", "'demo-law' must match the file name 'other'"), Assert.Single(Parse(Front + Body, "seeds/statutes/other.md").Errors));
    }

    [Theory]
    [InlineData("adopted: 2020-01-02", "adopted: 2020-13-02", "adopted", "2020-13-02")]
    [InlineData("effective: 2021-05-06", "effective: 6 May 2021", "effective", "6 May 2021")]
    [InlineData("text-as-of: 2026-02-25", "text-as-of: 2026-2-25", "text-as-of", "2026-2-25")]
    public void Parse_BadDate_NamesKeyAndValue(string from, string to, string key, string value)
    {
        Assert.Equal(new SeedError(File, $"front matter '{key}'", $"'{value}' is not a date (YYYY-MM-DD)"), Single(Front.Replace(from, to, StringComparison.Ordinal) + Body));
    }

    [Fact]
    public void Parse_UnknownStatus_SaysAllowedValues()
    {
        var (law, errors) = Parse(Front.Replace("status: in-force", "status: repealed", StringComparison.Ordinal) + Body);

        Assert.Equal(new SeedError(File, "front matter 'status'", "'repealed' must be 'in-force' or 'superseded'"), Assert.Single(errors));
        Assert.Equal(LawStatus.InForce, law.Status);
    }

    [Fact]
    public void Parse_OrderNotANumber_SaysWholeNumber()
    {
        var (law, errors) = Parse(Front.Replace("order: 7", "order: 7.5", StringComparison.Ordinal) + Body);

        Assert.Equal(new SeedError(File, "front matter 'order'", "must be a whole number"), Assert.Single(errors));
        Assert.Equal(0, law.Order);
    }

    [Fact]
    public void Parse_TextOutsideSections_NamesLine()
    {
        Assert.Equal(new SeedError(File, "line 15", "text outside the '# 来源说明' and '# 条文' sections"), Single(Front + "\n\n多余的话\n" + Body));
    }

    [Fact]
    public void Parse_OtherTopHeadingAmongArticles_NamesLine()
    {
        var error = Single(Front + Body + "\n# 附则\n");

        Assert.Equal(File, error.File);
        Assert.Equal("only '## 第…条' article headings may follow '# 条文'", error.Problem);
        Assert.StartsWith("line ", error.Entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoArticlesSection_SaysNoArticles()
    {
        var (law, errors) = Parse(Front + "\n# 来源说明\n\n说明。\n");

        Assert.Equal(new SeedError(File, "# 条文", "the file has no articles"), Assert.Single(errors));
        Assert.Empty(law.Articles);
        Assert.Equal("说明。", law.SourceNote);
    }

    [Fact]
    public void Parse_ArticlesSectionWithoutArticles_SaysNoArticles()
    {
        Assert.Equal(new SeedError(File, "# 条文", "the file has no articles"), Single(Front + "\n# 条文\n\n"));
    }

    [Fact]
    public void Parse_SourceSectionAfterArticles_SwitchesBack()
    {
        var (law, errors) = Parse(Front + Body + "\n# 来源说明\n补充。\n");

        Assert.Equal(new SeedError(File, "# 条文", "the file has no articles"), Assert.Single(errors));
        Assert.EndsWith("补充。", law.SourceNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadArticleHeading_NamesHeading()
    {
        Assert.Equal(
            new SeedError(File, "article heading 'Article 3'", "is not an article label such as 第一千零三十八条, 第二百五十三条之一, 第八项 or 序言"),
            Single(Front + Body + "\n## Article 3\n正文。\n"));
    }

    [Fact]
    public void Parse_ArticleWithoutText_SaysSo()
    {
        var (law, errors) = Parse(Front + Body + "\n## 第三条\n\n   \n");

        Assert.Equal(new SeedError(File, "article '第三条'", "has no text"), Assert.Single(errors));
        Assert.Equal(2, law.Articles.Count);
    }

    [Fact]
    public void Parse_ArticleTwice_SaysWhichOne()
    {
        Assert.Equal(new SeedError(File, "article '1'", "appears more than once"), Single(Front + Body + "\n## 第一条\n又一次。\n"));
    }

    [Fact]
    public void Parse_HeadingLabel_IsTrimmed()
    {
        var (law, errors) = Parse(Front + "\n# 条文\n##  第三条  \n正文。\n");

        Assert.Empty(errors);
        Assert.Equal("第三条", law.Articles[0].Label);
    }
}
