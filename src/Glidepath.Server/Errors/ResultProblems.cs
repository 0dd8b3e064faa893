using Glidepath.Domain.Results;
using Glidepath.Server.Auth;

namespace Glidepath.Server.Errors;

/// <summary>
/// The one place a use case's <see cref="Problem"/> becomes RFC 7807 problem details: its kind picks
/// the status (invalid 400 with the fields, not found 404, forbidden 403, conflict 409, refused 422, quota 429,
/// unavailable 503) and its code is the answer's <c>code</c>. Handlers answer
/// <c>result.ToHttp(TypedResults.Ok)</c> and declare the statuses they can answer on the route
/// (<see cref="ProducesProblems"/>), so the OpenAPI document names them.
/// </summary>
public static class ResultProblems
{
    public static ProblemAnswer ToHttp(this Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        IResult answer = problem.Kind switch
        {
            ProblemKind.Invalid => ValidationErrors.Problem(Fields(problem)),
            ProblemKind.NotFound => new NotFoundProblem(problem.Code, problem.Message),
            ProblemKind.Forbidden => new ForbiddenProblem(problem.Code, problem.Message),
            ProblemKind.Conflict => new ConflictProblem(problem.Code, problem.Message),
            ProblemKind.Refused => new UnprocessableProblem(problem.Code, problem.Message, [.. problem.Items.Select(i => new ProblemItem(i.Code, i.Message, i.Row, TransactionId: i.TransactionId))]),
            ProblemKind.QuotaExceeded => new RunRefusedProblem(StatusCodes.Status429TooManyRequests, problem.Code, problem.Message),
            ProblemKind.Unavailable => new RunRefusedProblem(StatusCodes.Status503ServiceUnavailable, problem.Code, problem.Message),
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "unknown problem kind"),
        };
        if (answer is ApiProblem details)
        {
            foreach (var (key, value) in problem.Extensions)
            {
                details.Problem.Extensions[key] = value;
            }
        }

        return new ProblemAnswer(answer);
    }

    /// <summary>The value as <paramref name="ok"/> answers it, or the problem as problem details.</summary>
    public static Results<TOk, ProblemAnswer> ToHttp<T, TOk>(this Result<T> result, Func<T, TOk> ok)
        where TOk : IResult
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        return result.TryGet(out var value, out var problem) ? ok(value) : problem.ToHttp();
    }

    /// <summary>Declares on a route the problem statuses its use case can answer (400 is a validation problem).</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder route, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            route = status == StatusCodes.Status400BadRequest ? route.ProducesValidationProblem() : route.ProducesProblem(status);
        }

        return route;
    }

    private static Dictionary<string, string[]> Fields(Problem problem)
    {
        var items = problem.Items.Count > 0 ? problem.Items : [new ProblemReason(problem.Code, problem.Message, problem.Field)];
        return items.GroupBy(i => i.Field ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray(), StringComparer.Ordinal);
    }
}

/// <summary>A problem answer of any status (see <see cref="ResultProblems"/>); the route declares which statuses it documents.</summary>
public sealed class ProblemAnswer(IResult inner) : IResult, IStatusCodeHttpResult
{
    public IResult Inner => inner;

    public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) => inner.ExecuteAsync(httpContext);
}
