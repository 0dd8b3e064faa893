using System.Text.Json.Serialization;
using Glidepath.Server.Auth;
using Microsoft.OpenApi;
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
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Glidepath API";
            document.Info.Description = "Household ledger: accounts, transactions, tax lots, positions, valuation and imports.";
            document.Servers = [new OpenApiServer { Url = publicBaseUrl.TrimEnd('/') }];
            return Task.CompletedTask;
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("Glidepath API"));
        return app;
    }
}
