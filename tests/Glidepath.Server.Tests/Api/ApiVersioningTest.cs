using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Api;

/// <summary>
/// Versioning (docs/api.md): every route answers under /api/v1, which the document publishes; the unversioned
/// paths still answer the same, marked deprecated with a sunset date and a link to their successor.
/// </summary>
public class ApiVersioningTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task TheVersionedPath_AndItsDeprecatedAlias_AnswerAlike_OnlyTheAliasSaysItWillGo(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();

        var versioned = await client.GetAsync("/api/v1/households?limit=5");
        var alias = await client.GetAsync("/api/households?limit=5");

        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal(await versioned.Content.ReadAsStringAsync(), await alias.Content.ReadAsStringAsync());
        Assert.False(versioned.Headers.Contains("Deprecation"));
        Assert.False(versioned.Headers.Contains("Sunset"));
        // RFC 9745: a structured-field date, seconds since the epoch (2026-12-06T00:00:00Z); RFC 8594: an HTTP date.
        Assert.Equal("@1796515200", alias.Headers.GetValues("Deprecation").Single());
        Assert.Equal("Wed, 30 Jun 2027 00:00:00 GMT", alias.Headers.GetValues("Sunset").Single());
        Assert.Contains("</api/v1/households?limit=5>; rel=\"successor-version\"", alias.Headers.GetValues("Link"));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task WhatACreateThroughV1Names_IsItsV1Path_AndTheAliasKeepsItsOwn(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();

        var created = await client.PostAsJsonAsync("/api/v1/households", new { name = "Versioned", reportingCurrency = "USD" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = new Uri(client.BaseAddress!, created.Headers.Location!).AbsolutePath;
        Assert.StartsWith("/api/v1/households/", location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(location)).StatusCode);

        var old = await client.PostAsJsonAsync("/api/households", new { name = "Unversioned", reportingCurrency = "USD" });
        Assert.StartsWith("/api/households/", new Uri(client.BaseAddress!, old.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ProblemsUnderV1_AreProblems_AndAnUnknownVersionIsNotFound(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();

        var missing = await client.GetAsync($"/api/v1/households/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v2/households")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAnonymousClient().GetAsync("/api/v1/households")).StatusCode);
    }

    [Fact]
    public async Task TheDocument_PublishesOnlyVersionedApiPaths()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        var api = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith("/api", StringComparison.Ordinal)).ToList();
        Assert.True(api.Count > 80, $"only {api.Count} API paths");
        Assert.All(api, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
    }
}
