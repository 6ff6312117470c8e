using System.Collections.Immutable;
using LeakRights.Core.Content;

namespace LeakRights.Core.Answers;

/// <summary>A validated answer to one question.</summary>
public abstract record AnswerValue;

public sealed record ChoiceAnswer(string OptionId) : AnswerValue;

public sealed record ChoicesAnswer(ImmutableArray<string> OptionIds) : AnswerValue
{
    public bool Equals(ChoicesAnswer? other) => other is not null && OptionIds.SequenceEqual(other.OptionIds);

    public override int GetHashCode() => OptionIds.Aggregate(17, (h, s) => (h * 31) + StringComparer.Ordinal.GetHashCode(s));
}

public sealed record NumberAnswer(decimal Value) : AnswerValue;

public sealed record MonthAnswer(YearMonth Value) : AnswerValue;

public sealed record TextAnswer(string Value) : AnswerValue;

/// <summary>An immutable set of validated answers keyed by question id.</summary>
public sealed class AnswerSet
{
    public static readonly AnswerSet Empty = new(ImmutableSortedDictionary<string, AnswerValue>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableSortedDictionary<string, AnswerValue> _values;

    private AnswerSet(ImmutableSortedDictionary<string, AnswerValue> values) => _values = values;

    public IReadOnlyDictionary<string, AnswerValue> Values => _values;

    public int Count => _values.Count;

    public bool Has(string questionId) => _values.ContainsKey(questionId);

    public AnswerValue? Get(string questionId) => _values.GetValueOrDefault(questionId);

    public string? Choice(string questionId) => (Get(questionId) as ChoiceAnswer)?.OptionId;

    public IReadOnlyList<string> Choices(string questionId) => Get(questionId) is ChoicesAnswer c ? c.OptionIds : [];

    public decimal? Number(string questionId) => (Get(questionId) as NumberAnswer)?.Value;

    public YearMonth? Month(string questionId) => (Get(questionId) as MonthAnswer)?.Value;

    public string? Text(string questionId) => (Get(questionId) as TextAnswer)?.Value;

    public AnswerSet With(string questionId, AnswerValue? value) =>
        value is null ? Without(questionId) : new AnswerSet(_values.SetItem(questionId, value));

    public AnswerSet Without(string questionId) => _values.ContainsKey(questionId) ? new AnswerSet(_values.Remove(questionId)) : this;
}
