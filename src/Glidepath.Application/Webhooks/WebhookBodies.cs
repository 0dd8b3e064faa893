using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Glidepath.Application.Webhooks;

/// <summary>The JSON body of a delivery: <c>{"id","type","createdUtc","householdId","data"}</c> (docs/webhooks.md).</summary>
public static class WebhookBodies
{
    public static string Write(Guid eventId, string type, DateTimeOffset createdUtc, Guid householdId, string dataJson)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", eventId);
            json.WriteString("type", type);
            json.WriteString("createdUtc", createdUtc);
            json.WriteString("householdId", householdId);
            json.WritePropertyName("data");
            json.WriteRawValue(dataJson);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
