using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Glidepath.Server.Api;

/// <summary>
/// Brotli or gzip for the API's JSON (a positions list or a valuation series shrinks five- to
/// tenfold), never for responses that carry secrets. BREACH recovers a secret from the compressed
/// size of responses that reflect attacker-chosen text next to it; it needs the victim's browser to
/// send authenticated requests the attacker chooses, which bearer tokens (not cookies) already
/// prevent. As a second line, <c>/auth</c> (tokens, external sign-in) and <c>/api/me</c> (the TOTP
/// key, recovery codes, step-up tokens, the data export) are never compressed, so no secret's length
/// leaks through compression whatever the transport. The web UI's files are precompressed at build
/// time (MapStaticAssets) and do not pass through here. docs/security.md, "Compression".
/// </summary>
public static class ApiCompression
{
    public static IServiceCollection AddApiCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["application/json", "application/problem+json", "text/csv"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Per request CPU matters more than the last few percent of size.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>True for responses that may be compressed: the API (except the caller's own secrets) and its OpenAPI document.</summary>
    public static bool MayCompress(PathString path) =>
        (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/api/me", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/api/v1/me", StringComparison.OrdinalIgnoreCase))
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UseApiCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => MayCompress(context.Request.Path), branch => branch.UseResponseCompression());
}
