using System.Net;
using Glidepath.Application.ModelPortfolios;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;
using Glidepath.Server.ModelPortfolios;
using Glidepath.Server.Optimization;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.ModelPortfolios;

public class ModelPortfolioEndpointsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ModelPortfolios_Crud_StoresVersionsAndRefusesBadAllocations(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/model-portfolios";
        TargetAllocation[] sixtyForty = [new(AssetClass.UsEquity, 0.6m), new(AssetClass.Bonds, 0.4m)];

        var created = await (await client.PostAsync(url, new ModelPortfolioRequest("Balanced", "60/40", sixtyForty))).ReadAsync<ModelPortfolioDto>(HttpStatusCode.Created);
        Assert.Equal(1, created.Version);
        Assert.Equal([AssetClass.UsEquity, AssetClass.Bonds], created.Allocations.Select(a => a.AssetClass));

        TargetAllocation[] seventyThirty = [new(AssetClass.UsEquity, 0.7m), new(AssetClass.Bonds, 0.3m)];
        var updated = await (await client.PutAsync($"{url}/{created.Id}", new ModelPortfolioRequest("Growth", null, seventyThirty, 1))).ReadAsync<ModelPortfolioDto>();
        Assert.Equal(2, updated.Version);
        await (await client.PutAsync($"{url}/{created.Id}", new ModelPortfolioRequest("Stale", null, sixtyForty, 1))).ReadProblemAsync(HttpStatusCode.Conflict, "concurrency-conflict");
        var read = await (await client.GetAsync($"{url}/{created.Id}")).ReadAsync<ModelPortfolioDto>();
        Assert.Equal(("Growth", 0.7m), (read.Name, read.Allocations.Single(a => a.AssetClass == AssetClass.UsEquity).Weight));

        await (await client.PostAsync(url, new ModelPortfolioRequest("Growth", null, sixtyForty))).ReadProblemAsync(HttpStatusCode.Conflict, "duplicate-model-portfolio");
        await (await client.PostAsync(url, new ModelPortfolioRequest("Bad", null, [new(AssetClass.UsEquity, 0.6m), new(AssetClass.Bonds, 0.3m)])))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PostAsync(url, new ModelPortfolioRequest("Twice", null, [new(AssetClass.Bonds, 0.5m), new(AssetClass.Bonds, 0.5m)])))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var other = await client.HouseholdAsync("Other");
        await (await client.GetAsync($"/api/households/{other.Id}/model-portfolios/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "model-portfolio-not-found");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/{created.Id}")).StatusCode);
        Assert.Empty(await (await client.GetAsync(url)).ReadAsync<List<ModelPortfolioDto>>());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Generate_TenRiskLevels_StoredInOrderOfRiskAndFullyInvested(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/model-portfolios";

        var levels = await (await client.PostAsync($"{url}/generate", new GenerateModelPortfoliosRequest(null))).ReadAsync<List<ModelPortfolioDto>>();

        Assert.Equal(Enumerable.Range(1, 10), levels.Select(l => l.RiskLevel!.Value));
        Assert.All(levels, l => Assert.Equal(1m, l.Allocations.Sum(a => a.Weight)));
        Assert.All(levels, l => Assert.All(l.Allocations, a => Assert.InRange(a.Weight, 0m, 1m)));
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i].ExpectedReturn >= levels[i - 1].ExpectedReturn - 1e-12);
            Assert.True(levels[i].Volatility >= levels[i - 1].Volatility - 1e-12);
        }

        var stored = await (await client.GetAsync(url)).ReadAsync<List<ModelPortfolioDto>>();
        Assert.Equal(levels.Select(l => l.Id), stored.Select(s => s.Id));
        await (await client.PostAsync($"{url}/generate", new GenerateModelPortfoliosRequest(null))).ReadProblemAsync(HttpStatusCode.Conflict, "duplicate-model-portfolio");
        await (await client.PostAsync($"{url}/generate", new GenerateModelPortfoliosRequest(" "))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }
}
