using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace Glidepath.Server.WebApp;

/// <summary>
/// The web UI (web/, built into wwwroot next to the binary): static files, and index.html for
/// any other path so the browser's router can handle deep links. Paths under the server's own
/// prefixes never fall back to the page: an unknown API route stays a 404 problem.
/// </summary>
public static class WebAppEndpoints
{
    /// <summary>Route prefixes that belong to the server, not to the single-page app.</summary>
    public static readonly IReadOnlyList<string> ServerPrefixes = ["api", "auth", "health", "openapi", "scalar", ".well-known"];

    /// <summary>True for a path under one of <see cref="ServerPrefixes"/>.</summary>
    public static bool IsServerPath(PathString path) => ServerPrefixes.Any(prefix => path.StartsWithSegments("/" + prefix, StringComparison.OrdinalIgnoreCase));

    // Only GET and HEAD fall back, so a wrong method on a real route still answers 405.
    private static readonly HttpMethodMetadata ReadOnly = new([HttpMethods.Get, HttpMethods.Head]);

    /// <summary>
    /// How long a browser may keep a file of the UI: Vite's hashed files under <c>/assets/</c> for a
    /// year (a new build has new names); everything else (index.html, the service worker
    /// <c>sw.js</c>, the manifest and icons) is checked with the server each time, so a new build
    /// and its service worker are picked up at once.
    /// </summary>
    public static string CacheControlFor(PathString path) =>
        path.StartsWithSegments("/assets", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache";

    /// <summary>
    /// Static file options for both the files and the index.html fallback (both read
    /// <see cref="StaticFileOptions"/> from the container): cache headers, and the manifest's type.
    /// </summary>
    public static IServiceCollection AddWebAppFiles(this IServiceCollection services) =>
        services.Configure<StaticFileOptions>(options =>
        {
            var types = new FileExtensionContentTypeProvider();
            types.Mappings[".webmanifest"] = "application/manifest+json";
            options.ContentTypeProvider = types;
            options.OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = CacheControlFor(file.Context.Request.Path);
        });

    public static IApplicationBuilder UseWebAppFiles(this IApplicationBuilder app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    public static IEndpointRouteBuilder MapWebAppFallback(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in ServerPrefixes)
        {
            // A literal first segment outranks the page fallback's catch-all.
            app.MapFallback($"/{prefix}/{{**path}}", () => TypedResults.NotFound()).WithMetadata(ReadOnly).ExcludeFromDescription().AllowAnonymous();
        }

        // The page shell holds no data (the app signs in and calls the API), so it is on the anonymous list.
        app.MapFallbackToFile("index.html").WithMetadata(ReadOnly).ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
