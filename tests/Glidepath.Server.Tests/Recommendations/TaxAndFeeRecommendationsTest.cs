using System.Net;
using System.Net.Http.Json;
using Glidepath.Application.Instruments;
using Glidepath.Application.Transactions;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Recommendations;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Instruments;
using Glidepath.Server.Recommendations;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.Recommendations;

/// <summary>Asset location and fee drag through the API, with the numbers worked by hand, and the wash-sale guard.</summary>
public class TaxAndFeeRecommendationsTest
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<InstrumentDto> InstrumentAsync(GlidepathApp app, string symbol, AssetClass assetClass, decimal close)
    {
        var client = await app.CreateOperatorClientAsync();
        var instrument = await (await client.PostAsync("/api/instruments", new InstrumentRequest(symbol, symbol, InstrumentType.Etf, assetClass, "USD", "NYSE", null)))
            .ReadAsync<InstrumentDto>(HttpStatusCode.Created);
        await (await client.PutAsync($"/api/instruments/{instrument.Id}/prices", new[] { new PriceDto(Today.AddDays(-5), close) })).ReadAsync<List<PriceDto>>();
        return instrument;
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AssetLocationAndFeeDrag_HandWorked_AndNoSwapThatWouldBeAWashSale(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var bnd = await InstrumentAsync(app, "BNDX1", AssetClass.Bonds, 80m);
        var vti = await InstrumentAsync(app, "VTIX1", AssetClass.UsEquity, 250m);

        async Task<(string Url, RecommendationsDto List)> HouseholdWithAsync(decimal bondPrice, bool vtiSoldAtALossLastWeek)
        {
            var household = await client.HouseholdAsync();
            var url = $"/api/households/{household.Id}";
            var taxable = await client.AccountAsync(household.Id);
            var ira = await client.AccountAsync(household.Id, AccountType.TraditionalIra, name: "Rollover IRA");
            List<TransactionRequest> txs =
            [
                Deposit(taxable.Id, Today.AddDays(-100), 100 * bondPrice),
                Buy(taxable.Id, bnd.Id, Today.AddDays(-100), 100m, bondPrice),
                Deposit(ira.Id, Today.AddDays(-100), 8_100m),
                Buy(ira.Id, vti.Id, Today.AddDays(-100), 40m, 200m),
                Tx(ira.Id, TransactionType.Fee, Today.AddDays(-10), amount: 100m),
            ];
            if (vtiSoldAtALossLastWeek)
            {
                txs.AddRange([Deposit(taxable.Id, Today.AddDays(-20), 2_600m), Buy(taxable.Id, vti.Id, Today.AddDays(-20), 10m, 260m), Sell(taxable.Id, vti.Id, Today.AddDays(-7), 10m, 240m)]);
            }

            await (await client.PostAsync($"{url}/transactions/batch", new TransactionBatchRequest(txs))).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);
            await (await client.PutAsJsonAsync($"{url}/tax-profile", new { shortTermRate = 0.32m, longTermRate = 0.15m, minTradeAmount = 0m, cashBuffer = 0m, costPerTrade = 0m, harvestMinLoss = 0m, harvestMinLossFraction = 0m, swapBackLargeGain = 0m, version = 0 }))
                .ReadAsync<object>();
            return (url, await (await client.GetAsync($"{url}/recommendations")).ReadAsync<RecommendationsDto>());
        }

        // Taxable: 100 BND bought at 70, now 80: 8,000 with 1,000 of gain. IRA: 40 VTI at 250 = 10,000 (cash 8,100 − 8,000 − 100 fee = 0).
        // Swap min(8,000, 10,000) = 8,000 (44 % of 18,000): 8,000 × (4 % × 32 % − 1.5 % × 15 %) = 84.40 a year; the sale's 1,000 gain costs 150.
        var (_, gained) = await HouseholdWithAsync(70m, vtiSoldAtALossLastWeek: false);
        var location = Assert.Single(gained.Items, i => i.Kind == RecommendationKinds.AssetLocation);
        Assert.Equal((8_000m, 84.40m), (location.Effect.Amount, location.Effect.TaxSaved));
        Assert.Equal((8_000m, 10_000m, 1_000m, 150m), (location.Data["inefficientInTaxable"], location.Data["equityInTaxAdvantaged"], location.Data["gainRealised"], location.Data["taxOnSale"]));
        // The IRA charged 100 over the last year on 10,000: 1 %; at the 0.25 % benchmark it would be 25, so 75 saved.
        var fees = Assert.Single(gained.Items, i => i.Kind == RecommendationKinds.FeeDrag);
        Assert.Equal((75m, 0.01m), (fees.Effect.FeesSaved, fees.Data["feeRate"]));

        // BND bought at 90, now 80: selling it in taxable at a loss and buying it in the IRA would be a wash sale.
        var (_, lost) = await HouseholdWithAsync(90m, vtiSoldAtALossLastWeek: false);
        Assert.DoesNotContain(lost.Items, i => i.Kind == RecommendationKinds.AssetLocation);

        // VTI sold at a loss in taxable a week ago: buying VTI in taxable now (the swap's other leg) would replace that sale.
        var (_, sold) = await HouseholdWithAsync(70m, vtiSoldAtALossLastWeek: true);
        Assert.DoesNotContain(sold.Items, i => i.Kind == RecommendationKinds.AssetLocation);
        // The same household without that sale would get the swap (as the first one did): only the guard left it out.
        Assert.Contains(sold.Items, i => i.Kind == RecommendationKinds.FeeDrag);
    }
}
