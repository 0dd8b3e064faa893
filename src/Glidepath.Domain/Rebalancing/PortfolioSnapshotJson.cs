using System.Text.Json;
using System.Text.Json.Serialization;

namespace Glidepath.Domain.Rebalancing;

/// <summary>The snapshot file format of docs/rebalancing.md: camelCase properties, enums as names, ISO dates.</summary>
public static class PortfolioSnapshotJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The snapshot, or why the text is not one (an expected failure, not an exception).</summary>
    public static (PortfolioSnapshot? Snapshot, string? Error) Parse(string json)
    {
        try
        {
            var snapshot = JsonSerializer.Deserialize<PortfolioSnapshot>(json, Options);
            return snapshot is null ? (null, "The file holds no snapshot.") : (snapshot, null);
        }
        catch (JsonException e)
        {
            return (null, e.Message);
        }
    }

    public static string Serialize(PortfolioSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);
}
