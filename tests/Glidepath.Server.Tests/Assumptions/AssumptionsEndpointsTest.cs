using System.Net;
using Glidepath.Application.Assumptions;
using Glidepath.Application.ModelPortfolios;
using Glidepath.Domain.Assumptions;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;
using Glidepath.Server.Assumptions;
using Glidepath.Server.ModelPortfolios;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Assumptions;

public class AssumptionsEndpointsTest
{
    private static AssumptionSetRequest Request(AssumptionSetDto from, double usReturn) => new(
        "Admin's set", new DateOnly(2026, 11, 30), "Test: the built-in set with US equity's expected return changed.",
        [.. from.Classes.Select(c => c.AssetClass == AssetClass.UsEquity ? c with { ExpectedReturn = usReturn } : c)],
        from.Correlations);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Current_WithNothingStored_IsTheBuiltInVersionOne_WithItsSources(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();

        var current = await (await client.GetAsync("/api/assumptions/current")).ReadAsync<AssumptionSetDto>();

        Assert.Equal((1, new DateOnly(2026, 12, 6), true), (current.Version, current.AsOf, current.BuiltIn));
        Assert.Contains("Morningstar Office", current.Sources, StringComparison.Ordinal);
        Assert.Equal(7, current.Classes.Count);
        Assert.Equal(0.101102, current.Classes.Single(c => c.AssetClass == AssetClass.UsEquity).ExpectedReturn, 6);
        await (await client.GetAsync("/api/assumptions/9")).ReadProblemAsync(HttpStatusCode.NotFound, "assumption-set-not-found");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Create_ByAnAdmin_AddsVersionTwo_WhichGenerationThenUses(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var admin = await app.CreateOperatorClientAsync();
        var builtIn = await (await owner.GetAsync("/api/assumptions/current")).ReadAsync<AssumptionSetDto>();

        // A plain user may read but not write.
        await (await owner.PostAsync("/api/assumptions", Request(builtIn, 0.12))).ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var created = await (await admin.PostAsync("/api/assumptions", Request(builtIn, 0.12))).ReadAsync<AssumptionSetDto>(HttpStatusCode.Created);

        Assert.Equal((2, false), (created.Version, created.BuiltIn));
        var current = await (await owner.GetAsync("/api/assumptions/current")).ReadAsync<AssumptionSetDto>();
        Assert.Equal(2, current.Version);
        Assert.Equal(0.12, current.Classes.Single(c => c.AssetClass == AssetClass.UsEquity).ExpectedReturn);
        Assert.Equal([2, 1], (await (await owner.GetAsync("/api/assumptions")).ReadAsync<List<AssumptionSetDto>>()).Select(s => s.Version));

        // The generated levels are the optimiser's on version 2, and say so.
        var household = await owner.HouseholdAsync();
        var levels = await (await owner.PostAsync($"/api/households/{household.Id}/model-portfolios/generate", new GenerateModelPortfoliosRequest(null))).ReadAsync<List<ModelPortfolioDto>>();
        var set = new CapitalMarketAssumptionSet { Name = "v2", Classes = [.. current.Classes], Correlations = [.. current.Correlations.Select(r => r.ToList())] };
        var (expected, _) = AssumptionModelPortfolios.Generate(set);
        Assert.Equal(expected.Select(l => l.ExpectedReturn), levels.Select(l => l.ExpectedReturn!.Value));
        Assert.All(levels, l => Assert.Contains("version 2 of 2026-11-30", l.Description, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Create_InvalidOrUnusableSets_AreRefused_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var admin = await app.CreateOperatorClientAsync();
        var builtIn = await (await admin.GetAsync("/api/assumptions/current")).ReadAsync<AssumptionSetDto>();

        // Every pair at −0.5 among 7 classes: the eigenvalue 1 + 6 × (−0.5) = −2 is negative.
        var notPsd = Request(builtIn, 0.1) with { Correlations = [.. builtIn.Correlations.Select((row, i) => (IReadOnlyList<double>)[.. row.Select((r, j) => i == j ? 1.0 : -0.5)])] };
        var bad = await (await admin.PostAsync("/api/assumptions", notPsd)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("correlations", out _));
        await (await admin.PostAsync("/api/assumptions", Request(builtIn, 0.1) with { Sources = "" })).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        // Valid figures without any equity class: no risk level can hold its equity share.
        var noEquity = new AssumptionSetRequest("Bonds and cash", new DateOnly(2026, 11, 30), "Test.",
            [new AssetClassAssumption(AssetClass.Bonds, 0.04, 0.06), new AssetClassAssumption(AssetClass.Cash, 0.03, 0.01)], [[1.0, 0.0], [0.0, 1.0]]);
        await (await admin.PostAsync("/api/assumptions", noEquity)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "infeasible-constraints");

        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.CapitalMarketAssumptions.CountAsync());
    }

    /// <summary>
    /// Evaluated mixes against hand figures from docs/assumptions.md's table: all in bonds gives bonds' μ and σ;
    /// half in US equity and half uninvested gives ½ μ_US + ½ cash and ½ σ_US.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Frontier_TenLevels_AndMixesEvaluatedUnderTheCurrentSet(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var request = new AssumptionFrontierRequest([
            new ClassMixToEvaluate("Bonds", new Dictionary<AssetClass, double> { [AssetClass.Bonds] = 1.0 }),
            new ClassMixToEvaluate("Half US", new Dictionary<AssetClass, double> { [AssetClass.UsEquity] = 0.5 }),
        ]);

        var frontier = await (await client.PostAsync("/api/assumptions/frontier", request)).ReadAsync<AssumptionFrontierDto>();

        Assert.Equal(1, frontier.Version);
        Assert.Equal(10, frontier.Portfolios.Count);
        Assert.Equal(0.052782, frontier.Evaluated[0].ExpectedReturn, 6);
        Assert.Equal(0.06725, frontier.Evaluated[0].Volatility, 9);
        Assert.Equal((0.101102 + 0.0351) / 2, frontier.Evaluated[1].ExpectedReturn, 6);
        Assert.Equal(0.191375 / 2, frontier.Evaluated[1].Volatility, 9);
        Assert.Equal(0.5, frontier.Evaluated[1].RiskFreeWeight, 12);

        var tips = new AssumptionFrontierRequest([new ClassMixToEvaluate("TIPS", new Dictionary<AssetClass, double> { [AssetClass.Tips] = 1.0 })]);
        await (await client.PostAsync("/api/assumptions/frontier", tips)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }
}
