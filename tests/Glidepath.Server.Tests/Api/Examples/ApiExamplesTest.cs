using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;

namespace Glidepath.Server.Tests.Api.Examples;

/// <summary>
/// The OpenAPI document's examples (docs/api.md, "Examples") are recorded from the demo household: the committed
/// file has the shape the API answers today (every property path of a fresh recording, and no other), every operation
/// that takes or answers JSON has one, and the served document carries them. <c>GLIDEPATH_UPDATE_API_EXAMPLES=1</c>
/// writes a fresh recording over the committed file instead of comparing.
/// </summary>
public class ApiExamplesTest
{
    /// <summary>The committed recording, next to the server code that embeds it.</summary>
    private static string ExamplesFile => Path.Combine(RepositoryRoot(), "src", "Glidepath.Server", "Api", "Contract", "Examples", "api-examples.json");

    /// <summary>Operations that take or answer JSON and have no example yet, each with why.</summary>
    private static readonly Dictionary<string, string> NotRecorded = new(StringComparer.Ordinal)
    {
        ["ConfirmEmail"] = "needs the token of a confirmation e-mail",
        ["ResetPassword"] = "needs the token of a reset e-mail",
        ["CompleteExternalSignIn"] = "needs an external OpenID Connect provider",
        ["LinkExternalIdentity"] = "needs an external OpenID Connect provider",
        ["RegisterExternalIdentity"] = "needs an external OpenID Connect provider",
        ["TriggerJob"] = "the tests run without the scheduler (409 scheduler-off)",
    };

    /// <summary>Where a path's prefixes end: before a property (<c>.</c>) or an array's items (<c>[]</c>).</summary>
    private static readonly char[] Boundaries = ['.', '['];

    [Fact]
    public async Task TheCommittedExamples_AreAFreshRecordingsShape_AndCoverEveryJsonOperation()
    {
        // The connections' examples come from the Plaid stub (Plaid's documentation examples).
        await using var plaid = await Glidepath.Testing.Aggregation.PlaidStub.StartAsync();
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite, seedDemoData: true, settings: new Dictionary<string, string?>
        {
            ["Aggregation:Plaid:BaseUrl"] = plaid.BaseUrl,
            ["Aggregation:Plaid:ClientId"] = Glidepath.Testing.Aggregation.PlaidStub.ClientId,
            ["Aggregation:Plaid:Secret"] = Glidepath.Testing.Aggregation.PlaidStub.Secret,
        });
        var (recorded, failures) = await ApiExampleRecorder.RecordAsync(app);
        if (Environment.GetEnvironmentVariable("GLIDEPATH_UPDATE_API_EXAMPLES") == "1")
        {
            await File.WriteAllTextAsync(ExamplesFile, recorded.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(ExamplesFile))!.AsObject();
        var (fresh, kept) = (Shape(recorded), Shape(committed));
        var differences = fresh.Paths.Except(kept.Paths).Where(p => !Unknown(p, kept)).Select(p => "recorded, not committed: " + p)
            .Concat(kept.Paths.Except(fresh.Paths).Where(p => !Unknown(p, fresh)).Select(p => "committed, no longer recorded: " + p)).ToList();
        Assert.True(differences.Count == 0,
            "The committed examples are stale; re-record with GLIDEPATH_UPDATE_API_EXAMPLES=1 (docs/api.md):\n" + string.Join("\n", differences.Take(30)));

        using var http = app.CreateAnonymousClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var missing = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var id = operation!["operationId"]!.GetValue<string>();
                if (NotRecorded.ContainsKey(id))
                {
                    continue;
                }

                if (operation["requestBody"]?["content"]?["application/json"] is { } body && body["example"] is null)
                {
                    missing.Add($"{method.ToUpperInvariant()} {path} ({id}): no request example");
                }

                var answers = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('2') && r.Value?["content"]?["application/json"] is not null).ToList();
                if (answers.Count > 0 && answers.All(r => r.Value!["content"]!["application/json"]!["example"] is null))
                {
                    missing.Add($"{method.ToUpperInvariant()} {path} ({id}): no response example");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing.Concat(failures.Select(f => "step failed: " + f))));
        Assert.DoesNotContain(NotRecorded.Keys, recorded.ContainsKey);
    }

    /// <summary>
    /// Every property path of every example (array items as []), with the operation and whether request or response,
    /// and where it says nothing (empty arrays, nulls).
    /// </summary>
    private static ExampleShape Shape(JsonObject examples)
    {
        var shape = new ExampleShape([], []);
        foreach (var (id, example) in examples)
        {
            foreach (var part in new[] { "request", "response" })
            {
                Walk($"{id}.{part}", example?[part], shape);
            }
        }

        return shape;
    }

    /// <summary>
    /// Whether the other recording says nothing about this path: it lies under an empty array or a null there. An empty
    /// array says nothing about its items' shape (whether a proposal has trades, an order fills or a household an alert
    /// depends on the demo's prices on the day and on how far background work got, not on the contract); a null says
    /// nothing about the object that could be there (a run cancelled before it finished has no result, one that finished
    /// first on a fast machine has one). Such paths are compared where both recordings have something there.
    /// </summary>
    private static bool Unknown(string path, ExampleShape other)
    {
        for (var i = path.IndexOfAny(Boundaries); i >= 0; i = path.IndexOfAny(Boundaries, i + 1))
        {
            if (other.Silent.Contains(path[..i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void Walk(string path, JsonNode? node, ExampleShape shape)
    {
        switch (node)
        {
            case JsonObject o:
                shape.Paths.Add(path);
                foreach (var (name, value) in o)
                {
                    // Maps keyed by data (an import mapping's actions, a scenario's free-form parts) are values, not
                    // shape; so is a recommendation's data, whose keys follow its kind.
                    var key = Guid.TryParse(name, out _) || name.Any(char.IsUpper) && name.All(c => char.IsUpper(c) || c == '_') || IsRecommendationData(path, name) ? "*" : name;
                    Walk($"{path}.{key}", value, shape);
                }

                break;
            case JsonArray a:
                shape.Paths.Add(path + "[]");
                if (a.Count == 0)
                {
                    shape.Silent.Add(path + "[]");
                }

                foreach (var item in a)
                {
                    Walk(path + "[]", item, shape);
                }

                break;
            case null:
                // A null value is a key of the shape like any other (an object there has the same path).
                shape.Paths.Add(path);
                shape.Silent.Add(path);
                break;
            default:
                shape.Paths.Add(path);
                break;
        }
    }

    private static bool IsRecommendationData(string path, string name) =>
        path.Contains("Recommendation", StringComparison.Ordinal) && path.EndsWith(".data", StringComparison.Ordinal);

    /// <summary>Every property path, and the paths under which a recording says nothing (empty arrays, nulls).</summary>
    private sealed record ExampleShape(HashSet<string> Paths, HashSet<string> Silent);

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Glidepath.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("No Glidepath.slnx above " + AppContext.BaseDirectory);
    }
}
