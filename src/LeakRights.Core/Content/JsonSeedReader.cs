using System.Text.Json;

namespace LeakRights.Core.Content;

/// <summary>Small helpers that read JSON seed entries and record a <see cref="SeedError"/> for each problem instead of throwing.</summary>
internal sealed class JsonSeedReader(string file, List<SeedError> errors)
{
    public string File { get; } = file;

    public void Error(string entry, string problem) => errors.Add(new SeedError(File, entry, problem));

    public bool TryObject(JsonElement parent, string name, string entry, out JsonElement value)
    {
        if (parent.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(entry, $"'{name}' must be an object");
        return false;
    }

    public IEnumerable<(JsonElement Item, string Entry)> Array(JsonElement parent, string name, string entry, bool required = true)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(entry, $"'{name}' is required");
            }

            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(entry, $"'{name}' must be an array");
            return [];
        }

        return value.EnumerateArray().Select((item, i) => (item, $"{entry}{(entry.Length > 0 ? "." : string.Empty)}{name}[{i}]")).ToList();
    }

    public string String(JsonElement obj, string name, string entry)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0)
        {
            return v.GetString()!;
        }

        Error(entry, $"'{name}' is required and must be a non-empty string");
        return string.Empty;
    }

    public string? OptionalString(JsonElement obj, string name, string entry)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            return v.GetString();
        }

        Error(entry, $"'{name}' must be a string or null");
        return null;
    }

    public bool Bool(JsonElement obj, string name, string entry, bool fallback = false)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        Error(entry, $"'{name}' must be true or false");
        return fallback;
    }

    public decimal? Number(JsonElement obj, string name, string entry, bool required = false)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(entry, $"'{name}' is required");
            }

            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
        {
            return d;
        }

        Error(entry, $"'{name}' must be a number");
        return null;
    }

    public IReadOnlyList<string> StringList(JsonElement obj, string name, string entry, bool required = false)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(entry, $"'{name}' is required");
            }

            return [];
        }

        if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            Error(entry, $"'{name}' must be an array of strings");
            return [];
        }

        return v.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>Reads a condition in the closed grammar; records an error and returns null when it is malformed.</summary>
    public Condition? Condition(JsonElement obj, string name, string entry, bool required)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(entry, $"'{name}' is required");
            }

            return null;
        }

        return ParseCondition(v, $"{entry}.{name}");
    }

    /// <summary>Reads a condition that is itself an array item (not a named property).</summary>
    public Condition? Condition(JsonElement value, string entry) => ParseCondition(value, entry);

    private ProgressCondition? ParseProgress(JsonElement v, HashSet<string> keys, string entry)
    {
        if (!keys.IsSubsetOf(["progress", "is", "withinDays", "afterDays"]) || !keys.Contains("is"))
        {
            Error(entry, "a progress condition is {progress, is} with optional withinDays or afterDays");
            return null;
        }

        var steps = OneOrMany(v.GetProperty("progress"));
        var states = OneOrMany(v.GetProperty("is"));
        if (steps is null || states is null)
        {
            Error(entry, "'progress' and 'is' take a string or a non-empty array of strings");
            return null;
        }

        int? Days(string name)
        {
            if (!v.TryGetProperty(name, out var d))
            {
                return null;
            }

            if (d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out var n) && n is >= 0 and <= 3660)
            {
                return n;
            }

            Error(entry, $"'{name}' takes a whole number of days from 0 to 3660");
            return null;
        }

        return new ProgressCondition(steps, states) { WithinDays = Days("withinDays"), AfterDays = Days("afterDays") };

        static List<string>? OneOrMany(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => [e.GetString()!],
            JsonValueKind.Array when e.GetArrayLength() > 0 && e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String) => [.. e.EnumerateArray().Select(x => x.GetString()!)],
            _ => null,
        };
    }

    private Condition? ParseCondition(JsonElement v, string entry)
    {
        if (v.ValueKind != JsonValueKind.Object)
        {
            Error(entry, "a condition must be an object");
            return null;
        }

        var keys = v.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (keys.Contains("allOf") || keys.Contains("anyOf") || keys.Contains("noneOf"))
        {
            var key = keys.Contains("allOf") ? "allOf" : keys.Contains("anyOf") ? "anyOf" : "noneOf";
            if (keys.Count != 1)
            {
                Error(entry, $"'{key}' must be the only key of its condition");
                return null;
            }

            var items = Array(v, key, entry).Select(x => ParseCondition(x.Item, x.Entry)).ToList();
            if (items.Count == 0)
            {
                Error(entry, $"'{key}' needs at least one condition");
                return null;
            }

            if (items.Any(i => i is null))
            {
                return null;
            }

            return key switch
            {
                "allOf" => new AllOfCondition(items!),
                "anyOf" => new AnyOfCondition(items!),
                _ => new NoneOfCondition(items!),
            };
        }

        if (keys.Contains("fact"))
        {
            return keys.Count == 1 ? new FactCondition(String(v, "fact", entry)) : Fail("'fact' must be the only key of its condition");
        }

        if (keys.Contains("progress"))
        {
            return ParseProgress(v, keys, entry);
        }

        if (keys.Contains("pathRecommended"))
        {
            return keys.Count == 1 ? new PathRecommendedCondition(String(v, "pathRecommended", entry)) : Fail("'pathRecommended' must be the only key of its condition");
        }

        if (!keys.SetEquals(["question", "op", "value"]))
        {
            return Fail("expected {question, op, value}, {fact}, {pathRecommended}, {progress, is}, {allOf}, {anyOf} or {noneOf}");
        }

        var question = String(v, "question", entry);
        var opText = String(v, "op", entry);
        ConditionOperator? op = opText switch
        {
            "eq" => ConditionOperator.Eq,
            "in" => ConditionOperator.In,
            "not" => ConditionOperator.Not,
            "any" => ConditionOperator.Any,
            "all" => ConditionOperator.All,
            "gte" => ConditionOperator.Gte,
            "lte" => ConditionOperator.Lte,
            "answered" => ConditionOperator.Answered,
            _ => null,
        };
        if (op is null)
        {
            return Fail($"unknown operator '{opText}' (allowed: eq, in, not, any, all, gte, lte, answered)");
        }

        var value = v.GetProperty("value");
        switch (op)
        {
            case ConditionOperator.Eq:
                return value.ValueKind == JsonValueKind.String
                    ? new QuestionCondition(question, op.Value, [value.GetString()!], null)
                    : Fail("'eq' takes a string value");
            case ConditionOperator.Answered:
                return value.ValueKind == JsonValueKind.True
                    ? new QuestionCondition(question, op.Value, [], null)
                    : Fail("'answered' takes the value true (for \"not answered\" use noneOf)");
            case ConditionOperator.Gte or ConditionOperator.Lte:
                return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var n)
                    ? new QuestionCondition(question, op.Value, [], n)
                    : Fail($"'{opText}' takes a number value");
            default:
                if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0 || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                {
                    return Fail($"'{opText}' takes a non-empty array of option ids");
                }

                return new QuestionCondition(question, op.Value, value.EnumerateArray().Select(e => e.GetString()!).ToList(), null);
        }

        Condition? Fail(string problem)
        {
            Error(entry, problem);
            return null;
        }
    }
}
