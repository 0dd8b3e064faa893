using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Glidepath.Server.Tests.Fuzzing;

/// <summary>
/// FsCheck generators of request bodies from the app's OpenAPI schemas: mostly well-typed values
/// (real ids from <see cref="Ids"/>, enum names, plausible numbers and dates) with mutations mixed in
/// at every level (wrong types, huge, negative and overflowing numbers, long strings, bad ids and
/// dates, missing and extra fields), and some bodies that are not JSON at all.
/// </summary>
public sealed class JsonBodies(JsonElement components, IReadOnlyList<Guid> ids)
{
    private const int MaxDepth = 6;

    public IReadOnlyList<Guid> Ids => ids;

    /// <summary>Values that break parsers and arithmetic; each is also valid JSON of some type.</summary>
    public static readonly string[] NastyJson =
    [
        "null", "true", "0", "-1", "1e308", "-1e308", "1.7976931348623157e308", "5e-324", "2147483648", "-2147483649",
        "9223372036854775808", "18446744073709551616", "79228162514264337593543950336", "-79228162514264337593543950336",
        "0.0000000000000000000000000000001", "1e400", "123456789012345678901234567890.123456789", "\"\"", "\" \"", "\"NaN\"", "\"Infinity\"",
        "\"-Infinity\"", "\"1e308\"", "\"not-a-guid\"", "\"00000000-0000-0000-0000-000000000000\"", "\"0001-01-01\"", "\"9999-12-31\"",
        "\"2000-02-30\"", "\"1899-12-31\"", "\"2200-01-01\"", "\"\\u0000\"", "\"<script>alert(1)</script>\"", "\"'; DROP TABLE households; --\"",
        "\"../../etc/passwd\"", "{}", "[]", "[null]", "[[]]", "{\"a\":{\"b\":{\"c\":[1,2,3]}}}",
    ];

    /// <summary>A body for <paramref name="schema"/> (null: no schema known), as text.</summary>
    public Gen<string> Body(JsonElement? schema) =>
        Gen.Frequency(
            (16, (schema is { } s ? Value(s, 0) : Any(0)).Select(n => n?.ToJsonString() ?? "null")),
            (2, (schema is { } t ? Value(t, 0) : Any(0)).SelectMany(n => Broken(n?.ToJsonString() ?? "null"))),
            (1, Gen.Elements(NastyJson)),
            (1, Gen.Elements("", "{", "}", "[", "{\"a\":", "{'a':1}", "\u00ff\u00fe", "{\"a\":1,}", "{\"a\":1}{\"b\":2}", "x", "{\"name\":\"\\ud800\"}")),
            (1, Deep()));

    /// <summary>A value of <paramref name="schema"/>, sometimes replaced by a mutation.</summary>
    public Gen<JsonNode?> Value(JsonElement schema, int depth) =>
        Gen.Frequency((12, WellTyped(schema, depth)), (1, Mutation()));

    /// <summary>A query-string or route value for <paramref name="schema"/>, as text.</summary>
    public Gen<string> Text(JsonElement? schema) =>
        Gen.Frequency(
            (8, (schema is { } s ? WellTyped(s, MaxDepth) : Any(MaxDepth)).Select(n => n is JsonValue v && v.TryGetValue<string>(out var text) ? text : n?.ToJsonString() ?? "")),
            (2, Gen.Elements(NastyJson).Select(j => j.Trim('"'))),
            (1, LongString()));

    private Gen<JsonNode?> WellTyped(JsonElement schema, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return Any(depth);
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return components.TryGetProperty(name, out var target) ? WellTyped(target, depth) : Any(depth);
        }

        foreach (var combinator in (string[])["oneOf", "anyOf", "allOf"])
        {
            if (schema.TryGetProperty(combinator, out var options) && options.GetArrayLength() > 0)
            {
                return Gen.Elements(options.EnumerateArray().ToArray()).SelectMany(o => WellTyped(o, depth));
            }
        }

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return Gen.Elements(values.EnumerateArray().Select(v => JsonNode.Parse(v.GetRawText())).ToArray());
        }

        var types = Types(schema);
        if (types.Count == 0)
        {
            return schema.TryGetProperty("properties", out _) ? Object(schema, depth) : Any(depth);
        }

        return Gen.Elements(types.ToArray()).SelectMany(type => type switch
        {
            "object" => Object(schema, depth),
            "array" => depth >= MaxDepth ? Gen.Constant<JsonNode?>(new JsonArray())
                : Gen.ListOf(Value(schema.TryGetProperty("items", out var items) ? items : default, depth + 1)).Resize(4)
                    .Select(list => (JsonNode?)new JsonArray([.. list])),
            "string" => String(schema),
            "integer" => Integer(),
            "number" => Number(),
            "boolean" => Gen.Elements<JsonNode?>(JsonValue.Create(true), JsonValue.Create(false)),
            "null" => Gen.Constant<JsonNode?>(null),
            _ => Any(depth),
        });
    }

    private Gen<JsonNode?> Object(JsonElement schema, int depth)
    {
        if (depth >= MaxDepth)
        {
            return Gen.Constant<JsonNode?>(new JsonObject());
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().ToArray() : [];
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet(StringComparer.Ordinal) : [];
        var additional = schema.TryGetProperty("additionalProperties", out var a) && a.ValueKind == JsonValueKind.Object ? a : (JsonElement?)null;
        var fields = properties.Select(property =>
            from present in Gen.Frequency((required.Contains(property.Name) ? 30 : 8, Gen.Constant(true)), (1, Gen.Constant(false)))
            from value in Value(property.Value, depth + 1)
            select (property.Name, present, value)).ToList();
        if (additional is { } extra)
        {
            // A dictionary: keys are names (asset names, enum names), the values its schema.
            fields.Add(from key in Gen.Elements("a", "b", "UsEquity", "Bonds", "")
                       from value in Value(extra, depth + 1)
                       select (key, true, value));
        }

        var unknown = from include in Gen.Frequency((10, Gen.Constant(false)), (1, Gen.Constant(true)))
                      from value in Gen.Elements(NastyJson)
                      select (Name: "unexpected" + value.Length.ToString(CultureInfo.InvariantCulture), Present: include, Value: JsonNode.Parse(value));
        fields.Add(unknown);
        return Gen.CollectToArray(fields).Select(all =>
        {
            var result = new JsonObject();
            foreach ((string name, bool present, JsonNode? value) in all)
            {
                if (present && !result.ContainsKey(name))
                {
                    result[name] = value?.DeepClone();
                }
            }

            return (JsonNode?)result;
        });
    }

    private Gen<JsonNode?> String(JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return format switch
        {
            "uuid" => Gen.Frequency(
                (6, Gen.Elements(ids.ToArray()).Select(id => (JsonNode?)JsonValue.Create(id.ToString()))),
                (2, from a in Gen.Choose(0, int.MaxValue)
                    from b in Gen.Choose(0, int.MaxValue)
                    select (JsonNode?)JsonValue.Create(string.Create(CultureInfo.InvariantCulture, $"{a:x8}-0000-4000-8000-{b:x12}"))),
                (1, Gen.Elements<JsonNode?>("not-a-guid", "", "00000000-0000-0000-0000-000000000000", "{" + Guid.Empty + "}"))),
            "date" => Date().Select(d => (JsonNode?)JsonValue.Create(d)),
            "date-time" => Date().Select(d => (JsonNode?)JsonValue.Create(d + "T12:00:00Z")),
            _ when schema.TryGetProperty("pattern", out _) => Gen.OneOf(Integer(), Number()).Select(n => (JsonNode?)JsonValue.Create(n!.ToJsonString())),
            _ => Gen.Frequency(
                (6, Gen.Elements("USD", "EUR", "MSFT", "Retirement", "a", "b", "saving", "min-variance", "prices", "returns", "x@example.test", "123456", "US", "CA")),
                (2, Gen.Choose(0, 40).Select(n => new string('a', n))),
                (1, LongString().Select(s => s))).Select(s => (JsonNode?)JsonValue.Create(s)),
        };
    }

    private static Gen<string> Date() =>
        Gen.Frequency(
            (8, Gen.Choose(0, 60 * 366).Select(days => new DateOnly(1990, 1, 1).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            (1, Gen.Elements("0001-01-01", "9999-12-31", "1900-01-01", "2199-12-31", "2000-02-30", "20000101", "yesterday", "")));

    private static Gen<JsonNode?> Integer() =>
        Gen.Frequency(
            (8, Gen.Choose(-5, 1000).Select(i => (JsonNode?)JsonValue.Create(i))),
            (1, Gen.Elements<JsonNode?>(JsonValue.Create(int.MaxValue), JsonValue.Create(int.MinValue), JsonValue.Create(long.MaxValue), JsonValue.Create(2_000_000), JsonValue.Create(-1))));

    private static Gen<JsonNode?> Number() =>
        Gen.Frequency(
            (8, Gen.Choose(-1000, 100_000).Select(i => (JsonNode?)JsonValue.Create(i / 1000.0))),
            (1, Gen.Elements<JsonNode?>(JsonValue.Create(1e308), JsonValue.Create(-1e308), JsonValue.Create(double.Epsilon), JsonValue.Create(1e28), JsonValue.Create(-1e28),
                JsonValue.Create(79228162514264337593543950335m), JsonValue.Create(0.000000000000000000000000001m))));

    private static Gen<string> LongString() =>
        Gen.Elements(256, 4_001, 70_000).SelectMany(n => Gen.Elements("x", "é", "\u0000", "😀").Select(c => string.Concat(Enumerable.Repeat(c, n / c.Length))));

    private static Gen<JsonNode?> Mutation() =>
        Gen.Frequency(
            (6, Gen.Elements(NastyJson).Select(j => JsonNode.Parse(j))),
            (1, LongString().Select(s => (JsonNode?)JsonValue.Create(s))),
            (1, Gen.Elements(10, 1_000, 20_000).Select(n => (JsonNode?)new JsonArray([.. Enumerable.Repeat(0, n).Select(_ => (JsonNode?)JsonValue.Create(1e308))]))));

    private static Gen<JsonNode?> Any(int depth) =>
        depth >= MaxDepth ? Mutation()
            : Gen.Frequency(
                (4, Mutation()),
                (1, Gen.ListOf(Any(depth + 1)).Resize(3).Select(list => (JsonNode?)new JsonArray([.. list.Select(n => n?.DeepClone())]))),
                (1, Gen.ListOf(Any(depth + 1)).Resize(3).Select(list =>
                {
                    var o = new JsonObject();
                    var i = 0;
                    foreach (var n in list)
                    {
                        o["k" + (i++).ToString(CultureInfo.InvariantCulture)] = n?.DeepClone();
                    }

                    return (JsonNode?)o;
                })));

    /// <summary>Nesting deeper than the serializer allows (64).</summary>
    private static Gen<string> Deep() => Gen.Elements(65, 1_000).Select(n => new string('[', n) + new string(']', n));

    /// <summary>Valid JSON made invalid: cut short, a byte flipped, a character dropped.</summary>
    private static Gen<string> Broken(string json) =>
        json.Length < 2 ? Gen.Constant(json + "{")
            : from at in Gen.Choose(1, json.Length - 1)
              from how in Gen.Choose(0, 2)
              from c in Gen.Elements('"', '{', ']', ',', ':', '\\', '\u0001')
              select how switch
              {
                  0 => json[..at],
                  1 => json[..at] + c + json[at..],
                  _ => json.Remove(at, 1),
              };

    private static List<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
            : [type.GetString()!];
}
