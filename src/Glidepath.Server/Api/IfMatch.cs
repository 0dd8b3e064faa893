using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Glidepath.Server.Api;

/// <summary>
/// <c>If-Match: "7"</c> on an update whose body carries a <c>version</c> (households, accounts, plans, model
/// portfolios, manual assets, the tax profile): the header's version is used instead of the body's, and a stale one
/// is 412 <c>precondition-failed</c> (RFC 9110) rather than the body form's 409. The entity tag is the resource's
/// <c>version</c> in quotes; a GET's <c>ETag</c> is a hash of its bytes, for caching, and is not accepted here.
/// </summary>
public static class IfMatch
{
    public static RouteHandlerBuilder AcceptsIfMatch(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new VersionedUpdate()).ProducesProblem(StatusCodes.Status412PreconditionFailed).AddEndpointFilter(async (context, next) =>
        {
            var header = context.HttpContext.Request.Headers.IfMatch;
            var index = context.Arguments.ToList().FindIndex(a => a is IVersionedRequest);
            if (header.Count == 0 || index < 0)
            {
                return await next(context);
            }

            if (!TryParse(header, out var version))
            {
                return ValidationErrors.Single("If-Match", "One version in quotes, as the resource's `version` says: If-Match: \"7\".");
            }

            context.Arguments[index] = ((IVersionedRequest)context.Arguments[index]!).WithVersion(version);
            try
            {
                var result = await next(context);
                return IsStale(result) ? Stale(version) : result;
            }
            catch (DbUpdateConcurrencyException)
            {
                return Stale(version);
            }
        });

    private static bool TryParse(Microsoft.Extensions.Primitives.StringValues header, out long version)
    {
        version = 0;
        return EntityTagHeaderValue.TryParseStrictList(header, out var tags) && tags is [{ IsWeak: false, Tag.Length: > 2 } tag]
            && long.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version);
    }

    // The use cases answer a stale body version with 409 concurrency-conflict; behind If-Match that is a failed precondition.
    private static bool IsStale(object? result) =>
        InnerResult.Of(result) is ApiProblem { StatusCode: StatusCodes.Status409Conflict, Code: ErrorCodes.ConcurrencyConflict };

    private static PreconditionFailedProblem Stale(long version) =>
        new($"Version {version} is not the current one: the resource changed meanwhile. Read it again (its `version`) and retry.");
}

/// <summary>Marks an update that takes <c>If-Match</c> (the document names the header and the 412).</summary>
public sealed class VersionedUpdate;
