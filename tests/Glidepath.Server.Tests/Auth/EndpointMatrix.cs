using System.Globalization;
using System.Text;
using Glidepath.Server.Api;
using Glidepath.Server.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.Auth;

/// <summary>
/// Reads every endpoint the app maps (its EndpointDataSource) and derives what each caller may do
/// from the route and metadata alone, so endpoints added later are covered without editing a list:
/// a <c>{householdId}</c> route is household-scoped; the Admin/Advisor policies restrict by role;
/// <see cref="HouseholdOwnerOnly"/> shuts out granted advisors; <see cref="ComputeOnly"/> POSTs are open to
/// read grants; the anonymous routes are the short list in <see cref="AnonymousPrefixes"/>.
/// </summary>
public static class EndpointMatrix
{
    /// <summary>The only routes that may be reached without a token (docs/security.md).</summary>
    public static readonly IReadOnlyList<string> AnonymousPrefixes =
    [
        "/auth/", "/.well-known/jwks.json", "/openapi/", "/scalar",

        // The web UI's shell and its fallbacks: index.html, and a 404 for unknown server paths.
        "/{*path:nonfile}", "/api/{**path}", "/.well-known/{**path}", "/metrics/{**path}",

        // MapStaticAssets' Development fallback for UI files added after the build (no conventions reach it).
        "/{**path:file}",
    ];

    /// <summary>Anonymous routes matched exactly: <c>/health/detailed</c> is for admins.</summary>
    public static readonly IReadOnlyList<string> AnonymousRoutes = ["/health", "/health/ready", "/health/{**path}"];

    public static IReadOnlyList<MatrixEndpoint> Enumerate(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>().Where(e => !IsWebAppFile(e)).SelectMany(Describe)];
    }

    /// <summary>Endpoints that are neither on the anonymous list nor carry an authorisation policy (or that allow anonymous callers off the list).</summary>
    public static IReadOnlyList<string> Unprotected(IEnumerable<Endpoint> endpoints) =>
        [.. endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsAnonymousRoute(Template(e)) && !IsWebAppFile(e))
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() || e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => $"{string.Join(',', e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {Template(e)}")];

    /// <summary>The UI's static files (MapStaticAssets): public, and not API routes.</summary>
    public static bool IsWebAppFile(Endpoint endpoint) => endpoint.Metadata.GetMetadata<Glidepath.Server.WebApp.WebAppFile>() is not null;

    public static bool IsAnonymousRoute(string template) =>
        AnonymousRoutes.Contains(template, StringComparer.OrdinalIgnoreCase)
        || AnonymousPrefixes.Any(p => template.StartsWith(p, StringComparison.OrdinalIgnoreCase) || template == p.TrimEnd('/'));

    public static string Template(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    private static IEnumerable<MatrixEndpoint> Describe(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var method in methods.Where(m => m is not ("HEAD" or "OPTIONS")))
        {
            yield return new MatrixEndpoint(
                method,
                Template(endpoint),
                endpoint.RoutePattern,
                IsAnonymousRoute(Template(endpoint)),
                endpoint.RoutePattern.GetParameter("householdId") is not null,
                endpoint.Metadata.GetMetadata<HouseholdOwnerOnly>() is not null,
                // Shared reference data is written by operators only (Auth:ReferenceDataWriters defaults to admin).
                policies.Contains(AuthPolicies.Admin) || policies.Contains(AuthPolicies.ReferenceDataWriter),
                policies.Contains(AuthPolicies.Advisor),
                policies.Contains(AuthPolicies.StepUp),
                endpoint.Metadata.GetMetadata<ComputeOnly>() is not null,
                endpoint.Metadata.GetMetadata<Glidepath.Server.Protection.ExpensiveRead>() is not null,
                endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is { Count: > 0 } types ? types[0] : "application/json");
        }
    }
}

public sealed record MatrixEndpoint(
    string Method, string Template, RoutePattern Pattern, bool Anonymous, bool HouseholdScoped, bool OwnerOnly, bool AdminOnly, bool AdvisorOnly, bool StepUp,
    bool ComputeOnly, bool ExpensiveRead, string ContentType)
{
    /// <summary>A minimal body of the content type the endpoint accepts (routing answers 415 before authorisation otherwise).</summary>
    public HttpContent Body() => ContentType switch
    {
        "application/json" => new StringContent("{}", Encoding.UTF8, "application/json"),
        "text/csv" or "multipart/form-data" => new StringContent("date,amount\n", Encoding.UTF8, "text/csv"),
        // A statement (application/x-ofx, …): an empty file of the type, refused by the handler, never by routing.
        _ => new StringContent("", Encoding.UTF8, ContentType),
    };

    /// <summary>A concrete URL: the household id where the route names one, fresh GUIDs for other ids.</summary>
    public string Url(Guid householdId)
    {
        var url = new StringBuilder();
        foreach (var segment in Pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Value(parameter, householdId),
                    _ => "",
                });
            }

            if (text.Length > 0)
            {
                url.Append('/').Append(text);
            }
        }

        return url.Length == 0 ? "/" : url.ToString();
    }

    public override string ToString() => $"{Method} {Template}";

    private static string Value(RoutePatternParameterPart parameter, Guid householdId)
    {
        if (parameter.Name == "householdId")
        {
            return householdId.ToString();
        }

        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (constraints.Contains("guid"))
        {
            return Guid.NewGuid().ToString();
        }

        if (constraints.Any(c => c is "int" or "long"))
        {
            return "1";
        }

        if (parameter.IsOptional)
        {
            return "";
        }

        return parameter.Name switch
        {
            "documentName" => "v1",
            var name when name.Contains("date", StringComparison.OrdinalIgnoreCase) => new DateOnly(2000, 1, 3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => "x",
        };
    }
}
