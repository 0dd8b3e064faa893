using System.Diagnostics.CodeAnalysis;

namespace Glidepath.Domain.Results;

/// <summary>
/// A value or the <see cref="Results.Problem"/> that prevented it: the one type for expected
/// failures (a missing price, an unknown plan, a scenario the engine refuses). Exceptions are for
/// bugs. The value is read only through <see cref="TryGet"/> or <see cref="Match{TOut}"/>, so no
/// caller can read a value that is not there.
/// </summary>
public sealed class Result<T>
{
    private readonly T? value;

    internal Result(T value) => this.value = value;

    internal Result(Problem problem) => Problem = problem;

    /// <summary>Why there is no value; null on success.</summary>
    public Problem? Problem { get; }

    public bool Succeeded => Problem is null;

    public bool TryGet([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out Problem? problem)
    {
        value = this.value;
        problem = Problem;
        return problem is null;
    }

    /// <summary>The value, or default when there is none (a holding shown without a price, say).</summary>
    public T? GetValueOrDefault() => value;

    /// <summary>
    /// The value of a result that fails only through a bug (a stored history that no longer replays);
    /// throws otherwise, naming <paramref name="what"/> and the problem.
    /// </summary>
    public T Expect(string what) => Problem is { } problem ? throw new InvalidOperationException($"{what}: {problem}") : value!;

    public TOut Match<TOut>(Func<T, TOut> ok, Func<Problem, TOut> fail)
    {
        ArgumentNullException.ThrowIfNull(ok);
        ArgumentNullException.ThrowIfNull(fail);
        return Problem is { } problem ? fail(problem) : ok(value!);
    }

    /// <summary>The value transformed, or the same problem.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Problem is { } problem ? new Result<TOut>(problem) : new Result<TOut>(map(value!));
    }

    /// <summary>The next step on the value, or the same problem.</summary>
    public async Task<Result<TOut>> BindAsync<TOut>(Func<T, Task<Result<TOut>>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Problem is { } problem ? new Result<TOut>(problem) : await next(value!).ConfigureAwait(false);
    }

#pragma warning disable CA2225 // Result.Ok and Result.Fail are the named alternates.
    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Problem problem) => new(problem ?? throw new ArgumentNullException(nameof(problem)));
#pragma warning restore CA2225

    public override string ToString() => Problem is { } problem ? $"fail: {problem}" : $"ok: {value}";
}

public static class Result
{
    public static Result<T> Ok<T>(T value) => new(value);

    public static Result<T> Fail<T>(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem);
    }
}

/// <summary>
/// What kind of expected failure a <see cref="Problem"/> is; a front door maps it (the server to an
/// HTTP status in one place, the CLI to an exit code).
/// </summary>
public enum ProblemKind
{
    /// <summary>The input is malformed or out of range; <see cref="Problem.Field"/> names it.</summary>
    Invalid,

    /// <summary>The thing asked for does not exist (for this caller).</summary>
    NotFound,

    /// <summary>The caller sees the thing but may not do this to it (read-only reference data, a read-only grant).</summary>
    Forbidden,

    /// <summary>The request conflicts with the current state.</summary>
    Conflict,

    /// <summary>Well-formed input that the rules refuse (a missing price, an unvalued holding).</summary>
    Refused,

    /// <summary>The caller has used their share for now.</summary>
    QuotaExceeded,

    /// <summary>The service cannot take the work now (a full queue).</summary>
    Unavailable,
}

/// <summary>
/// An expected failure: its kind, a stable <see cref="Code"/> (clients branch on it, it is never
/// renamed) and a sentence. <see cref="Field"/> names the input at fault for <see cref="ProblemKind.Invalid"/>;
/// <see cref="Items"/> lists several reasons when there are several.
/// </summary>
public sealed record Problem(ProblemKind Kind, string Code, string Message)
{
    public const string ValidationFailed = "validation-failed";

    public string? Field { get; init; }

    public IReadOnlyList<ProblemReason> Items { get; init; } = [];

    /// <summary>Machine-readable facts a client acts on (e.g. the FX pairs to enter), as problem-details extensions.</summary>
    public IReadOnlyDictionary<string, object> Extensions { get; init; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public static Problem Invalid(string field, string message) => new(ProblemKind.Invalid, ValidationFailed, message) { Field = field };

    /// <summary>Several invalid fields at once (each reason names its field).</summary>
    public static Problem Invalid(IReadOnlyList<ProblemReason> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new(ProblemKind.Invalid, ValidationFailed, fields.Count > 0 ? fields[0].Message : "invalid input") { Field = fields.Count > 0 ? fields[0].Field : null, Items = fields };
    }

    public static Problem NotFound(string code, string message) => new(ProblemKind.NotFound, code, message);

    public static Problem Conflict(string code, string message) => new(ProblemKind.Conflict, code, message);

    public static Problem Forbidden(string code, string message) => new(ProblemKind.Forbidden, code, message);

    public static Problem Refused(string code, string message, IReadOnlyList<ProblemReason>? items = null) =>
        new(ProblemKind.Refused, code, message) { Items = items ?? [] };

    public override string ToString() => Field is null ? $"{Code}: {Message}" : $"{Field}: {Message}";
}

/// <summary>
/// One reason among several, e.g. one rejected row, one holding without a price, one invalid field; a refused
/// ledger write names the <paramref name="TransactionId"/> at fault and its <paramref name="Row"/> in the request.
/// </summary>
public sealed record ProblemReason(string Code, string Message, string? Field = null, int? Row = null, Guid? TransactionId = null);
