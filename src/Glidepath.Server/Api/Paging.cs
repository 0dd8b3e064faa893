using System.Globalization;
using Glidepath.Application.Validation;
using Glidepath.Server.Errors;
using Microsoft.AspNetCore.Http.Extensions;

namespace Glidepath.Server.Api;

/// <summary>The one shape of a list that pages (docs/api.md, "Paging"): its items and where they sit in the whole.</summary>
public interface IPage
{
    int Page { get; }

    int PageSize { get; }

    int TotalCount { get; }
}

/// <summary>
/// RFC 8288 <c>Link</c> headers on a paged answer: <c>first</c> and <c>last</c> always, <c>prev</c> and <c>next</c>
/// where there is such a page. Each link is the request's own URL (its other query parameters kept) at the versioned
/// path, with <c>page</c> and <c>pageSize</c> set, so a client follows <c>next</c> until there is none.
/// </summary>
public static class Paging
{
    public static RouteHandlerBuilder WithPageLinks(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new PagedList()).AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (InnerResult.Of(result) is IValueHttpResult { Value: IPage page } && context.HttpContext.Response is { HasStarted: false } response)
            {
                response.Headers.Append("Link", Links(context.HttpContext.Request, page));
            }

            return result;
        });

    /// <summary>Checks a list's <c>page</c> and <c>pageSize</c> by the one rule (<see cref="PageChecks"/>).</summary>
    public static ValidationErrors CheckPage(this ValidationErrors errors, int page, int pageSize) =>
        errors.Check(PageChecks.ValidPage(page), "page", PageChecks.PageMessage)
            .Check(PageChecks.ValidPageSize(pageSize), "pageSize", PageChecks.PageSizeMessage);

    public static string Links(HttpRequest request, IPage page)
    {
        var last = Math.Max(1, (page.TotalCount + page.PageSize - 1) / page.PageSize);
        var links = new List<string> { Link(request, 1, page.PageSize, "first") };
        if (page.Page > 1)
        {
            links.Add(Link(request, Math.Min(page.Page - 1, last), page.PageSize, "prev"));
        }

        if (page.Page < last)
        {
            links.Add(Link(request, page.Page + 1, page.PageSize, "next"));
        }

        links.Add(Link(request, last, page.PageSize, "last"));
        return string.Join(", ", links);
    }

    private static string Link(HttpRequest request, int page, int pageSize, string rel)
    {
        var query = new QueryBuilder(request.Query
            .Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase) && !string.Equals(q.Key, "pageSize", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))))
        {
            { "page", page.ToString(CultureInfo.InvariantCulture) },
            { "pageSize", pageSize.ToString(CultureInfo.InvariantCulture) },
        };
        return $"<{request.PathBase}{ApiVersioning.ToVersioned(request.Path.Value ?? "")}{query.ToQueryString()}>; rel=\"{rel}\"";
    }
}

/// <summary>Marks an endpoint whose answer is an <see cref="IPage"/> with <c>Link</c> headers (the document says so).</summary>
public sealed class PagedList;
