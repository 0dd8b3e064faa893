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

        var levels = await (await client.PostAsync($"{url}/generate", new GenerateModelPortfoliosRequest(0.6, null))).ReadAsync<List<ModelPortfolioDto>>();

        Assert.Equal(Enumerable.Range(1, 10), levels.Select(l => l.RiskLevel!.Value));
        Assert.All(levels, l => Assert.Equal(1m, l.Allocations.Sum(a => a.Weight)));
        Assert.All(levels, l => Assert.All(l.Allocations, a => Assert.InRange(a.Weight, 0m, 0.6m)));
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i].ExpectedReturn >= levels[i - 1].ExpectedReturn - 1e-12);
            Assert.True(levels[i].Volatility >= levels[i - 1].Volatility - 1e-12);
        }

        var stored = await (await client.GetAsync(url)).ReadAsync<List<ModelPortfolioDto>>();
        Assert.Equal(levels.Select(l => l.Id), stored.Select(s => s.Id));
        await (await client.PostAsync($"{url}/generate", new GenerateModelPortfoliosRequest(null, null))).ReadProblemAsync(HttpStatusCode.Conflict, "duplicate-model-portfolio");
        await (await client.PostAsync($"{url}/generate", new GenerateModelPortfoliosRequest(0.1, "Other"))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    /// <summary>
    /// The assumptions route serves the table the generator reads: optimising it as a frontier with
    /// the default cap and evaluating a stored level's class weights (one proxy per class) gives the
    /// level's stored figures, up to the 6-decimal rounding of its weights.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Assumptions_FrontierOverThem_ReproducesGeneratedLevels(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var levels = await (await client.PostAsync($"/api/households/{household.Id}/model-portfolios/generate", new GenerateModelPortfoliosRequest(null, null))).ReadAsync<List<ModelPortfolioDto>>();

        var assumptions = await (await client.GetAsync("/api/model-portfolios/assumptions")).ReadAsync<ModelAssumptionsDto>();

        Assert.Equal((252, 0.6), (assumptions.PeriodsPerYear, assumptions.MaxWeight));
        Assert.Equal([AssetClass.UsEquity, AssetClass.InternationalEquity, AssetClass.Bonds, AssetClass.RealEstate, AssetClass.Commodities], assumptions.Assets.Select(a => a.AssetClass));
        Assert.All(assumptions.Data, row => Assert.Equal(5, row.Count));
        var proxyOf = assumptions.Assets.ToDictionary(a => a.AssetClass, a => a.Asset);
        var evaluate = levels.Select(l => new PortfolioToEvaluate(l.Name, l.Allocations.ToDictionary(a => proxyOf[a.AssetClass], a => (double)a.Weight))).ToList();
        var request = new OptimizeRequest(
            [.. assumptions.Assets.Select(a => a.Asset)], assumptions.Data, null, "frontier", null, null, null, null, assumptions.MaxWeight, null, null, 10, assumptions.PeriodsPerYear, evaluate);

        var response = await (await client.PostAsync("/api/optimize", request)).ReadAsync<OptimizeResponse>();

        for (var i = 0; i < levels.Count; i++)
        {
            Assert.Equal(levels[i].ExpectedReturn!.Value, response.Portfolios[i].ExpectedReturn, 1e-9);
            Assert.Equal(levels[i].ExpectedReturn!.Value, response.Evaluated[i].ExpectedReturn, 1e-5);
            Assert.Equal(levels[i].Volatility!.Value, response.Evaluated[i].Volatility, 1e-5);
        }
    }
}
