using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using LeakRights.Benchmarks;
using LeakRights.Core.Pdf;
using LeakRights.Core.Rules;

// `--quick`: a plain Stopwatch harness (median of 200 renders per scenario, bytes), for a fast check and for CI logs.
// Anything else goes to BenchmarkDotNet (e.g. `--filter *Pdf*`).
if (args.Contains("--quick"))
{
    var content = PdfBenchmarks.Content.Value;
    Console.WriteLine("scenario | median ms | p95 ms | bytes | pages");
    var all = new List<double>();
    foreach (var name in PdfBenchmarks.SpecScenarios)
    {
        var plan = PdfBenchmarks.BuildPlan(content, name, PdfBenchmarks.LetterFields);
        var bytes = PlanPdf.Render(plan, fonts: content.PdfFonts);
        // Warm up for 1.5 s so tiered JIT has promoted the hot paths before measuring.
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 1500)
        {
            PlanPdf.Render(plan, fonts: content.PdfFonts);
        }

        var times = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var sw = Stopwatch.StartNew();
            PlanPdf.Render(plan, fonts: content.PdfFonts);
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

if (args.Length == 2 && args[0] == "--write")
{
    // The five spec scenarios' PDFs into a folder, to look at or compare with another build's (pdftoppm, pdftotext).
    var content = PdfBenchmarks.Content.Value;
    Directory.CreateDirectory(args[1]);
    foreach (var name in PdfBenchmarks.SpecScenarios)
    {
        File.WriteAllBytes(Path.Combine(args[1], name + ".pdf"), PlanPdf.Render(PdfBenchmarks.BuildPlan(content, name, PdfBenchmarks.LetterFields), fonts: content.PdfFonts));
    }

    return;
}

if (args.Contains("--cpu"))
{
    // CPU time per full PDF (all five spec scenarios rotated), not wall time: robust when other work shares the cores.
    var content = PdfBenchmarks.Content.Value;
    var plans = PdfBenchmarks.SpecScenarios.Select(n => PdfBenchmarks.BuildPlan(content, n, PdfBenchmarks.LetterFields)).ToList();
    var warm = Stopwatch.StartNew();
    for (var i = 0; warm.ElapsedMilliseconds < 3000; i++)
    {
        PlanPdf.Render(plans[i % plans.Count], fonts: content.PdfFonts);
    }

    var sample = System.Text.Encoding.Latin1.GetString(PlanPdf.Render(plans[0], fonts: content.PdfFonts));
    Console.WriteLine("faces: " + string.Join(", ", System.Text.RegularExpressions.Regex.Matches(sample, @"/BaseFont\s*/(\S+)").Select(m => m.Groups[1].Value).Distinct()));
    const int renders = 500;
    var gcBefore = GC.CollectionCount(0);
    var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    var allocBefore = GC.GetTotalAllocatedBytes();
    for (var i = 0; i < renders; i++)
    {
        PlanPdf.Render(plans[i % plans.Count], fonts: content.PdfFonts);
    }

    var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"cpu {cpu.TotalMilliseconds / renders:0.00} ms per PDF, allocated {(GC.GetTotalAllocatedBytes() - allocBefore) / renders / 1024.0 / 1024:0.0} MB per PDF, gen0 GCs {GC.CollectionCount(0) - gcBefore} in {renders}"));
    return;
}

if (args.Contains("--build"))
{
    // CPU time and allocations per built plan (answers already parsed), with and without the letters' personal fields:
    // the work behind POST /api/v1/plans and every plan page.
    var content = PdfBenchmarks.Content.Value;
    foreach (var fields in new[] { PdfBenchmarks.LetterFields, null })
    {
        var plans = PdfBenchmarks.SpecScenarios.Select(n => PdfBenchmarks.Parse(content, n)).ToList();
        var builder = new PlanBuilder(content, TimeProvider.System);
        var catalog = new SeedCatalog(content);
        var warm = Stopwatch.StartNew();
        for (var i = 0; warm.ElapsedMilliseconds < 3000; i++)
        {
            builder.Build(plans[i % plans.Count], catalog, fields);
        }

        const int builds = 20000;
        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var allocBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < builds; i++)
        {
            builder.Build(plans[i % plans.Count], catalog, fields);
        }

        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(fields is null ? "without" : "with")} letter fields: cpu {cpu.TotalMicroseconds / builds:0.0} µs per plan, allocated {(GC.GetAllocatedBytesForCurrentThread() - allocBefore) / builds / 1024.0:0.0} KB per plan"));
    }

    return;
}

if (args.Contains("--phases"))
{
    // Where a PDF's time goes: composing blocks, laying out pages, drawing and saving with PDFsharp.
    var content = PdfBenchmarks.Content.Value;
    var plan = PdfBenchmarks.BuildPlan(content, PdfBenchmarks.SpecScenarios[0], PdfBenchmarks.LetterFields);
    PlanPdf.Render(plan, fonts: content.PdfFonts);
    double compose = 0, layout = 0, render = 0;
    const int n = 100;
    for (var i = 0; i < n + 20; i++)
    {
        var sw = Stopwatch.StartNew();
        var model = PlanPdfComposer.Compose(plan);
        var t1 = sw.Elapsed.TotalMilliseconds;
        PdfLayoutEngine.Layout(model.Blocks);
        var t2 = sw.Elapsed.TotalMilliseconds;
        PdfRenderer.Render(model, content.PdfFonts);
        var t3 = sw.Elapsed.TotalMilliseconds;
        if (i >= 20)
        {
            compose += t1;
            layout += t2 - t1;
            render += t3 - t2 - (t2 - t1);
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compose {compose / n:0.00} ms, layout {layout / n:0.00} ms, draw+save {render / n:0.00} ms (layout runs again inside render)"));
    var m = PlanPdfComposer.Compose(plan);
    var a0 = GC.GetAllocatedBytesForCurrentThread();
    PdfLayoutEngine.Layout(m.Blocks);
    var a1 = GC.GetAllocatedBytesForCurrentThread();
    PdfRenderer.Render(m, content.PdfFonts);
    var a2 = GC.GetAllocatedBytesForCurrentThread();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated: layout {(a1 - a0) / 1048576.0:0.00} MB, render (layout, draw, save) {(a2 - a1) / 1048576.0:0.00} MB"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PdfBenchmarks).Assembly).Run(args);
