using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Glidepath.Server.Tests.Client;

/// <summary>
/// JSON compared as the generated client gives it back: a null and a missing property are the same (Kiota leaves
/// nulls out), numbers are equal by decimal value and timestamps by instant (Kiota writes seven fraction digits).
/// </summary>
internal static class JsonSame
{
    public static List<string> Differences(string expected, string actual)
    {
        var differences = new List<string>();
        Compare("$", JsonNode.Parse(expected), JsonNode.Parse(actual), differences);
        return differences;
    }

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        switch (expected)
        {
            case null when actual is null:
                return;
            case JsonObject e when actual is JsonObject a:
                foreach (var name in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    Compare($"{path}.{name}", e[name], a[name], differences);
                }

                return;
            case JsonArray e when actual is JsonArray a:
                if (e.Count != a.Count)
                {
                    differences.Add($"{path}: {e.Count} items, read back {a.Count}");
                    return;
                }

                for (var i = 0; i < e.Count; i++)
                {
                    Compare($"{path}[{i}]", e[i], a[i], differences);
                }

                return;
            case JsonValue e when actual is JsonValue a && Same(e, a):
                return;
            default:
                differences.Add($"{path}: {expected?.ToJsonString() ?? "null"} read back as {actual?.ToJsonString() ?? "missing"}");
                return;
        }
    }

    private static bool Same(JsonValue expected, JsonValue actual)
    {
        var (e, a) = (expected.GetValue<JsonElement>(), actual.GetValue<JsonElement>());
        return (e.ValueKind, a.ValueKind) switch
        {
            (JsonValueKind.Number, JsonValueKind.Number) => e.GetDecimal() == a.GetDecimal(),
            (JsonValueKind.String, JsonValueKind.String) => e.GetString() == a.GetString()
                || (DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture, out var x)
                    && DateTimeOffset.TryParse(a.GetString(), CultureInfo.InvariantCulture, out var y) && x == y),
            _ => e.ValueKind == a.ValueKind && e.GetRawText() == a.GetRawText(),
        };
    }
}
