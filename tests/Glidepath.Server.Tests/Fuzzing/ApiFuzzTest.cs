using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Glidepath.Application.People;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.People;
using Glidepath.Server.Tests.Auth;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Tests.Planning;
using Glidepath.Testing.Databases;
using Microsoft.AspNetCore.Routing.Patterns;
using Xunit.Abstractions;

namespace Glidepath.Server.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of every JSON route under /api and /auth: the routes come from the app's
/// EndpointDataSource (<see cref="EndpointMatrix"/>), their bodies and query parameters from the
/// OpenAPI document's schemas (<see cref="JsonBodies"/>), so a route added later is fuzzed without
/// editing this test. Property: every answer is below 500, every 4xx is problem JSON, and the server
/// logs no error (the exception handler logs every unhandled exception). SQLite only: the answers
/// to bad input do not depend on the provider, and the run must stay short on two cores.
/// </summary>
public class ApiFuzzTest(ITestOutputHelper output)
{
    /// <summary>Inputs per route and method (most routes; <see cref="Budget"/> lowers the slow ones).</summary>
    private const int PerRoute = 520;

    /// <summary>Fair-share limits low enough that generated simulation runs stay small.</summary>
    internal static readonly Dictionary<string, string?> Settings = new()
    {
        ["Glidepath:SimulationRuns:MaxRunsPerUser"] = "2",
        ["Glidepath:SimulationRuns:MaxPathsPerUser"] = "2000",
    };

    [Fact]
    public async Task EveryJsonRoute_GeneratedInput_AnswersBelow500_With4xxAsProblemJson()
    {
        var clock = Stopwatch.StartNew();
        var run = new FuzzRun("json-routes", output);
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite, settings: Settings);
        var user = await app.CreateUserAsync(roles: [Roles.Premium, Roles.Advisor, Roles.Admin], ownHousehold: false);
        var client = app.CreateClient(user);
        var world = await World.CreateAsync(app, client, user);

        using var openApi = JsonDocument.Parse(await app.CreateAnonymousClient().GetStringAsync("/openapi/v1.json"));
        var bodies = new JsonBodies(openApi.RootElement.GetProperty("components").GetProperty("schemas"), world.Ids);
        var routes = EndpointMatrix.Enumerate(app.Services).Where(Fuzzed).ToList();
        Assert.True(routes.Count >= 80, $"only {routes.Count} routes found");

        foreach (var route in routes)
        {
            var operation = Operation(openApi.RootElement, route);
            var requests = Request(route, operation, bodies, world).Sample(FuzzRun.Scaled(Budget(route)), FuzzRun.Random(route.ToString()), 8);
            await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (generated, ct) =>
            {
                // Kestrel refuses a path with an encoded NUL (400) before any routing; the in-process
                // test server throws on it instead, so such a URL is counted as Kestrel answers it.
                if (Uri.UnescapeDataString(generated.Url.Split('?')[0]).Contains('\0', StringComparison.Ordinal))
                {
                    run.Count(400);
                    return;
                }

                using var request = new HttpRequestMessage(new HttpMethod(route.Method), generated.Url);
                if (generated.Body is { } body)
                {
                    request.Content = new StringContent(body, Encoding.UTF8);
                    request.Content.Headers.ContentType = new(generated.ContentType);
                }

                using var response = await client.SendAsync(request, ct);
                var status = (int)response.StatusCode;
                run.Count(status);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (status >= 500 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
                {
                    run.Fail($"{route}: {status} {text[..Math.Min(text.Length, 200)]} for {generated.Url} {Cut(generated.Body)}");
                }
            });
        }

        run.CheckLogs(app.Logs.Entries);
        run.Report(clock.Elapsed);
    }

    /// <summary>One generated request: URL with route and query values, body and its content type.</summary>
    internal sealed record Generated(string Url, string? Body, string ContentType);

    /// <summary>
    /// JSON routes only (the CSV imports have <see cref="ImporterFuzzTest"/>); not DELETE /api/me, which
    /// erases the caller and so would end the run, nor key rotation, which takes no input.
    /// </summary>
    private static bool Fuzzed(MatrixEndpoint route) =>
        (route.Template.StartsWith("/api/", StringComparison.Ordinal) || route.Template.StartsWith("/auth/", StringComparison.Ordinal))
        && !route.Template.Contains("**", StringComparison.Ordinal)
        && route.ContentType == "application/json"
        && !(route.Method == "DELETE" && route.Template.TrimEnd('/') == "/api/me")
        && route.Template != "/api/admin/signing-keys/rotate";

    /// <summary>Routes that hash a password (about 0.1 s each) get fewer inputs; routes without a body, fewer too.</summary>
    private static int Budget(MatrixEndpoint route) =>
        route.Template is "/auth/register" or "/auth/login" or "/auth/reset-password" ? 40
        : route.Method is "GET" or "DELETE" ? PerRoute / 3
        : PerRoute;

    private static Gen<Generated> Request(MatrixEndpoint route, JsonElement? operation, JsonBodies bodies, World world)
    {
        var query = (operation is { } op && op.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray().ToArray() : [])
            .Where(p => p.GetProperty("in").GetString() == "query" && p.GetProperty("name").GetString() != "wait")
            .Select(p =>
                from include in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
                from value in bodies.Text(p.TryGetProperty("schema", out var s) ? s : null)
                select include ? p.GetProperty("name").GetString() + "=" + Uri.EscapeDataString(value) : null);
        var schema = operation is { } o && o.TryGetProperty("requestBody", out var requestBody)
            && requestBody.GetProperty("content").TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var bodySchema)
            ? bodySchema : (JsonElement?)null;
        var hasBody = route.Method is "POST" or "PUT" or "PATCH";
        return from path in Path(route, bodies, world)
               from pairs in Gen.CollectToArray(query)
               from body in hasBody ? bodies.Body(schema).Select(b => (string?)b) : Gen.Constant<string?>(null)
               from contentType in Gen.Frequency((30, Gen.Constant("application/json")), (1, Gen.Elements("text/plain", "application/xml", "multipart/form-data")))
               let q = string.Join('&', pairs.OfType<string>())
               select new Generated(q.Length == 0 ? path : path + "?" + q, body, contentType);
    }

    /// <summary>The route's URL: the fuzz user's household and real ids mostly, other and malformed ids sometimes.</summary>
    private static Gen<string> Path(MatrixEndpoint route, JsonBodies bodies, World world)
    {
        var segments = route.Pattern.PathSegments.Select(segment => Gen.CollectToArray(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => Gen.Constant(literal.Content),
            RoutePatternSeparatorPart separator => Gen.Constant(separator.Content),
            RoutePatternParameterPart { Name: "householdId" } when route.Method != "DELETE" || route.Template != "/api/households/{householdId:guid}" =>
                Gen.Frequency((20, Gen.Constant(world.HouseholdId.ToString())), (1, Gen.Constant(world.OtherHouseholdId.ToString())), (1, IdText(bodies, world))),
            RoutePatternParameterPart { Name: "householdId" } => Gen.Constant(Guid.NewGuid().ToString()),
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => IdText(bodies, world),
            _ => bodies.Text(null).Select(t => Uri.EscapeDataString(t.Length > 300 ? t[..300] : t)),
        })).Select(parts => string.Concat(parts)));
        return Gen.CollectToArray(segments).Select(all => "/" + string.Join('/', all.Where(s => s.Length > 0)));
    }

    private static Gen<string> IdText(JsonBodies bodies, World world) =>
        Gen.Frequency((8, Gen.Elements(world.Ids.ToArray()).Select(id => id.ToString())), (2, Gen.Constant(Guid.Empty.ToString())), (1, Gen.Elements("not-a-guid", "1", "%20")));

    /// <summary>The OpenAPI operation for the route (paths there have no constraints, no trailing slash, and the version segment).</summary>
    private static JsonElement? Operation(JsonElement openApi, MatrixEndpoint route)
    {
        var path = "/" + string.Join('/', route.Pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternSeparatorPart sep => sep.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        }))));
        // The document publishes the routes under /api/v1 (docs/api.md, "Versioning").
        return openApi.GetProperty("paths").TryGetProperty(Glidepath.Server.Api.ApiVersioning.ToVersioned(path), out var item) && item.TryGetProperty(route.Method.ToLowerInvariant(), out var operation)
            ? operation : null;
    }

    private static string Cut(string? body) => body is null ? "" : body.Length > 300 ? body[..300] + "…" : body;

    /// <summary>What the fuzz user owns: a household with a person, an account with history, a priced instrument and a plan; another user's household.</summary>
    internal sealed record World(Guid HouseholdId, Guid OtherHouseholdId, IReadOnlyList<Guid> Ids)
    {
        public static async Task<World> CreateAsync(GlidepathApp app, HttpClient client, TestUser user)
        {
            var household = await client.HouseholdAsync();
            var person = await (await client.PostAsync($"/api/households/{household.Id}/people",
                new PersonRequest("Ada", new DateOnly(1970, 5, 1), FilingStatus.Single, "US", "CA"))).ReadAsync<PersonDto>(HttpStatusCode.Created);
            var account = await client.AccountAsync(household.Id);
            var ira = await client.AccountAsync(household.Id, AccountType.TraditionalIra, name: "IRA");
            var msft = await app.MsftAsync();
            var day = new DateOnly(1998, 1, 2);
            await (await client.PostAsync($"/api/households/{household.Id}/transactions", Fixtures.Deposit(account.Id, day, 100_000m))).ReadAsync<object>(HttpStatusCode.Created);
            await (await client.PostAsync($"/api/households/{household.Id}/transactions", Fixtures.Buy(account.Id, msft.Id, day, 100m, 32.78m))).ReadAsync<object>(HttpStatusCode.Created);
            var plan = await PlanningEndpointsTest.CreatePlanAsync(client, household.Id);
            var other = await app.CreateUserAsync();
            return new World(household.Id, other.HouseholdId!.Value, [household.Id, person.Id, account.Id, ira.Id, msft.Id, plan.Id, user.Id, other.HouseholdId.Value]);
        }
    }
}
