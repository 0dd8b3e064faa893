using Glidepath.Domain.Ledger;
using Glidepath.Domain.Transactions;
using Glidepath.Testing.Ledger;

namespace Glidepath.Domain.Tests.TaxLots.WashSales;

/// <summary>Wash sales in the ledger replay; split by concern (Publication550, WorkedCases, Rules).</summary>
public partial class WashSaleTest
{
    private readonly LedgerHistoryBuilder h = new();

    private static DateOnly Day(string iso) => LedgerHistoryBuilder.Day(iso);

    private static TaxLot Lot(LedgerState state, Transaction opened) => state.Lots.Single(l => l.LotId == opened.Id);

    private static RealisedGain Gain(LedgerState state, Transaction sale) => state.RealisedGains.Single(g => g.SaleTransactionId == sale.Id);
}
