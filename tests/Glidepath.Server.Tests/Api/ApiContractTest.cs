using System.Text.Json;
using System.Text.RegularExpressions;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Api;
using Glidepath.Server.Api.Contract;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.Api;

/// <summary>
/// The OpenAPI document and the app's endpoints describe the same API (docs/api.md): every endpoint of the
/// EndpointDataSource that is not excluded from the description is an operation of /openapi/v1.json and every
/// operation is an endpoint; each operation has a unique operationId, a summary and a description.
/// </summary>
public partial class ApiContractTest
{
    /// <summary>Endpoints that are no API operation: the document and its viewer, the real-time hub, the web app's fallbacks.</summary>
    private static readonly string[] NotOperations = ["/openapi/", "/scalar", "/hubs/", "/{*path", "/api/{**path}", "/.well-known/{**path}"];

    /// <summary>The plain-text probes of ASP.NET's health checks (docs/server-and-cli.md), which have no handler to describe.</summary>
    private static readonly string[] Probes = ["/health", "/health/ready"];

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task EveryEndpoint_IsInTheDocument_AndEveryOperationIsAnEndpoint(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        var operations = Operations(document).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            // MapStaticAssets' Development catch-all for files not yet in the manifest: the UI's files, not an operation.
            .Where(e => e.RoutePattern.RawText?.Contains(":file}", StringComparison.Ordinal) != true)
            .Select(e => (Endpoint: e, Template: "/" + Constraint().Replace(e.RoutePattern.RawText ?? "", "{$1}").Trim('/')))
            .Where(e => !NotOperations.Any(p => e.Template.StartsWith(p, StringComparison.OrdinalIgnoreCase)) && !Probes.Contains(e.Template))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Where(m => m is not ("HEAD" or "OPTIONS"))
                .Select(m => $"{m} {ApiVersioning.ToVersioned(e.Template)}"))
            .ToHashSet(StringComparer.Ordinal);

        var undocumented = endpoints.Except(operations).Order().ToList();
        var unmapped = operations.Except(endpoints).Order().ToList();
        Assert.Empty(undocumented);
        Assert.Empty(unmapped);
        Assert.True(operations.Count > 100, $"only {operations.Count} operations: is the document being read?");
    }

    [Fact]
    public async Task EveryOperation_HasAUniqueName_ASummaryAndADescription_AndEveryTableEntryAnOperation()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = Operations(document).ToList();

        var unnamed = operations.Where(o => !o.Value.TryGetProperty("operationId", out _)
            || !o.Value.TryGetProperty("summary", out _) || !o.Value.TryGetProperty("description", out _)).Select(o => o.Key);
        Assert.Empty(unnamed.ToList());
        var names = operations.Select(o => o.Value.GetProperty("operationId").GetString()!).ToList();
        var repeated = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(repeated);
        Assert.All(names, n => Assert.Matches("^[A-Z][A-Za-z0-9]+$", n));

        // A table entry whose route is gone (renamed, versioned) would silently name nothing.
        var keys = operations.Select(o => OperationConventions.RouteKey(o.Key.Split(' ')[0], o.Key.Split(' ')[1])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var stale = ApiOperations.ByRoute.Keys.Where(k => !keys.Contains(k)).ToList();
        Assert.Empty(stale);
    }

    [Fact]
    public async Task AuthorisedOperations_RequireTheBearerScheme_AndAnonymousOnesSayNone()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        foreach (var (key, operation) in Operations(document))
        {
            var security = operation.GetProperty("security");
            var anonymous = key.Split(' ')[1].StartsWith("/auth/", StringComparison.Ordinal);
            Assert.True(anonymous ? security.GetArrayLength() == 0 : security[0].TryGetProperty("bearer", out _), $"{key}: security {security}");
            Assert.True(anonymous || operation.GetProperty("responses").TryGetProperty("401", out _), $"{key} declares no 401");
        }
    }

    /// <summary>
    /// The recorded examples leave out the optional request properties; a document that called them required made
    /// 78 of its own examples fail it (npm run api:lint, no-invalid-media-type-examples, an error since).
    /// </summary>
    [Fact]
    public async Task NullableRequestProperties_AreOptional_AnswersKeepTheirs_AndANullableJsonValueIsOneSchema()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var schemas = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("components").GetProperty("schemas");
        string[] Required(string schema) => [.. schemas.GetProperty(schema).GetProperty("required").EnumerateArray().Select(e => e.GetString()!)];

        Assert.Equal(["accountId", "type", "tradeDate"], Required("TransactionRequest"));
        Assert.DoesNotContain("isin", Required("InstrumentRequest"));
        Assert.False(schemas.GetProperty("LoginRequest").TryGetProperty("required", out var login) && login.GetArrayLength() > 0, $"LoginRequest requires {login}");
        // An answer always carries its nulls.
        Assert.Contains("error", Required("SimulationRunDto"));
        Assert.Contains("result", Required("SimulationRunDto"));
        var result = schemas.GetProperty("SimulationRunDto").GetProperty("properties").GetProperty("result");
        Assert.Equal("#/components/schemas/JsonElement", result.GetProperty("$ref").GetString());
        Assert.False(result.TryGetProperty("oneOf", out _));
    }

    private static IEnumerable<KeyValuePair<string, JsonElement>> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(op => op.Value.ValueKind == JsonValueKind.Object && op.Value.TryGetProperty("responses", out _))
            .Select(op => KeyValuePair.Create($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value)));

    [GeneratedRegex(@"\{\**([A-Za-z0-9_]+)(?::[^}]*)?\}")]
    private static partial Regex Constraint();
}
