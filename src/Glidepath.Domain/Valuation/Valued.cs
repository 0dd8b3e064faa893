namespace Glidepath.Domain.Valuation;

/// <summary>A valuation, or every error that prevented it.</summary>
public sealed record Valued<T>(T? Value, IReadOnlyList<ValuationError> Errors)
    where T : class
{
    public bool Succeeded => Value is not null && Errors.Count == 0;
}

public static class Valued
{
    public static Valued<T> Ok<T>(T value)
        where T : class => new(value, []);

    public static Valued<T> Fail<T>(IReadOnlyList<ValuationError> errors)
        where T : class => new(null, errors);
}
