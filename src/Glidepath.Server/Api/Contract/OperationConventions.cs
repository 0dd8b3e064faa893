using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Glidepath.Server.Api.Contract;

/// <summary>
/// What every operation of the document says without its endpoint saying it, derived from the endpoint's
/// metadata so that routes added later are covered too: its name, summary and description (the endpoint's
/// own, else <see cref="ApiOperations"/>), its security requirement (bearer, or <c>security: []</c> for the
/// anonymous routes), and the problem answers the pipeline gives before its handler runs: 401 without a
/// valid token, 403 from a role, step-up or household grant, 429 from the rate limiter.
/// </summary>
internal static partial class OperationConventions
{
    public const string BearerScheme = "bearer";

    public static async Task ApplyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (ApiOperations.ByRoute.TryGetValue(RouteKey(description.HttpMethod, description.RelativePath), out var entry))
        {
            operation.OperationId ??= entry.Name;
            operation.Summary ??= entry.Summary;
            operation.Description ??= entry.Description;
        }

        var authorised = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        operation.Security = authorised
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }]
            : [];

        var api = RouteKey(description.HttpMethod, description.RelativePath).Contains(" " + ApiVersioning.UnversionedPrefix + "/", StringComparison.Ordinal);
        if (api && string.Equals(description.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase))
        {
            AddHeader(operation, IdempotencyKeys.Header,
                "Any unique string (a UUID): a retry with the same key and body answers the first success again instead of repeating it (24 hours; docs/api.md).");
        }
        else if (api && string.Equals(description.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase))
        {
            AddHeader(operation, "If-None-Match", "The ETag of an answer kept from before: 304 without a body while it is still current.");
        }

        if (metadata.OfType<VersionedUpdate>().Any())
        {
            AddHeader(operation, "If-Match", "The resource's `version` in quotes (\"7\"), instead of the body's `version`: a stale one is 412 `precondition-failed`.");
        }

        operation.Responses ??= [];
        if (metadata.OfType<PagedList>().Any() && operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse page)
        {
            page.Headers ??= new Dictionary<string, IOpenApiHeader>();
            page.Headers["Link"] = new OpenApiHeader
            {
                Description = "RFC 8288 links to the `first`, `prev`, `next` and `last` pages (docs/api.md, \"Paging\").",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        if (authorised)
        {
            await AddProblemAsync(operation, context, StatusCodes.Status401Unauthorized,
                "No valid access token (`code`: `unauthorized`); sign in or refresh the token.", ct);
            var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            var householdScoped = description.ParameterDescriptions.Any(p => string.Equals(p.Name, "householdId", StringComparison.OrdinalIgnoreCase));
            if (policies.Count > 0 || householdScoped)
            {
                await AddProblemAsync(operation, context, StatusCodes.Status403Forbidden,
                    "Signed in but not allowed (`code`: `forbidden`, `mfa-required`, `step-up-required`, `owner-only` or `grant-read-only`).", ct);
            }
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            await AddProblemAsync(operation, context, StatusCodes.Status429TooManyRequests,
                "Rate limited (`code`: `rate-limited`); retry after the `Retry-After` seconds.", ct);
        }
    }

    /// <summary>"GET /api/households/{householdId}" for a route, without the version segment.</summary>
    public static string RouteKey(string? method, string? relativePath)
    {
        // ApiExplorer keeps route constraints ({householdId:guid}) and a group's trailing slash.
        var path = "/" + Constraint().Replace(relativePath ?? "", "{$1}").Trim('/');
        if (path.StartsWith(ApiVersioning.VersionedPrefix + "/", StringComparison.OrdinalIgnoreCase))
        {
            path = ApiVersioning.UnversionedPrefix + path[ApiVersioning.VersionedPrefix.Length..];
        }

        return $"{method?.ToUpperInvariant()} {path}";
    }

    private static void AddHeader(OpenApiOperation operation, string name, string text)
    {
        operation.Parameters ??= [];
        if (!operation.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = false,
                Description = text,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });
        }
    }

    private static async Task AddProblemAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description, CancellationToken ct)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        // A reference to the shared component, as the endpoints' own ProducesProblem answers have; generating it
        // registers the component when no endpoint has named it yet.
        IOpenApiSchema schema = context.Document?.Components?.Schemas?.ContainsKey(nameof(ProblemDetails)) == true
            ? new OpenApiSchemaReference(nameof(ProblemDetails), context.Document)
            : await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\**([A-Za-z0-9_]+)(?::[^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex Constraint();
}
