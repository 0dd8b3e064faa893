using System.Net;
using Glidepath.Application.Accounts;
using Glidepath.Application.ModelPortfolios;
using Glidepath.Application.TaxSettings;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;
using Glidepath.Domain.Rebalancing;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Accounts;
using Glidepath.Application.Instruments;
using Glidepath.Server.Instruments;
using Glidepath.Server.ModelPortfolios;
using Glidepath.Server.Rebalancing;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.TaxSettings;
using Glidepath.Application.Transactions;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Rebalancing;

/// <summary>Targets from a model portfolio, single-target edits and a household proposal with asset location, through the API.</summary>
public class AssetLocationEndpointsTest
{
    private static readonly DateOnly Bought = new(1999, 1, 4);
    private static readonly DateOnly YearEnd = new(2000, 12, 29);

    /// <summary>
    /// Taxable: 100 MSFT bought at 70.50 with $10,000 (cash 2,950). Traditional IRA (whole shares only): 50 MSFT
    /// with $5,000 (cash 1,475). At the 2000 year-end close of 43.38 the household is worth 10,932. A 60/40 model:
    /// bonds need 4,372.80; the IRA's whole 3,644 goes to bonds first (it sells its MSFT, buys 72 BND at 50: whole
    /// units), the taxable account buys MSFT and the rest of the bonds with its cash and sells nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ModelTargetsThenAssetLocation_PutsBondsInTheIra(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var h = $"/api/households/{household.Id}";
        var taxable = await client.AccountAsync(household.Id);
        var ira = await (await client.PostAsync($"{h}/accounts", new CreateAccountRequest("Rollover", AccountType.TraditionalIra, "USD", null, null, null, null, WholeSharesOnly: true)))
            .ReadAsync<AccountDto>(HttpStatusCode.Created);
        Assert.True(ira.WholeSharesOnly);
        var msft = await app.MsftAsync();
        var bnd = await BondFundAsync(app);
        (await client.PostAsync($"{h}/transactions/batch", new TransactionBatchRequest(
        [
            Fixtures.Deposit(taxable.Id, Bought, 10_000m),
            Fixtures.Buy(taxable.Id, msft.Id, Bought, 100m, 70.5m),
            Fixtures.Deposit(ira.Id, Bought, 5_000m),
            Fixtures.Buy(ira.Id, msft.Id, Bought, 50m, 70.5m),
        ]))).EnsureSuccessStatusCode();
        var model = await (await client.PostAsync($"{h}/model-portfolios", new ModelPortfolioRequest(
            "Balanced", null, [new TargetAllocation(AssetClass.UsEquity, 0.6m), new TargetAllocation(AssetClass.Bonds, 0.4m)])))
            .ReadAsync<ModelPortfolioDto>(HttpStatusCode.Created);

        // The household holds no bonds, so the bond target needs a named instrument.
        var none = await (await client.PutAsync($"{h}/rebalance-targets", new ModelTargetsRequest(model.Id))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "no-instrument-for-class");
        Assert.Contains("Bonds", none.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await (await client.GetAsync($"{h}/rebalance-targets")).ReadAsync<List<RebalanceTargetDto>>());
        var targets = await (await client.PutAsync($"{h}/rebalance-targets", new ModelTargetsRequest(model.Id, BuyInstrumentIds: new Dictionary<AssetClass, Guid> { [AssetClass.Bonds] = bnd.Id })))
            .ReadAsync<List<RebalanceTargetDto>>();
        Assert.Equal(
            [(AssetClass.UsEquity, 0.6m, msft.Id), (AssetClass.Bonds, 0.4m, bnd.Id)],
            targets.Select(t => (t.AssetClass!.Value, t.Weight, t.BuyInstrumentId!.Value)));
        Assert.All(targets, t => Assert.Equal(((Guid?)null, 0.05m, 0.25m), (t.AccountId, t.AbsoluteBand, t.RelativeBand)));

        var created = await client.PostAsync($"{h}/rebalance", new RebalanceRequest(false, YearEnd, AssetLocation: true));
        var proposal = await created.ReadAsync<ProposalDto>(HttpStatusCode.Created);
        Assert.True(proposal.AssetLocation);
        var trades = proposal.Proposal.Trades;
        Assert.DoesNotContain(trades, t => t.AccountId == taxable.Id && t.Side == TradeSide.Sell);
        Assert.Contains(trades, t => (t.AccountId, t.Side, t.InstrumentId, t.Quantity) == (ira.Id, TradeSide.Sell, msft.Id, 50m));
        var bondBuy = Assert.Single(trades, t => t.AccountId == ira.Id && t.Side == TradeSide.Buy);
        Assert.Equal((bnd.Id, 72m, 50m), (bondBuy.InstrumentId, bondBuy.Quantity, bondBuy.Price));
        Assert.Equal("Buys bonds (BND) in Rollover (traditional IRA): tax-inefficient asset placed in a tax-deferred account.", bondBuy.Reason);
        Assert.Contains(trades, t => t.AccountId == taxable.Id && t.Side == TradeSide.Buy && t.InstrumentId == msft.Id);
        Assert.All(proposal.Proposal.Drifts, d => Assert.Equal((Guid.Empty, true), (d.AccountId, d.InBandAfter)));
        var stored = await (await client.GetAsync($"{h}/rebalance-proposals/{proposal.Id}")).ReadAsync<ProposalDto>();
        Assert.True(stored.AssetLocation);

        // Without asset location each account runs against the targets on its own (two drifts per account).
        var plain = await (await client.PostAsync($"{h}/rebalance", new RebalanceRequest(false, YearEnd))).ReadAsync<ProposalDto>(HttpStatusCode.Created);
        Assert.Equal(4, plain.Proposal.Drifts.Count);

        await (await client.PostAsync($"/api/accounts/{ira.Id}/rebalance", new RebalanceRequest(false, YearEnd, AssetLocation: true)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task RebalanceTargets_ReplaceFromModelAndEditOne_WithProblems(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var h = $"/api/households/{household.Id}";
        var account = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        var bnd = await BondFundAsync(app);
        var model = await (await client.PostAsync($"{h}/model-portfolios", new ModelPortfolioRequest(
            "Balanced", null, [new TargetAllocation(AssetClass.UsEquity, 0.6m), new TargetAllocation(AssetClass.Bonds, 0.4m)])))
            .ReadAsync<ModelPortfolioDto>(HttpStatusCode.Created);
        var buys = new Dictionary<AssetClass, Guid> { [AssetClass.UsEquity] = msft.Id, [AssetClass.Bonds] = bnd.Id };
        var manual = await (await client.PostAsync($"{h}/rebalance-targets", new RebalanceTargetRequest(null, msft.Id, null, 1m, 0.05m, 0.25m, null)))
            .ReadAsync<RebalanceTargetDto>(HttpStatusCode.Created);

        await (await client.PutAsync($"{h}/rebalance-targets", new ModelTargetsRequest(Guid.NewGuid(), BuyInstrumentIds: buys))).ReadProblemAsync(HttpStatusCode.NotFound, "model-portfolio-not-found");
        var wrongClass = await (await client.PutAsync($"{h}/rebalance-targets", new ModelTargetsRequest(model.Id, BuyInstrumentIds: new Dictionary<AssetClass, Guid> { [AssetClass.Bonds] = msft.Id })))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(wrongClass.GetProperty("errors").TryGetProperty("buyInstrumentIds.Bonds", out _));
        await (await client.PutAsync($"{h}/rebalance-targets", new ModelTargetsRequest(model.Id, Guid.NewGuid(), BuyInstrumentIds: buys))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PutAsync($"{h}/rebalance-targets", new ModelTargetsRequest(model.Id, AbsoluteBand: 2m, BuyInstrumentIds: buys))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        // Household-wide: the hand-entered target is replaced; twice gives the same two targets, not four.
        await (await client.PutAsync($"{h}/rebalance-targets", new ModelTargetsRequest(model.Id, AbsoluteBand: 0.03m, RelativeBand: 0.2m, BuyInstrumentIds: buys))).ReadAsync<List<RebalanceTargetDto>>();
        var household2 = await (await client.PutAsync($"{h}/rebalance-targets", new ModelTargetsRequest(model.Id, AbsoluteBand: 0.03m, RelativeBand: 0.2m, BuyInstrumentIds: buys))).ReadAsync<List<RebalanceTargetDto>>();
        Assert.Equal(2, household2.Count);
        Assert.DoesNotContain(await (await client.GetAsync($"{h}/rebalance-targets")).ReadAsync<List<RebalanceTargetDto>>(), t => t.Id == manual.Id);

        // One account's targets sit beside the household's; the replaced target's buy instrument is kept.
        var accountTargets = await (await client.PutAsync($"{h}/rebalance-targets", new ModelTargetsRequest(model.Id, account.Id, BuyInstrumentIds: buys))).ReadAsync<List<RebalanceTargetDto>>();
        Assert.All(accountTargets, t => Assert.Equal(account.Id, t.AccountId));
        var kept = await (await client.PutAsync($"{h}/rebalance-targets", new ModelTargetsRequest(model.Id, account.Id))).ReadAsync<List<RebalanceTargetDto>>();
        Assert.Equal([msft.Id, bnd.Id], kept.Select(t => t.BuyInstrumentId!.Value));
        Assert.Equal(4, (await (await client.GetAsync($"{h}/rebalance-targets")).ReadAsync<List<RebalanceTargetDto>>()).Count);

        var bonds = household2.Single(t => t.AssetClass == AssetClass.Bonds);
        var edited = await (await client.PutAsync($"{h}/rebalance-targets/{bonds.Id}", new RebalanceTargetRequest(null, null, AssetClass.Bonds, 0.35m, 0.05m, 0.25m, bnd.Id)))
            .ReadAsync<RebalanceTargetDto>();
        Assert.Equal((bonds.Id, 0.35m, 0.05m), (edited.Id, edited.Weight, edited.AbsoluteBand));
        await (await client.PutAsync($"{h}/rebalance-targets/{bonds.Id}", new RebalanceTargetRequest(null, null, AssetClass.Bonds, 1.5m, 0.05m, 0.25m, bnd.Id)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PutAsync($"{h}/rebalance-targets/{Guid.NewGuid()}", new RebalanceTargetRequest(null, null, AssetClass.Bonds, 0.3m, 0.05m, 0.25m, bnd.Id)))
            .ReadProblemAsync(HttpStatusCode.NotFound, "rebalance-target-not-found");

        // Another user's household is not found, and its targets are untouched.
        var stranger = app.CreateClient(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsync($"{h}/rebalance-targets", new ModelTargetsRequest(model.Id, BuyInstrumentIds: buys))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsync($"{h}/rebalance-targets/{bonds.Id}", new RebalanceTargetRequest(null, null, AssetClass.Bonds, 0.1m, 0.05m, 0.25m, bnd.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{h}/rebalance", new RebalanceRequest(false, YearEnd, AssetLocation: true))).StatusCode);
        Assert.Equal(0.35m, (await (await client.GetAsync($"{h}/rebalance-targets")).ReadAsync<List<RebalanceTargetDto>>()).Single(t => t.Id == bonds.Id).Weight);
    }

    private static async Task<InstrumentDto> BondFundAsync(GlidepathApp app)
    {
        var client = await app.CreateOperatorClientAsync();
        var bnd = await (await client.PostAsync("/api/instruments", new InstrumentRequest("BND", "Total bond market", InstrumentType.Etf, AssetClass.Bonds, "USD", "NASDAQ", null)))
            .ReadAsync<InstrumentDto>(HttpStatusCode.Created);
        await (await client.PutAsync($"/api/instruments/{bnd.Id}/prices", new[] { new PriceDto(Bought, 50m), new PriceDto(YearEnd, 50m) })).ReadAsync<List<PriceDto>>();
        return bnd;
    }
}
