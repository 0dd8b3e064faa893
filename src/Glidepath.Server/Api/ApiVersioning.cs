using System.Globalization;

namespace Glidepath.Server.Api;

/// <summary>
/// The API's version segment. Routes are mapped once, under <see cref="UnversionedPrefix"/>, and the document
/// publishes them under <see cref="VersionedPrefix"/>: a request to <c>/api/v1/…</c> is rewritten to its route
/// before routing, and a request to the unversioned alias is answered as before plus the deprecation headers
/// (RFC 9745 <c>Deprecation</c>, RFC 8594 <c>Sunset</c>, and a <c>successor-version</c> link). Mapping every
/// endpoint twice would give each name two endpoints and the document two operations per route.
/// </summary>
public static class ApiVersioning
{
    public const string VersionedPrefix = "/api/v1";
    public const string UnversionedPrefix = "/api";

    public static IServiceCollection AddApiVersioning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiVersioningOptions>().Bind(configuration.GetSection("Api:UnversionedAliases"))
            .Validate(o => o.SunsetOn > o.DeprecatedOn, "Api:UnversionedAliases:SunsetOn must come after DeprecatedOn.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Before routing: strips the version segment, or marks the answer of an unversioned alias as deprecated.</summary>
    public static IApplicationBuilder UseApiVersioning(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiVersioningOptions>>().Value;
        var deprecation = "@" + new DateTimeOffset(options.DeprecatedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var sunset = options.SunsetOn.ToDateTime(TimeOnly.MinValue).ToString("R", CultureInfo.InvariantCulture);
        return app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments(VersionedPrefix, StringComparison.OrdinalIgnoreCase, out var rest))
            {
                request.Path = new PathString(UnversionedPrefix).Add(rest);
                context.Response.OnStarting(() => VersionLocation(context.Response));
            }
            else if (request.Path.StartsWithSegments(UnversionedPrefix, StringComparison.OrdinalIgnoreCase, out rest))
            {
                var headers = context.Response.Headers;
                headers["Deprecation"] = deprecation;
                headers["Sunset"] = sunset;
                headers.Append("Link", $"<{request.PathBase}{VersionedPrefix}{rest}{request.QueryString}>; rel=\"successor-version\"");
            }

            return next(context);
        });
    }

    /// <summary>The versioned form of an API path (<c>/api/x</c> → <c>/api/v1/x</c>); other paths unchanged.</summary>
    public static string ToVersioned(string path) =>
        path.StartsWith(UnversionedPrefix + "/", StringComparison.Ordinal) && !path.StartsWith(VersionedPrefix + "/", StringComparison.Ordinal)
            ? VersionedPrefix + path[UnversionedPrefix.Length..]
            : path;

    // Endpoints name what they created by its route (Created("/api/households/…"), or an absolute URL from the link
    // generator); a client that came through /api/v1 gets the versioned form back.
    private static Task VersionLocation(HttpResponse response)
    {
        var location = response.Headers.Location.ToString();
        var scheme = location.IndexOf("://", StringComparison.Ordinal);
        var path = scheme < 0 ? 0 : location.IndexOf('/', scheme + 3);
        if (location.Length > 0 && path >= 0)
        {
            response.Headers.Location = location[..path] + ToVersioned(location[path..]);
        }

        return Task.CompletedTask;
    }
}

/// <summary>When the unversioned aliases were deprecated, and when they go (docs/api.md, "Versioning").</summary>
public sealed class ApiVersioningOptions
{
    public DateOnly DeprecatedOn { get; set; } = new(2026, 12, 6);

    public DateOnly SunsetOn { get; set; } = new(2027, 6, 30);
}
