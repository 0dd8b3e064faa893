using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Glidepath.Application.RealisedGains;
using Glidepath.Application.TaxSettings;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Application.Instruments;
using Glidepath.Server.Instruments;
using Glidepath.Server.RealisedGains;
using Glidepath.Server.Rebalancing;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.TaxSettings;
using Glidepath.Application.Transactions;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Rebalancing;

public class RebalanceEndpointsTest
{
    private static readonly DateOnly YearEnd = new(2000, 12, 29);

    /// <summary>
    /// 100 MSFT bought at 70.50; 50 sold at 64.56 on 1 June 2000 (loss 297); 20 bought back on 10 June:
    /// 20/50 of the loss, 118.80, is disallowed (code W). A 50% US-equity target then needs a buy at the
    /// year-end close of 43.38; accepting the proposal makes one pending order, and accepting again
    /// returns the same one.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task WashSaleGainsThenRebalanceAcceptHarvest_ThroughTheApi(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        var h = $"/api/households/{household.Id}";
        (await client.PostAsync($"{h}/transactions/batch", new TransactionBatchRequest(
        [
            Fixtures.Deposit(account.Id, new DateOnly(1999, 1, 4), 10_000m),
            Fixtures.Buy(account.Id, msft.Id, new DateOnly(1999, 1, 4), 100m, 70.5m),
            Fixtures.Sell(account.Id, msft.Id, new DateOnly(2000, 6, 1), 50m, 64.56m),
            Fixtures.Buy(account.Id, msft.Id, new DateOnly(2000, 6, 10), 20m, 64m),
        ]))).EnsureSuccessStatusCode();

        var year = await (await client.GetAsync($"{h}/realized-gains?year=2000")).ReadAsync<RealizedGainsYearDto>();
        Assert.Equal(118.8m, year.DisallowedLoss);
        Assert.Equal("W", Assert.Single(year.Gains).Code);
        Assert.Equal(-297m + 118.8m, year.ReportableGain);
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"{h}/realized-gains?year=2000");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await client.SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("II,50 MSFT,01/04/1999,06/01/2000,3228.00,3525.00,W,118.80,-178.20", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await client.GetAsync($"{h}/realized-gains")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        (await client.PostAsync($"{h}/rebalance-targets", new RebalanceTargetRequest(null, null, AssetClass.UsEquity, 0.5m, 0.05m, 0.25m, msft.Id))).EnsureSuccessStatusCode();
        var created = await client.PostAsync($"/api/accounts/{account.Id}/rebalance", new RebalanceRequest(false, YearEnd));
        var proposal = await created.ReadAsync<ProposalDto>(HttpStatusCode.Created);
        var trade = Assert.Single(proposal.Proposal.Trades);
        Assert.Equal((TradeSide.Buy, msft.Id, 43.38m), (trade.Side, trade.InstrumentId, trade.Price));
        Assert.Equal(account.Id, proposal.AccountId);

        var first = await (await client.PostAsync($"{h}/rebalance-proposals/{proposal.Id}/accept", new { })).ReadAsync<List<OrderDto>>();
        var again = await (await client.PostAsync($"{h}/rebalance-proposals/{proposal.Id}/accept", new { })).ReadAsync<List<OrderDto>>();
        var order = Assert.Single(first);
        Assert.Equal((OrderStatus.Pending, trade.Quantity), (order.Status, order.Quantity));
        Assert.Equal(order.Id, Assert.Single(again).Id);
        Assert.Single(await (await client.GetAsync($"{h}/orders?status=Pending")).ReadAsync<List<OrderDto>>());
        await using (var db = app.CreateDbContext())
        {
            // Placing orders is audited once; the repeated accept placed nothing.
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.HouseholdId == household.Id && e.Type == "trade-placed"));
        }

        await (await client.PostAsync($"{h}/rebalance-proposals/{Guid.NewGuid()}/accept", new { })).ReadProblemAsync(HttpStatusCode.NotFound, "rebalance-proposal-not-found");

        var forced = await (await client.PostAsync($"{h}/rebalance", new RebalanceRequest(true, YearEnd))).ReadAsync<ProposalDto>(HttpStatusCode.Created);
        Assert.True(forced.Force);
        Assert.Null(forced.AccountId);

        using var scan = JsonDocument.Parse(await (await client.GetAsync($"{h}/tax-loss-opportunities?asOf=2000-12-29")).Content.ReadAsStringAsync());
        var opportunity = Assert.Single(scan.RootElement.GetProperty("opportunities").EnumerateArray());
        Assert.Equal(msft.Id, opportunity.GetProperty("instrumentId").GetGuid());

        // The replacement lot carries the disallowed loss: (3525 − 2169) + (1280 + 118.80 − 867.60).
        Assert.Equal(1_356m + 531.2m, opportunity.GetProperty("loss").GetDecimal());
    }

    /// <summary>PreviewRebalance answers the proposal the stored route would store, with the names to show it, and stores nothing.</summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task RebalancePreview_AnswersTheSameProposal_AndStoresNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        var h = $"/api/households/{household.Id}";
        (await client.PostAsync($"{h}/transactions/batch", new TransactionBatchRequest(
        [
            Fixtures.Deposit(account.Id, new DateOnly(1999, 1, 4), 10_000m),
            Fixtures.Buy(account.Id, msft.Id, new DateOnly(1999, 1, 4), 20m, 70.5m),
        ]))).EnsureSuccessStatusCode();
        (await client.PostAsync($"{h}/rebalance-targets", new RebalanceTargetRequest(null, null, AssetClass.UsEquity, 0.5m, 0.05m, 0.25m, msft.Id))).EnsureSuccessStatusCode();

        var preview = await (await client.PostAsync($"{h}/rebalance/preview", new RebalanceRequest(false, YearEnd))).ReadAsync<RebalancePreviewDto>();
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.Proposals.CountAsync(p => p.HouseholdId == household.Id));
        }

        var stored = await (await client.PostAsync($"{h}/rebalance", new RebalanceRequest(false, YearEnd))).ReadAsync<ProposalDto>(HttpStatusCode.Created);
        Assert.Equal(JsonSerializer.Serialize(stored.Proposal), JsonSerializer.Serialize(preview.Proposal));
        Assert.NotEmpty(preview.Proposal.Trades);
        Assert.Equal((YearEnd, "MSFT"), (preview.AsOf, Assert.Single(preview.Instruments, i => i.Id == msft.Id).Symbol));
        Assert.Contains(preview.Accounts, a => a.Id == account.Id);
        await (await client.PostAsync($"{h}/rebalance/preview", new RebalanceRequest(false, new DateOnly(1800, 1, 1)))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AccountRebalance_UnknownAccountOrMissingPrice_AnswersProblem(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        (await client.PostAsync($"/api/households/{household.Id}/transactions/batch", new TransactionBatchRequest(
        [
            Fixtures.Deposit(account.Id, new DateOnly(1997, 6, 2), 10_000m),
            Fixtures.Buy(account.Id, msft.Id, new DateOnly(1997, 6, 2), 1m, 30m),
        ]))).EnsureSuccessStatusCode();

        await (await client.PostAsync($"/api/accounts/{Guid.NewGuid()}/rebalance", new RebalanceRequest()))
            .ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        await (await client.PostAsync($"/api/accounts/{account.Id}/rebalance", new RebalanceRequest(false, new DateOnly(1997, 12, 31))))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "missing-price");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task TaxTables_CreateListDelete_WithProblems(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var h = $"/api/households/{household.Id}";
        var msft = await app.MsftAsync();
        var other = await (await (await app.CreateOperatorClientAsync()).PostAsync("/api/instruments", new InstrumentRequest("AAPL", "Apple", InstrumentType.Stock, AssetClass.UsEquity, "USD", "NASDAQ", null)))
            .ReadAsync<InstrumentDto>(HttpStatusCode.Created);

        await (await client.PostAsync($"{h}/substantially-identical-pairs", new IdenticalPairRequest(msft.Id, msft.Id))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var pair = await (await client.PostAsync($"{h}/substantially-identical-pairs", new IdenticalPairRequest(msft.Id, other.Id))).ReadAsync<IdenticalPairDto>(HttpStatusCode.Created);
        await (await client.PostAsync($"{h}/substantially-identical-pairs", new IdenticalPairRequest(other.Id, msft.Id))).ReadProblemAsync(HttpStatusCode.Conflict, "duplicate-identical-pair");
        await (await client.PostAsync($"{h}/replacement-funds", new ReplacementRequest(msft.Id, other.Id))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Single(await (await client.GetAsync($"{h}/substantially-identical-pairs")).ReadAsync<List<IdenticalPairDto>>());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{h}/substantially-identical-pairs/{pair.Id}")).StatusCode);
        await (await client.DeleteAsync($"{h}/substantially-identical-pairs/{pair.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "identical-pair-not-found");
        (await client.PostAsync($"{h}/replacement-funds", new ReplacementRequest(msft.Id, other.Id, 1))).EnsureSuccessStatusCode();
        Assert.Single(await (await client.GetAsync($"{h}/replacement-funds")).ReadAsync<List<ReplacementDto>>());

        await (await client.PostAsync($"{h}/rebalance-targets", new RebalanceTargetRequest(null, msft.Id, AssetClass.UsEquity, 1.5m, 0.05m, 0.25m, null)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var profile = await (await client.GetAsync($"{h}/tax-profile")).ReadAsync<TaxProfileDto>();
        Assert.Equal(0, profile.Version);
        var saved = await (await client.PutAsync($"{h}/tax-profile", profile with { ShortTermRate = 0.37m, LongTermRate = 0.2m })).ReadAsync<TaxProfileDto>();
        Assert.Equal((1L, 0.37m), (saved.Version, saved.ShortTermRate));
        await (await client.PutAsync($"{h}/tax-profile", profile)).ReadProblemAsync(HttpStatusCode.Conflict, "concurrency-conflict");
        await (await client.PutAsync($"{h}/tax-profile", saved with { LongTermRate = 2m })).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }
}
