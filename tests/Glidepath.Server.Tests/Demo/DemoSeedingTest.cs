using System.Net;
using Glidepath.Domain.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Accounts;
using Glidepath.Server.Households;
using Glidepath.Server.RealisedGains;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Valuation;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Demo;

public class DemoSeedingTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task FirstStart_WithSeedingOn_CreatesAValuableDemoHousehold(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, seedDemoData: true);
        var client = app.CreateClient();

        var household = Assert.Single(await (await client.GetAsync("/api/households")).ReadAsync<List<HouseholdDto>>());
        var url = $"/api/households/{household.Id}";
        var accounts = await (await client.GetAsync($"{url}/accounts")).ReadAsync<List<AccountDto>>();
        Assert.Equal(6, accounts.Count);
        Assert.Contains(accounts, a => a.IsLiability);

        var valuation = await (await client.GetAsync($"{url}/valuation?date=2000-12-29")).ReadAsync<ValuationDto>();
        Assert.True(valuation.NetWorth > 100_000m, $"net worth {valuation.NetWorth}");
        Assert.True(valuation.Liabilities <= 0m);
        var gains = await (await client.GetAsync($"{url}/realised-gains")).ReadAsync<RealisedGainsDto>();
        Assert.Contains(gains.Gains, g => g.Term == HoldingTerm.ShortTerm);
        Assert.Contains(gains.Gains, g => g.Term == HoldingTerm.LongTerm);

        var series = await (await client.GetAsync($"{url}/net-worth?from=2000-01-01&to=2000-12-31")).ReadAsync<NetWorthDto>();
        Assert.All(series.Points, p => Assert.True(p.Value > 0m));
    }

    [Fact]
    public async Task SeedingOff_LeavesTheDatabaseEmpty()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);

        Assert.Empty(await (await app.CreateClient().GetAsync("/api/households")).ReadAsync<List<HouseholdDto>>(HttpStatusCode.OK));
    }
}
