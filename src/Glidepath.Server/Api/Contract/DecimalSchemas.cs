using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Glidepath.Server.Api.Contract;

/// <summary>
/// Money, quantities and prices are C# decimals and travel as exact JSON numbers, but ASP.NET describes
/// decimal as <c>format: double</c>, so generated clients read them into binary floating point (0.1 + 0.2
/// and lost trailing digits). <c>format: decimal</c> (OpenAPI's format registry) makes them decimals
/// again in the generated .NET client; TypeScript keeps <c>number</c>.
/// </summary>
internal static class DecimalSchemas
{
    public static Task ApplyAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(decimal) || type == typeof(decimal?))
        {
            schema.Format = "decimal";
        }

        return Task.CompletedTask;
    }
}
