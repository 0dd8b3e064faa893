using System.Net;
using System.Net.Http.Headers;
using Glidepath.Application.RealisedGains;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.RealisedGains;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
using Glidepath.Testing.Databases;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.RealisedGains;

public class RealisedGainEndpointsTest
{
    private static readonly DateOnly Buy1 = new(1998, 1, 2);
    private static readonly DateOnly Sale = new(1999, 6, 1);

    /// <summary>
    /// A taxable account sells 10 MSFT bought at 32.78 for 78.50 (gain 457.20); a Roth IRA sells 10 at
    /// the same prices, both long term. Only the taxable sale is reportable; the Roth's is listed and summed apart.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Year_TotalsTaxableAccountsOnly_TaxAdvantagedApart(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var taxable = await client.AccountAsync(household.Id);
        var roth = await client.AccountAsync(household.Id, AccountType.RothIra, name: "Roth IRA");
        var msft = await app.MsftAsync();
        foreach (var account in new[] { taxable.Id, roth.Id })
        {
            var batch = new TransactionBatchRequest([Deposit(account, Buy1, 1_000m), Buy(account, msft.Id, Buy1, 10m, 32.78m), Sell(account, msft.Id, Sale, 10m, 78.50m)]);
            await (await client.PostAsync($"{url}/transactions/batch", batch)).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);
        }

        var year = await (await client.GetAsync($"{url}/realized-gains?year=1999")).ReadAsync<RealizedGainsYearDto>();

        Assert.Equal(2, year.Gains.Count);
        Assert.Equal((0m, 457.20m, 457.20m), (year.ShortTermGain, year.LongTermGain, year.ReportableGain));
        Assert.Equal(new GainTotalsDto(0m, 457.20m, 0m, 457.20m), year.TaxAdvantaged);
        Assert.False(Assert.Single(year.Gains, g => g.AccountId == roth.Id).Taxable);
        Assert.True(Assert.Single(year.Gains, g => g.AccountId == taxable.Id).Taxable);
        var range = await (await client.GetAsync($"{url}/realised-gains?from=1999-01-01&to=1999-12-31")).ReadAsync<RealisedGainsDto>();
        Assert.Equal((0m, 457.20m, 457.20m), (range.ShortTermGain, range.LongTermGain, range.TaxAdvantaged.LongTermGain));
    }

    /// <summary>
    /// Three one-share lots bought at 10.00 and sold together at 10.005: each lot's proceeds are 10.005,
    /// reported as 10.01 (half away from zero), a 0.01 gain per row. The total is the sum of the rows
    /// as printed (0.03, as Form 8949 adds them), not the exact 0.015 rounded (0.02).
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Year_RowsRoundedAsReported_TotalsAreSumsOfRows_SameAsForm8949(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var account = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        var batch = new TransactionBatchRequest([
            Deposit(account.Id, Buy1, 100m),
            Buy(account.Id, msft.Id, Buy1, 1m, 10m), Buy(account.Id, msft.Id, Buy1.AddDays(1), 1m, 10m), Buy(account.Id, msft.Id, Buy1.AddDays(2), 1m, 10m),
            Sell(account.Id, msft.Id, Sale, 3m, 10.005m),
        ]);
        await (await client.PostAsync($"{url}/transactions/batch", batch)).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);

        var year = await (await client.GetAsync($"{url}/realized-gains?year=1999")).ReadAsync<RealizedGainsYearDto>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{url}/realized-gains?year=1999");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.All(year.Gains, g => Assert.Equal((10.01m, 10.00m, 0.01m), (g.Proceeds, g.CostBasis, g.Gain)));
        Assert.Equal((0.03m, 0.03m), (year.LongTermGain + year.ShortTermGain, year.ReportableGain));
        var csvGains = csv.Trim().Split('\n').Skip(1).Select(line => decimal.Parse(line.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, csvGains.Count);
        Assert.Equal(year.ReportableGain, csvGains.Sum());
    }
}
