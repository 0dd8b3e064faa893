using System.Reflection;
using Glidepath.Application.Errors;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Glidepath.Server.Errors;

/// <summary>
/// An expected failure answered as RFC 7807 problem details with a stable <c>code</c>. Written
/// through <see cref="IProblemDetailsService"/> so it gets the same trace id and content type
/// (application/problem+json) as every other problem the server writes.
/// </summary>
public abstract class ApiProblem : IResult, IStatusCodeHttpResult
{
    protected ApiProblem(int statusCode, string code, string title, string? detail)
    {
        StatusCode = statusCode;
        Problem = new ProblemDetails { Status = statusCode, Title = title, Detail = detail };
        Problem.Extensions["code"] = code;
    }

    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public ProblemDetails Problem { get; }

    public string Code => (string)Problem.Extensions["code"]!;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCode;
        OnExecuting(httpContext);
        var problems = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = Problem });
    }

    /// <summary>A hook for headers that belong with the problem (e.g. Retry-After).</summary>
    protected virtual void OnExecuting(HttpContext httpContext)
    {
    }

    /// <summary>Tells OpenAPI that the endpoint can answer <paramref name="status"/> with problem details.</summary>
    protected static void Describe(int status, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
    }
}

/// <summary>404: the thing asked for does not exist in this household (or at all; the two are not told apart).</summary>
public sealed class NotFoundProblem(string code, string detail)
    : ApiProblem(StatusCodes.Status404NotFound, code, "Not found", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(StatusCodes.Status404NotFound, builder);
}

/// <summary>409: the request conflicts with the current state (a stale version, a duplicate).</summary>
public sealed class ConflictProblem(string code, string detail)
    : ApiProblem(StatusCodes.Status409Conflict, code, "Conflict", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(StatusCodes.Status409Conflict, builder);
}

/// <summary>422: well-formed input that the ledger's rules refuse (selling more than is held, a rejected import).</summary>
public sealed class UnprocessableProblem : ApiProblem, IEndpointMetadataProvider
{
    public UnprocessableProblem(string code, string detail, IReadOnlyList<ProblemItem>? errors = null)
        : base(StatusCodes.Status422UnprocessableEntity, code, "Request refused", detail)
    {
        if (errors is { Count: > 0 })
        {
            Problem.Extensions["errors"] = errors;
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(StatusCodes.Status422UnprocessableEntity, builder);
}

/// <summary>
/// A simulation run refused for now: 429 when the caller has used their share
/// (<c>simulation-quota-exceeded</c>), 503 when the server's queue is full (<c>simulation-queue-full</c>).
/// </summary>
public sealed class RunRefusedProblem(int statusCode, string code, string detail)
    : ApiProblem(statusCode, code, statusCode == StatusCodes.Status429TooManyRequests ? "Too many runs" : "Service unavailable", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        Describe(StatusCodes.Status429TooManyRequests, builder);
        Describe(StatusCodes.Status503ServiceUnavailable, builder);
    }
}

/// <summary>One reason among several, e.g. one rejected CSV row or one transaction the ledger refused.</summary>
public sealed record ProblemItem(string Code, string Message, int? Row = null, string? Column = null, Guid? TransactionId = null);

/// <summary>412: the <c>If-Match</c> version is not the resource's current one (docs/api.md, "Conditional requests").</summary>
public sealed class PreconditionFailedProblem(string detail)
    : ApiProblem(StatusCodes.Status412PreconditionFailed, ErrorCodes.PreconditionFailed, "Precondition failed", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(StatusCodes.Status412PreconditionFailed, builder);
}
