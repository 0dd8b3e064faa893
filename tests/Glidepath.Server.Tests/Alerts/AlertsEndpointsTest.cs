using System.Net;
using Glidepath.Application.Alerts;
using Glidepath.Application.Households;
using Glidepath.Application.TaxSettings;
using Glidepath.Domain.Instruments;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.TaxSettings;
using Glidepath.Application.Transactions;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Alerts;

public class AlertsEndpointsTest
{
    private static readonly DateOnly YearEnd = new(2000, 12, 29);

    /// <summary>
    /// 10,000 deposited, 100 MSFT bought at 70.50 on 4 January 1999; at the 2000 year-end close of
    /// 43.38 the account holds 2,950 cash and 4,338 of MSFT (7,288). A 50% US-equity target with a
    /// 5-point band drifts by 4,338/7,288 − 0.5 ≈ +9.5 points: one alert; a 58% target (drift ≈ +1.5
    /// points) none. The long-term loss of 100 × (70.50 − 43.38) = 2,712 at a 15% rate saves 406.80.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Alerts_DriftOutsideBandAndHarvestLoss_ReportedAndNothingStored(DatabaseProvider provider)
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
        ]))).EnsureSuccessStatusCode();
        (await client.PutAsync($"{h}/tax-profile", new TaxProfileDto(0.35m, 0.15m, 0m, 0m, 0m, 0m, 0m, 0m, 0))).EnsureSuccessStatusCode();

        // No targets yet: nothing drifts.
        var none = await (await client.GetAsync($"{h}/alerts?asOf=2000-12-29")).ReadAsync<AlertsDto>();
        Assert.Equal((0, 0), (none.Targets, none.Drift.Count));

        var target = await (await client.PostAsync($"{h}/rebalance-targets", new RebalanceTargetRequest(null, null, AssetClass.UsEquity, 0.5m, 0.05m, 0.25m, msft.Id)))
            .ReadAsync<RebalanceTargetDto>(HttpStatusCode.Created);
        var alerts = await (await client.GetAsync($"{h}/alerts?asOf=2000-12-29")).ReadAsync<AlertsDto>();

        Assert.Equal((YearEnd, "USD", 1), (alerts.AsOf, alerts.Currency, alerts.Targets));
        var drift = Assert.Single(alerts.Drift);
        Assert.Equal((account.Id, "Brokerage", AssetClass.UsEquity, 0.5m, 0.05m), (drift.AccountId, drift.AccountName, drift.AssetClass, drift.Weight, drift.Band));
        Assert.Equal((double)(4_338m / 7_288m - 0.5m), (double)drift.Drift, 12);
        Assert.Equal((1, 2_712m, 406.8m, 0), (alerts.Harvest.Count, alerts.Harvest.Loss, alerts.Harvest.EstimatedSaving, alerts.Harvest.Blocked));

        (await client.DeleteAsync($"{h}/rebalance-targets/{target.Id}")).EnsureSuccessStatusCode();
        (await client.PostAsync($"{h}/rebalance-targets", new RebalanceTargetRequest(null, null, AssetClass.UsEquity, 0.58m, 0.05m, 0.25m, msft.Id))).EnsureSuccessStatusCode();
        var inBand = await (await client.GetAsync($"{h}/alerts?asOf=2000-12-29")).ReadAsync<AlertsDto>();
        Assert.Equal((1, 0), (inBand.Targets, inBand.Drift.Count));

        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Proposals.CountAsync());
        Assert.Equal(0, await db.Orders.CountAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Alerts_HoldingWithoutPrice_SaysWhyNoCheckRan(DatabaseProvider provider)
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

        // The first close is in 1998: a state of the household the dashboard shows, not a failed request.
        var alerts = await (await client.GetAsync($"/api/households/{household.Id}/alerts?asOf=1997-12-31")).ReadAsync<AlertsDto>();
        Assert.Equal(("missing-price", 0, 0), (alerts.Unavailable?.Code, alerts.Targets, alerts.Harvest.Count));
        Assert.Contains("MSFT", alerts.Unavailable!.Message, StringComparison.Ordinal);
        await (await client.GetAsync($"/api/households/{Guid.NewGuid()}/alerts")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
    }

    /// <summary>
    /// A EUR household with a USD account (valued through FX rates, which rebalancing does not use):
    /// the dashboard's alerts answer 200 and say why nothing was checked. Before, they answered 422,
    /// and every dashboard of such a household logged a failed request.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Alerts_AccountInAnotherCurrency_SaysWhyNoCheckRan(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await (await client.PostAsync("/api/households", new Glidepath.Application.Households.CreateHouseholdRequest("Euro household", "EUR")))
            .ReadAsync<Glidepath.Server.Households.HouseholdDto>(HttpStatusCode.Created);
        await client.AccountAsync(household.Id);

        var alerts = await (await client.GetAsync($"/api/households/{household.Id}/alerts?asOf=2000-12-29")).ReadAsync<AlertsDto>();

        Assert.Equal(("mixed-currency", "EUR", 0), (alerts.Unavailable?.Code, alerts.Currency, alerts.Drift.Count));
    }
}
