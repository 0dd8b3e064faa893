using Microsoft.OpenApi;

namespace Glidepath.Server.Api.Contract;

/// <summary>
/// Two corrections to what ASP.NET infers from the C# types, so the document says what the server accepts and
/// its own examples pass it (npm run api:lint, <c>no-invalid-media-type-examples</c>).
/// <para>
/// Request bodies: ASP.NET lists every constructor parameter without a default as <c>required</c>, a nullable
/// one too, but the server reads a missing property as null (System.Text.Json does not enforce constructor
/// parameters here), and the handlers treat null as "not given". So in every schema a request body reaches,
/// a nullable property is optional. Answers keep them required: the server writes nulls, the property is
/// always there.
/// </para>
/// <para>
/// A nullable <c>JsonElement</c> (a simulation run's <c>result</c>, a plan's <c>scenario</c>) is
/// <c>oneOf: [null, JsonElement]</c>, and <c>JsonElement</c> is <c>{}</c>, which null matches too: a
/// null value matches both branches, which <c>oneOf</c> forbids. Any JSON value, null included, is just <c>{}</c>.
/// </para>
/// </summary>
internal static class NullableSchemas
{
    private const string AnyJson = "JsonElement";

    public static Task ApplyAsync(OpenApiDocument document)
    {
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            foreach (var media in operation.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
            {
                Reach(media.Schema, components, reached);
            }
        }

        foreach (var name in reached)
        {
            if (components[name] is OpenApiSchema { Required: { Count: > 0 } required, Properties: { } properties })
            {
                foreach (var optional in required.Where(p => properties.TryGetValue(p, out var property) && IsNullable(property)).ToList())
                {
                    required.Remove(optional);
                }
            }
        }

        foreach (var schema in components.Values.OfType<OpenApiSchema>())
        {
            UnwrapNullableAnyJson(schema, document);
        }

        return Task.CompletedTask;
    }

    private static void UnwrapNullableAnyJson(OpenApiSchema schema, OpenApiDocument document)
    {
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property is OpenApiSchema { OneOf: [{ Type: JsonSchemaType.Null }, OpenApiSchemaReference { Reference.Id: AnyJson }] } nullable)
            {
                schema.Properties![name] = new OpenApiSchemaReference(AnyJson, document)
                {
                    Description = nullable.Description ?? "Any JSON value, or null.",
                };
            }
        }
    }

    private static bool IsNullable(IOpenApiSchema schema) =>
        (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Any(s => s.Type == JsonSchemaType.Null);

    private static void Reach(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> components, HashSet<string> reached)
    {
        if (schema is null)
        {
            return;
        }

        if (schema is OpenApiSchemaReference { Reference.Id: { } id })
        {
            if (reached.Add(id) && components.TryGetValue(id, out var target))
            {
                Reach(target, components, reached);
            }

            return;
        }

        foreach (var child in (schema.Properties?.Values ?? Enumerable.Empty<IOpenApiSchema>()).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []))
        {
            Reach(child, components, reached);
        }

        Reach(schema.Items, components, reached);
        Reach(schema.AdditionalProperties, components, reached);
    }
}
