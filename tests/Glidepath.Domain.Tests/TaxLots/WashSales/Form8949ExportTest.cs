using Glidepath.Domain.Households;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Testing.Ledger;

namespace Glidepath.Domain.Tests.TaxLots.WashSales;

public class Form8949ExportTest
{
    [Fact]
    public void ToCsv_YearWithWashSale_WritesCodeWAndAdjustmentOnlyForTaxableSalesOfThatYear()
    {
        var h = new LedgerHistoryBuilder();
        var account = h.Account("Brokerage");
        var ira = h.Account("IRA", type: AccountType.TraditionalIra);
        var x = h.Instrument("X");
        h.Deposit(account, LedgerHistoryBuilder.Day("2023-01-02"), 5_000m);
        h.Deposit(ira, LedgerHistoryBuilder.Day("2023-01-02"), 5_000m);
        h.Buy(account, x, LedgerHistoryBuilder.Day("2023-01-02"), 100m, 10m);
        h.Buy(ira, x, LedgerHistoryBuilder.Day("2023-01-02"), 10m, 10m);
        h.Sell(ira, x, LedgerHistoryBuilder.Day("2024-02-01"), 10m, 5m);
        h.Sell(account, x, LedgerHistoryBuilder.Day("2024-06-03"), 100m, 7.505m);
        h.Buy(account, x, LedgerHistoryBuilder.Day("2024-06-20"), 40m, 8m);
        h.Sell(account, x, LedgerHistoryBuilder.Day("2025-01-10"), 40m, 9m);
        var state = h.BuildState();

        var csv = Form8949Export.ToCsv(state.RealisedGains, 2024, h.Accounts, h.Instruments);

        // Proceeds 750.50, basis 1,000: a 249.50 loss, 40 of 100 shares replaced, so 99.80 disallowed.
        Assert.Equal(
            Form8949Export.Header + "\n" +
            "II,100 X,01/02/2023,06/03/2024,750.50,1000.00,W,99.80,-149.70\n",
            csv);
    }
}
