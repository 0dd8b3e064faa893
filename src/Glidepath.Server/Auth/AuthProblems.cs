using System.Reflection;
using Glidepath.Server.Errors;
using Microsoft.AspNetCore.Http.Metadata;

namespace Glidepath.Server.Auth;

/// <summary>401 with a stable code (wrong credentials, a spent refresh token, a missing second factor).</summary>
public sealed class UnauthorizedProblem(string code, string detail)
    : ApiProblem(StatusCodes.Status401Unauthorized, code, "Not signed in", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(StatusCodes.Status401Unauthorized, builder);
}

/// <summary>403 with a stable code (an advisor on an owner-only route, a missing step-up).</summary>
public sealed class ForbiddenProblem(string code, string detail)
    : ApiProblem(StatusCodes.Status403Forbidden, code, "Forbidden", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(StatusCodes.Status403Forbidden, builder);
}

/// <summary>429 with Retry-After (whole seconds).</summary>
public sealed class TooManyRequestsProblem(TimeSpan retryAfter)
    : ApiProblem(StatusCodes.Status429TooManyRequests, AuthErrorCodes.RateLimited, "Too many requests", "Slow down and retry after the time in Retry-After."),
        IEndpointMetadataProvider
{
    public TimeSpan RetryAfter => retryAfter;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(StatusCodes.Status429TooManyRequests, builder);

    protected override void OnExecuting(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
