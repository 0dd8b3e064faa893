using System.Text.Json.Serialization;
using Glidepath.Server.Api.Contract;
using Glidepath.Server.Auth;
using Scalar.AspNetCore;

namespace Glidepath.Server.Api;

/// <summary>JSON conventions, the OpenAPI document (/openapi/v1.json) and its browsable reference (/scalar).</summary>
public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services, IConfiguration configuration)
    {
        // The document's server is the configured public address, never the request's Host header
        // (which a client chooses: "Host: evil.example" would otherwise become the API's base URL).
        var publicBaseUrl = configuration.GetValue<string>("Auth:PublicBaseUrl") ?? new AuthOptions().PublicBaseUrl;
        // Enums travel as their names: readable, and stable when members are reordered.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // The project has not chosen an open-source licence: the document says so until Api:License names one.
        var licenseName = configuration.GetValue<string>("Api:License:Name") ?? "Proprietary: all rights reserved";
        var licenseUrl = configuration.GetValue<Uri?>("Api:License:Url");
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) => ApiContract.ApplyAsync(document, publicBaseUrl, licenseName, licenseUrl));
            options.AddDocumentTransformer(WebhookContract.ApplyAsync);
            options.AddDocumentTransformer((document, _, _) => NullableSchemas.ApplyAsync(document));
            options.AddOperationTransformer(OperationConventions.ApplyAsync);
            options.AddOperationTransformer(ApiExamples.ApplyAsync);
            options.AddSchemaTransformer(DecimalSchemas.ApplyAsync);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("Glidepath API"));
        return app;
    }
}
