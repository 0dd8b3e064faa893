using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace Glidepath.Server.WebApp;

/// <summary>
/// The web UI (web/, staged into the project's wwwroot at build time): its files through
/// <c>MapStaticAssets</c> (precompressed brotli and gzip, ETags, content-type and cache headers from
/// the build's manifest), and index.html for any other path so the browser's router can handle deep
/// links. Paths under the server's own prefixes never fall back to the page: an unknown API route
/// stays a 404 problem.
/// </summary>
public static class WebAppEndpoints
{
    /// <summary>Route prefixes that belong to the server, not to the single-page app.</summary>
    public static readonly IReadOnlyList<string> ServerPrefixes = ["api", "auth", "health", "metrics", "openapi", "scalar", ".well-known"];

    /// <summary>True for a path under one of <see cref="ServerPrefixes"/>.</summary>
    public static bool IsServerPath(PathString path) => ServerPrefixes.Any(prefix => path.StartsWithSegments("/" + prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Cache header for files whose name changes with their content.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    // Only GET and HEAD fall back, so a wrong method on a real route still answers 405.
    private static readonly HttpMethodMetadata ReadOnly = new([HttpMethods.Get, HttpMethods.Head]);

    /// <summary>
    /// How long a browser may keep a file of the UI: Vite's hashed files under <c>/assets/</c> for a
    /// year (a new build has new names); everything else (index.html, the service worker
    /// <c>sw.js</c>, the manifest and icons) is checked with the server each time, so a new build
    /// and its service worker are picked up at once.
    /// </summary>
    public static string CacheControlFor(PathString path) =>
        path.StartsWithSegments("/assets", StringComparison.Ordinal) ? Immutable : "no-cache";

    /// <summary>Options for the index.html fallback, which goes through the static file middleware.</summary>
    public static IServiceCollection AddWebAppFiles(this IServiceCollection services) =>
        services.Configure<StaticFileOptions>(options =>
        {
            var types = new FileExtensionContentTypeProvider();
            types.Mappings[".webmanifest"] = "application/manifest+json";
            options.ContentTypeProvider = types;
            options.OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = CacheControlFor(file.Context.Request.Path);
        });

    /// <summary>
    /// The build's static assets. The SDK marks as immutable only the files it fingerprints itself;
    /// Vite already puts a content hash in every name under <c>/assets/</c>, so those get
    /// <see cref="Immutable"/> here and everything else keeps the manifest's <c>no-cache</c>.
    /// Without a manifest (a test host, a build that never saw web/) there is nothing to map.
    /// </summary>
    public static IEndpointRouteBuilder MapWebAppFiles(this IEndpointRouteBuilder app)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{app.ServiceProvider.GetRequiredService<IWebHostEnvironment>().ApplicationName}.staticwebassets.endpoints.json");
        if (!File.Exists(manifest))
        {
            return app;
        }

        app.MapStaticAssets(manifest)
            .AllowAnonymous()
            .WithMetadata(WebAppFile.Instance)
            .ExcludeFromDescription() // files, not API operations: the contract test holds the document to the API's endpoints
            .Add(endpoint =>
            {
                if (endpoint is not RouteEndpointBuilder route || route.RoutePattern.RawText?.StartsWith("assets/", StringComparison.Ordinal) != true || endpoint.RequestDelegate is not { } inner)
                {
                    return;
                }

                endpoint.RequestDelegate = context =>
                {
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers.CacheControl = Immutable;
                        return Task.CompletedTask;
                    });
                    return inner(context);
                };
            });
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

/// <summary>Marks the endpoints of the UI's static files: public by design, and not part of the API's authorisation matrix.</summary>
public sealed class WebAppFile
{
    public static readonly WebAppFile Instance = new();

    private WebAppFile()
    {
    }
}
