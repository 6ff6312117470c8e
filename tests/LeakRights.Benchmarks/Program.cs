using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using LeakRights.Benchmarks;
using LeakRights.Core.Pdf;

// `--quick`: a plain Stopwatch harness (median of 200 renders per scenario, bytes), for a fast check and for CI logs.
// Anything else goes to BenchmarkDotNet (e.g. `--filter *Pdf*`).
if (args.Contains("--quick"))
{
    var content = PdfBenchmarks.Content.Value;
    var pdf = new PlanPdf(content.Questionnaire, content.Letters);
    Console.WriteLine("scenario | median ms | p95 ms | bytes | pages");
    var all = new List<double>();
    foreach (var name in PdfBenchmarks.SpecScenarios)
    {
        var plan = PdfBenchmarks.BuildPlan(content, name);
        var bytes = pdf.Render(plan, PdfBenchmarks.LetterFields);
        // Warm up for half a second so tiered JIT has promoted the hot paths before measuring.
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 500)
        {
            pdf.Render(plan, PdfBenchmarks.LetterFields);
        }

        var times = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var sw = Stopwatch.StartNew();
            pdf.Render(plan, PdfBenchmarks.LetterFields);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        all.AddRange(times);
        var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(bytes), @"/Type\s*/Page[^s]");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} | {times[times.Count / 2]:0.00} | {times[(int)(times.Count * 0.95)]:0.00} | {bytes.Length} | {pages}"));
    }

    all.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all five | {all[all.Count / 2]:0.00} | {all[(int)(all.Count * 0.95)]:0.00} | | "));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PdfBenchmarks).Assembly).Run(args);
