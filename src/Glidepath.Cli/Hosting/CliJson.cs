using System.Text.Json;
using System.Text.Json.Serialization;

namespace Glidepath.Cli.Hosting;

/// <summary>JSON as the API writes it: camelCase, enums by name, indented for people and parsed by scripts.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write<T>(TextWriter output, T value)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(JsonSerializer.Serialize(value, Options));
    }
}
