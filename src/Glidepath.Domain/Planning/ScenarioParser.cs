using Glidepath.Domain.Results;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Glidepath.Domain.Planning;

/// <summary>
/// Strict scenario parsing: unknown fields, missing required fields, wrong types and unknown enum
/// names are rejected with the field path; then the scenario is checked by compiling it.
/// </summary>
public static class ScenarioParser
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Parses and validates; a bootstrap or historical model's CSV is not read here.</summary>
    public static Result<ScenarioDocument> Parse(string json)
    {
        // The common shape without the serializer's run-time-built converters (start-up); the
        // serializer reads everything else and words the errors.
        var document = ScenarioReader.TryRead(json);
        try
        {
            document ??= JsonSerializer.Deserialize<ScenarioDocument>(json, Options);
        }
        catch (JsonException e)
        {
            return Problem.Invalid(FieldOf(e), Describe(e));
        }

        if (document is null)
        {
            return Problem.Invalid("$", "the scenario must be a JSON object");
        }

        var compiled = ScenarioCompiler.Compile(document, seriesLoader: null);
        return compiled.Problem is { } problem ? problem : document;
    }

    /// <summary>
    /// The document as scenario JSON that <see cref="Parse"/> reads back to an equal document (unset
    /// optional members are left out): how a run stores the exact scenario it executes.
    /// </summary>
    public static string Write(ScenarioDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document, WriteOptions);
    }

    private static readonly JsonSerializerOptions WriteOptions = new(Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static string FieldOf(JsonException e)
    {
        var path = e.Path is null or "$" ? "" : e.Path.TrimStart('$').TrimStart('.');
        return path.Length == 0 ? "$" : path;
    }

    private static string Describe(JsonException e)
    {
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "unknown field";
        }

        if (e.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var list = e.Message.Split("including: ").LastOrDefault()?.TrimEnd('.') ?? "";
            return $"missing required field(s) {list}";
        }

        return e.Message.Split(" Path:")[0];
    }
}
