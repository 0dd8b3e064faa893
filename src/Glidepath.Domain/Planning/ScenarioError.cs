namespace Glidepath.Domain.Planning;

/// <summary>Why a scenario was rejected: the field path (e.g. "cashFlows[1].endMonth") and a sentence.</summary>
public sealed record ScenarioError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>A value or the error that prevented it (expected failures are values, not exceptions).</summary>
public sealed record ScenarioResult<T>(T? Value, ScenarioError? Error)
    where T : class
{
    public bool IsSuccess => Error is null;
}

public static class ScenarioResult
{
    public static ScenarioResult<T> Ok<T>(T value)
        where T : class => new(value, null);

    public static ScenarioResult<T> Fail<T>(string field, string message)
        where T : class => new(null, new ScenarioError(field, message));
}
