namespace Glidepath.Infrastructure.TaxLots;

/// <summary>A stored value, or the stable code and message of why nothing was stored.</summary>
public sealed record StoreResult<T>(T? Value, string? ErrorCode, string? Message)
    where T : class
{
    public bool Succeeded => ErrorCode is null;
}

public static class StoreResult
{
    public static StoreResult<T> Ok<T>(T value)
        where T : class => new(value, null, null);

    public static StoreResult<T> Fail<T>(string code, string message)
        where T : class => new(null, code, message);
}
