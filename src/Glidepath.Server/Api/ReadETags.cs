using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Glidepath.Server.Api;

/// <summary>
/// An ETag on every successful JSON read of /api (docs/api.md, "Conditional requests"): the hash of the answer's
/// bytes, so a client that kept the body sends <c>If-None-Match</c> and gets 304 without it. It saves the transfer,
/// not the work; the portfolio reads tag their answers themselves from the database's versions
/// (PortfolioReadCache, which also answers 304 without computing) and are left as they are.
/// </summary>
public static class ReadETags
{
    public static IApplicationBuilder UseReadETags(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Path.StartsWithSegments(ApiVersioning.UnversionedPrefix, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            var original = context.Response.Body;
            await using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            var response = context.Response;
            if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag)
                && response.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
            {
                buffer.Position = 0;
                var etag = "\"" + Convert.ToHexStringLower(await SHA256.HashDataAsync(buffer, context.RequestAborted), 0, 16) + "\"";
                response.Headers.ETag = etag;
                if (EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var tags)
                    && tags.Any(t => t.Tag == "*" || t.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false)))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    response.ContentLength = null;
                    response.Headers.ContentType = default;
                    return;
                }
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        });
}
