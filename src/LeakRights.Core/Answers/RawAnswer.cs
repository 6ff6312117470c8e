namespace LeakRights.Core.Answers;

/// <summary>
/// An answer as a client sent it, before validation: the values of a form field, or the JSON value of a property.
/// </summary>
public sealed record RawAnswer(RawAnswerKind Kind, IReadOnlyList<string> Values)
{
    public static RawAnswer FromForm(IReadOnlyList<string> values) => new(RawAnswerKind.Form, values);

    public static RawAnswer JsonString(string value) => new(RawAnswerKind.JsonString, [value]);

    public static RawAnswer JsonArray(IReadOnlyList<string> values) => new(RawAnswerKind.JsonArray, values);

    public static RawAnswer JsonNumber(string rawNumber) => new(RawAnswerKind.JsonNumber, [rawNumber]);

    public static RawAnswer JsonNull() => new(RawAnswerKind.JsonNull, []);

    /// <summary>A JSON value of a kind no question takes (object, boolean, array of non-strings).</summary>
    public static RawAnswer JsonOther() => new(RawAnswerKind.JsonOther, []);

    /// <summary>A JSON string that is not valid text (a lone surrogate escape).</summary>
    public static RawAnswer InvalidText() => new(RawAnswerKind.InvalidText, []);
}

public enum RawAnswerKind
{
    Form,
    JsonString,
    JsonArray,
    JsonNumber,
    JsonNull,
    JsonOther,
    InvalidText,
}

/// <summary>A problem with one field, in plain Chinese for the person who sent it.</summary>
public sealed record AnswerError(string Field, string Message);
