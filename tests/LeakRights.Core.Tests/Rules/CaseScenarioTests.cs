using System.Globalization;
using System.Text.Json;
using LeakRights.Core.Cases;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Tests.Rules;

/// <summary>
/// Golden tests of the recomputation (issue 13): each file under seeds/scenarios/cases/ is one person's case over weeks. Each
/// stage moves the clock to its <c>today</c> (China time, 10:00), adds what the person recorded in the contact log, rebuilds
/// the plan and checks what it must now say: the steps, which are done, waiting or overdue, the deadlines and their dates,
/// the first thing to do, the calendar and the letters with the recorded dates, channels and numbers. Expectations are
/// written from the law and the rule files first, never copied from the output.
/// </summary>
public class CaseScenarioTests
{
    private static string Folder => Path.Combine(TestContent.SeedsDirectory, "scenarios", "cases");

    public static TheoryData<string> Cases() => new(Names());

    private static List<string> Names() => [.. Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    [Fact]
    public void Cases_Folder_HasCasesOverWeeks()
    {
        Assert.True(Names().Count >= 3, $"only {Names().Count} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_CaseOverWeeks_PlanFollowsTheContactLog(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")));
        var root = doc.RootElement;
        var answers = TestContent.Answers(root.GetProperty("answers").GetRawText());
        var log = new List<ProgressEntry>();
        var stage = 0;
        foreach (var s in root.GetProperty("stages").EnumerateArray())
        {
            stage++;
            var today = DateOnly.ParseExact(s.GetProperty("today").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var e in s.TryGetProperty("record", out var record) ? record.EnumerateArray() : default)
            {
                log.Add(Entry(e, log.Count));
            }

            var clock = TestContent.Clock(new DateTimeOffset(today.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
            var plan = TestContent.BuildPlan(answers, clock, progress: log);
            var at = $"{name}, stage {stage} ({today:yyyy-MM-dd})";
            AssertStage(s.GetProperty("expect"), plan, at);
        }
    }

    private static ProgressEntry Entry(JsonElement e, int index) => new(
        $"e{index}",
        e.GetProperty("step").GetString()!,
        e.TryGetProperty("reply", out _) ? ProgressKind.Reply : ProgressKind.Done,
        DateOnly.ParseExact(e.GetProperty("on").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Str(e, "channel"),
        Str(e, "reference"),
        Str(e, "note"),
        Str(e, "reply"));

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static void AssertStage(JsonElement expect, Plan plan, string at)
    {
        var steps = plan.Steps.ToList();
        if (expect.TryGetProperty("steps", out var wantSteps))
        {
            var want = wantSteps.EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal).ToList();
            var got = steps.Select(s => s.Key).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.True(want.SequenceEqual(got), $"{at}: steps expected [{string.Join(", ", want)}] but got [{string.Join(", ", got)}]");
        }

        foreach (var p in expect.TryGetProperty("stepStates", out var states) ? states.EnumerateObject() : default)
        {
            var step = steps.FirstOrDefault(s => s.Key == p.Name);
            Assert.True(step is not null, $"{at}: no step '{p.Name}'");
            Assert.True(p.Value.GetString() == step.Progress.State.ToString(), $"{at}: step '{p.Name}' is {step.Progress.State}, expected {p.Value.GetString()}");
        }

        if (expect.TryGetProperty("deadlines", out var deadlines))
        {
            var want = deadlines.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
            var got = plan.Deadlines.ToDictionary(d => d.Key, d => d.Due?.Iso);
            Assert.True(
                want.Count == got.Count && want.All(d => got.TryGetValue(d.Key, out var v) && v == d.Value),
                $"{at}: deadlines expected [{string.Join(", ", want.Select(d => $"{d.Key} {d.Value}"))}] but got [{string.Join(", ", got.Select(d => $"{d.Key} {d.Value}"))}]");
        }

        if (expect.TryGetProperty("overdue", out var overdue))
        {
            Assert.Equal(overdue.EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal), plan.Deadlines.Where(d => d.Overdue).Select(d => d.Key).Order(StringComparer.Ordinal));
        }

        if (expect.TryGetProperty("recorded", out var recorded))
        {
            Assert.Equal(recorded.EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal), plan.Deadlines.Where(d => d.Due?.Basis == DueBasis.Recorded).Select(d => d.Key).Order(StringComparer.Ordinal));
        }

        if (expect.TryGetProperty("firstThing", out var first))
        {
            Assert.True(plan.FirstThings.Count > 0 && plan.FirstThings[0].Anchor == first.GetString(), $"{at}: first thing is {(plan.FirstThings.Count > 0 ? plan.FirstThings[0].Anchor : "nothing")}, expected {first.GetString()}");
        }

        if (expect.TryGetProperty("calendar", out var calendar))
        {
            // Event uids are "{deadline key}-{yyyyMMdd}@leakrights".
            Assert.Equal(calendar.EnumerateArray().Select(x => x.GetString()!), plan.Calendar.Select(e => $"{e.Uid[..e.Uid.LastIndexOf('-')]} {e.Date:yyyy-MM-dd}"));
        }

        foreach (var p in expect.TryGetProperty("stepTextIncludes", out var stepIncludes) ? stepIncludes.EnumerateObject() : default)
        {
            var step = steps.FirstOrDefault(s => s.Key == p.Name);
            Assert.True(step is not null, $"{at}: no step '{p.Name}'");
            foreach (var phrase in p.Value.EnumerateArray().Select(x => x.GetString()!))
            {
                Assert.True((step.Title + step.Text).Contains(phrase, StringComparison.Ordinal), $"{at}: step '{p.Name}' does not say \"{phrase}\"");
            }
        }

        foreach (var phrase in expect.TryGetProperty("planTextExcludes", out var planExcludes) ? planExcludes.EnumerateArray().Select(x => x.GetString()!) : [])
        {
            var hit = steps.FirstOrDefault(s => (s.Title + s.Text).Contains(phrase, StringComparison.Ordinal));
            Assert.True(hit is null, $"{at}: step '{hit?.Key}' says \"{phrase}\"");
        }

        if (expect.TryGetProperty("letters", out var letters))
        {
            Assert.Equal(letters.EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal), plan.Letters.Select(l => l.Id).Order(StringComparer.Ordinal));
        }

        foreach (var p in expect.TryGetProperty("letterTextIncludes", out var includes) ? includes.EnumerateObject() : default)
        {
            var letter = plan.Letters.FirstOrDefault(l => l.Id == p.Name);
            Assert.True(letter is not null, $"{at}: no letter '{p.Name}'");
            var text = string.Join("\n", letter.Paragraphs.Select(x => x.Text));
            foreach (var phrase in p.Value.EnumerateArray().Select(x => x.GetString()!))
            {
                Assert.True(text.Contains(phrase, StringComparison.Ordinal), $"{at}: letter '{p.Name}' does not say \"{phrase}\":\n{text}");
            }
        }

        foreach (var p in expect.TryGetProperty("letterTextExcludes", out var excludes) ? excludes.EnumerateObject() : default)
        {
            var text = string.Join("\n", plan.Letters.Where(l => l.Id == p.Name).SelectMany(l => l.Paragraphs).Select(x => x.Text));
            foreach (var phrase in p.Value.EnumerateArray().Select(x => x.GetString()!))
            {
                Assert.False(text.Contains(phrase, StringComparison.Ordinal), $"{at}: letter '{p.Name}' says \"{phrase}\"");
            }
        }

        GoldenScenario.AssertInvariants(plan);
    }
}
