using Glidepath.Server.WebApp;

namespace Glidepath.Server.Protection;

/// <summary>
/// Response headers on every answer: nosniff, DENY framing, no referrer, <c>Cache-Control: no-store</c>
/// on <c>/api</c> and <c>/auth</c>, a strict CSP (the API serves
/// JSON; the /scalar reference page gets the inline script and style it needs; the web UI's pages get
/// <see cref="AppPolicy"/>), HSTS on HTTPS requests
/// only (see <see cref="ProtectionRegistration"/>), and an allow-list CORS policy.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string PagePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// The web UI (web/, served from wwwroot): its own scripts and styles only, nothing inline; it
    /// talks to this server alone.
    /// </summary>
    public const string AppPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/auth"))
                {
                    // Household data and tokens: no browser, proxy or shared cache keeps a copy.
                    headers.CacheControl = "no-store";
                }

                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? PagePolicy
                    : WebAppEndpoints.IsServerPath(context.Request.Path) ? ApiPolicy
                    : AppPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
