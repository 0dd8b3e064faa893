using System.Net;
using System.Text.Json;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Errors;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.Api;

/// <summary>What every client relies on: the OpenAPI document, health endpoints and the problem-details shape.</summary>
public class PlatformTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task OpenApiAndHealth_AreServed(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/households", "/api/v1/households/{householdId}/transactions", "/api/v1/households/{householdId}/net-worth", "/api/v1/imports/prices" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document.");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar")).StatusCode);
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task FrameworkErrors_AreProblemDetailsWithACode(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();

        var unknownRoute = await (await client.GetAsync("/api/nothing-here")).ReadProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.True(unknownRoute.TryGetProperty("traceId", out _));
        var badJson = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        await (await client.PostAsync("/api/households", badJson)).ReadProblemAsync(HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task UnhandledException_Answers500WithoutDetails()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        using var scope = app.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = new MemoryStream();
        var handler = ActivatorUtilities.CreateInstance<UnhandledExceptionHandler>(scope.ServiceProvider);

        Assert.True(await handler.TryHandleAsync(context, new InvalidOperationException("secret connection string"), CancellationToken.None));

        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Equal(500, context.Response.StatusCode);
        Assert.Contains("\"code\":\"internal-error\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
    }

    /// <summary>PostgreSQL ends a deadlock by failing one transaction; the execution strategy wraps that as a transient failure.</summary>
    [Theory]
    [InlineData("40P01")]
    [InlineData("40001")]
    public async Task UnhandledException_DeadlockOrSerializationFailure_Answers409(string sqlState)
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        using var scope = app.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = new MemoryStream();
        var handler = ActivatorUtilities.CreateInstance<UnhandledExceptionHandler>(scope.ServiceProvider);
        var lost = new InvalidOperationException(
            "An exception has been raised that is likely due to a transient failure.",
            new Microsoft.EntityFrameworkCore.DbUpdateException("saving failed", new Npgsql.PostgresException("deadlock detected", "ERROR", "ERROR", sqlState)));

        Assert.True(await handler.TryHandleAsync(context, lost, CancellationToken.None));

        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Equal(409, context.Response.StatusCode);
        Assert.Contains("\"code\":\"concurrency-conflict\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("deadlock", body, StringComparison.Ordinal);
    }
}
