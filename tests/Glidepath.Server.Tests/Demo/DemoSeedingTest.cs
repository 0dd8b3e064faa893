using System.Net;
using Glidepath.Application.Performance;
using Glidepath.Application.RealisedGains;
using Glidepath.Domain.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Accounts;
using Glidepath.Server.Households;
using Glidepath.Server.Performance;
using Glidepath.Server.Positions;
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

        // Current: the real closes moved forward end on the last weekday before today, and say so.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastWeekday = today.AddDays(-1);
        while (lastWeekday.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            lastWeekday = lastWeekday.AddDays(-1);
        }

        Assert.Matches(@"^Demo prices: real closes from 1990–(2000|2001), moved forward \d+ years\.$", household.PriceNote);
        var valuation = await (await client.GetAsync($"{url}/valuation")).ReadAsync<ValuationDto>();
        Assert.True(valuation.NetWorth > 100_000m, $"net worth {valuation.NetWorth}");
        Assert.True(valuation.Liabilities <= 0m);
        Assert.Equal(lastWeekday, valuation.PricesAsOf);
        Assert.False(valuation.Stale);
        var positions = await (await client.GetAsync($"{url}/positions")).ReadAsync<PositionsDto>();
        Assert.All(positions.Positions, p => Assert.Equal(lastWeekday, p.PriceDate));

        var gains = await (await client.GetAsync($"{url}/realised-gains")).ReadAsync<RealisedGainsDto>();
        Assert.Contains(gains.Gains, g => g.Term == HoldingTerm.ShortTerm);
        Assert.Contains(gains.Gains, g => g.Term == HoldingTerm.LongTerm);

        // The dashboard's default year moves: a flat 0 % was the frozen 2001 demo.
        var series = await (await client.GetAsync($"{url}/net-worth")).ReadAsync<NetWorthDto>();
        Assert.All(series.Points, p => Assert.True(p.Value > 0m));
        Assert.True(series.Points.Select(p => p.Value).Distinct().Count() > 200, "the last year's net worth barely moves");
        var year = await (await client.GetAsync($"{url}/performance")).ReadAsync<PerformanceDto>();
        Assert.NotEqual(0d, year.TimeWeightedReturn);

        // A year after the demo's last close its prices are a year stale, and flagged.
        var later = await (await client.GetAsync($"{url}/valuation?date={lastWeekday.AddYears(1):yyyy-MM-dd}")).ReadAsync<ValuationDto>();
        Assert.Equal(lastWeekday, later.PricesAsOf);
        Assert.True(later.Stale);
    }

    [Fact]
    public async Task SeedingOff_LeavesTheDatabaseEmpty()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);

        Assert.Empty(await (await app.CreateClient().GetAsync("/api/households")).ReadAsync<List<HouseholdDto>>(HttpStatusCode.OK));
    }
}
