using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Glidepath.Server.Api.Contract;

/// <summary>
/// Request and response examples from the demo household (docs/api.md, "Examples"): recorded by the server tests
/// (ApiExamplesTest, <c>GLIDEPATH_UPDATE_API_EXAMPLES=1</c>) into <c>Examples/api-examples.json</c>, embedded in the
/// server, keyed by operationId; each becomes the <c>example</c> of the operation's JSON request body and of its
/// JSON answer with the recorded status. Runs after <see cref="OperationConventions"/>, which names the operations.
/// </summary>
internal static class ApiExamples
{
    public const string ResourceName = "Glidepath.Server.ApiExamples.json";

    private static readonly Lazy<JsonObject> Recorded = new(() =>
    {
        using var stream = typeof(ApiExamples).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        return JsonNode.Parse(stream) as JsonObject ?? [];
    });

    public static Task ApplyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.OperationId is not { } id || Recorded.Value[id] is not JsonObject example)
        {
            return Task.CompletedTask;
        }

        if (example["request"] is { } request && operation.RequestBody?.Content is { } body && body.TryGetValue("application/json", out var sent))
        {
            sent.Example = request.DeepClone();
        }

        if (example["response"] is { } response && example["status"]?.GetValue<int>() is { } status
            && operation.Responses?.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var answer) == true
            && answer.Content is { } content && content.TryGetValue("application/json", out var json))
        {
            json.Example = response.DeepClone();
        }

        return Task.CompletedTask;
    }
}
