using System.Net;
using Glidepath.Application.Performance;
using Glidepath.Domain.Instruments;
using Glidepath.Quant.Performance;
using Glidepath.Server.Performance;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
using Glidepath.Testing.Databases;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.Performance;

public class PerformanceEndpointsTest
{
    /// <summary>
    /// Hand-worked on MSFT's real closes (70.50 on 1999-01-04, 78.50 on 1999-06-01, 116.75 on
    /// 1999-12-31): 100 shares bought for 7,050 on 4 January; 1,000 of cash deposited on 1 June.
    /// From 5 January the start value is 7,050; 1 June: (7,850 + 1,000)/(7,050 + 1,000);
    /// 31 December: (11,675 + 1,000)/8,850; linked TWR = 12,675/8,050 − 1. The position alone:
    /// 11,675/7,050 − 1, the same as MSFT as its own benchmark (beta 1, no tracking error).
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Performance_HouseholdAndPosition_MatchHandWorkedValues(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var brokerage = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        await (await client.PostAsync($"{url}/transactions/batch", new TransactionBatchRequest([
            Deposit(brokerage.Id, new DateOnly(1999, 1, 4), 7_050m),
            Buy(brokerage.Id, msft.Id, new DateOnly(1999, 1, 4), 100m, 70.50m),
            Deposit(brokerage.Id, new DateOnly(1999, 6, 1), 1_000m),
        ]))).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);

        var report = await (await client.GetAsync($"{url}/performance?from=1999-01-05&to=1999-12-31&benchmark=MSFT&riskFree=0.05")).ReadAsync<PerformanceDto>();

        Assert.Equal(7_050m, report.StartValue);
        Assert.Equal(12_675m, report.EndValue);
        Assert.Equal(1_000m, report.NetExternalFlow);
        Assert.Equal(12_675.0 / 8_050.0 - 1.0, report.TimeWeightedReturn, 1e-12);
        Assert.Equal(361, report.Series.Count);
        var june = report.Series.Single(d => d.Date == new DateOnly(1999, 6, 1));
        Assert.Equal(1_000m, june.ExternalFlow);
        Assert.Equal(8_850.0 / 8_050.0 - 1.0, june.Return, 1e-12);
        Assert.Equal(XirrStatus.Solved, report.MoneyWeightedReturn.Status);
        Assert.Equal(
            0.0,
            // The start value is the close it was taken at, the day before `from` (analytics.md, MWR).
            Xirr.NetPresentValue([new DateOnly(1999, 1, 4), new DateOnly(1999, 6, 1), new DateOnly(1999, 12, 31)], [-7_050.0, -1_000.0, 12_675.0], report.MoneyWeightedReturn.Rate!.Value),
            1e-6);
        Assert.Equal(report.TimeWeightedReturn, report.ContributionByHolding.Sum(c => c.Contribution), 1e-12);
        Assert.Equal(0.0, report.ContributionByHolding.Single(c => c.InstrumentId is null).Contribution, 1e-15);
        Assert.Equal(report.TimeWeightedReturn, report.ContributionByAssetClass.Single(c => c.AssetClass == AssetClass.UsEquity).Contribution, 1e-12);
        Assert.Equal(116.75 / 70.5 - 1.0, report.Risk.Benchmark!.CumulativeReturn, 1e-12);
        Assert.Equal(0.0, report.Risk.MaxDrawdown!.Depth);

        var position = await (await client.GetAsync($"{url}/performance?from=1999-01-05&to=1999-12-31&instrumentId={msft.Id}&accountId={brokerage.Id}&benchmark=MSFT"))
            .ReadAsync<PerformanceDto>();
        Assert.Equal(11_675.0 / 7_050.0 - 1.0, position.TimeWeightedReturn, 1e-12);
        Assert.Equal(0m, position.NetExternalFlow);
        Assert.Equal(1.0, position.Risk.Benchmark!.Beta!.Value, 1e-9);
        Assert.Equal(0.0, position.Risk.Benchmark.TrackingError!.Value, 1e-12);
        Assert.Null(position.Risk.Benchmark.InformationRatio);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Performance_BadInput_AnswersProblemsWithCodes(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var other = await client.HouseholdAsync("Other");
        var foreign = await client.AccountAsync(other.Id);
        await app.MsftAsync();
        var url = $"/api/households/{household.Id}/performance";

        await (await client.GetAsync($"{url}?from=2000-01-02&to=2000-01-01")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync($"{url}?from=1999-01-01&to=1999-02-01&benchmark=NOPE")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync($"{url}?from=1999-01-01&to=1999-02-01&accountId={foreign.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        await (await client.GetAsync($"{url}?from=1999-01-01&to=1999-02-01&instrumentId={Guid.NewGuid()}")).ReadProblemAsync(HttpStatusCode.NotFound, "instrument-not-found");
        await (await client.GetAsync($"/api/households/{Guid.NewGuid()}/performance")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");

        // MSFT's first close is 1998-01-02: a benchmark cannot start before it.
        await (await client.GetAsync($"{url}?from=1997-06-01&to=1998-02-01&benchmark=MSFT")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "benchmark-unavailable");
    }
}
