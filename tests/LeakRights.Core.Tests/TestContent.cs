using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Rules;
using Microsoft.Extensions.Time.Testing;

namespace LeakRights.Core.Tests;

/// <summary>The real seeds/ content, loaded once for all tests, and helpers to build answers and plans at a fixed date.</summary>
public static class TestContent
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<ContentBundle> Lazy = new(() => SeedLoader.Load(SeedsDirectory));

    public static string SeedsDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static ContentBundle Bundle => Lazy.Value;

    public static FakeTimeProvider Clock(DateTimeOffset? now = null) => new(now ?? Now);

    public static QuestionnaireWalker Walker(TimeProvider? time = null) => new(Bundle.Questionnaire, new AnswerParser(time ?? Clock()));

    public static Plan BuildPlan(AnswerSet answers, TimeProvider? time = null, IReadOnlyDictionary<string, string>? letterFields = null, IReadOnlyList<LeakRights.Core.Cases.ProgressEntry>? progress = null) =>
        new PlanBuilder(Bundle, time ?? Clock()).Build(answers, new SeedCatalog(Bundle), letterFields, progress);

    /// <summary>Parses answers written as in the API (JSON object text) and fails the test if they are invalid.</summary>
    public static AnswerSet Answers(string json, TimeProvider? time = null)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var (raw, dupes) = AnswerJson.ReadObject(doc.RootElement);
        Assert.Empty(dupes);
        var parsed = Walker(time).ParseAll(raw, acceptLetterFields: false);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => $"{e.Key}: {e.Value}")));
        return parsed.Answers;
    }
}
