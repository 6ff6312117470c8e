using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Pdf;
using LeakRights.Core.Rules;

namespace LeakRights.Benchmarks;

/// <summary>The PDF of the five golden scenarios of remedy-rules.md, with all letters, single-threaded, fonts loaded once.</summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    public static readonly string[] SpecScenarios =
    [
        "bank-insider-sold-data-with-fraud-loss",
        "courier-waybill-leak-spam-calls-only",
        "unknown-source-id-and-phone-sold-online",
        "app-leaked-face-data-of-many-users-in-news",
        "police-officer-leaked-home-address-to-harasser",
    ];

    public static readonly Dictionary<string, string> LetterFields = new()
    {
        ["your-name"] = "王小明",
        ["your-contact"] = "13800000000",
        ["organisation-address"] = "北京市某区某路1号",
    };

    private Plan _plan = null!;

    [ParamsSource(nameof(Names))]
    public string Scenario { get; set; } = SpecScenarios[0];

    public static IEnumerable<string> Names => SpecScenarios;

    [GlobalSetup]
    public void Setup()
    {
        var content = Content.Value;
        _plan = BuildPlan(content, Scenario, LetterFields);
        PlanPdf.Render(_plan, fonts: Content.Value.PdfFonts); // fonts and glyph widths loaded once
    }

    [Benchmark]
    public int RenderPlanPdf() => PlanPdf.Render(_plan, fonts: Content.Value.PdfFonts).Length;

    public static readonly Lazy<ContentBundle> Content = new(() => SeedLoader.Load(Path.Combine(AppContext.BaseDirectory, "seeds")));

    public static Plan BuildPlan(ContentBundle content, string scenario, IReadOnlyDictionary<string, string>? letterFields = null) =>
        new PlanBuilder(content, TimeProvider.System).Build(Parse(content, scenario), new SeedCatalog(content), letterFields);

    /// <summary>A spec scenario's answers, parsed as the app parses a request's.</summary>
    public static AnswerSet Parse(ContentBundle content, string scenario)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "scenarios", scenario + ".json")));
        var (raw, _) = AnswerJson.ReadObject(doc.RootElement.GetProperty("answers"));
        var walker = new QuestionnaireWalker(content.Questionnaire, new AnswerParser(TimeProvider.System));
        return walker.ParseAll(raw, acceptLetterFields: false).Answers;
    }
}
