namespace LeakRights.Core.Content;

/// <summary>One problem in a seed file: which file, which entry, and what is wrong.</summary>
public sealed record SeedError(string File, string Entry, string Problem)
{
    public override string ToString() => $"{File}: {Entry}: {Problem}";
}

/// <summary>Thrown at start-up when the content under <c>seeds/</c> is invalid; the message lists every problem.</summary>
public sealed class SeedValidationException : Exception
{
    public SeedValidationException(IReadOnlyList<SeedError> errors)
        : base("The seed data is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
    {
        Errors = errors;
    }

    public SeedValidationException()
        : this([])
    {
    }

    public SeedValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public SeedValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<SeedError> Errors { get; } = [];
}
