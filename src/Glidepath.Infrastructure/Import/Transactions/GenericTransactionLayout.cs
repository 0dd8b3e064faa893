using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// Glidepath's own layout (docs/import.md): Date and Type required; SettlementDate, Symbol, Isin,
/// Quantity, Price, Fees, Amount, Currency, FxRate, SplitNumerator, SplitDenominator, Memo and
/// ExternalId optional, in any order. ISO dates, invariant numbers, non-negative amounts.
/// </summary>
internal sealed class GenericTransactionLayout : CsvStatementLayout
{
    // Transfers need both accounts' halves in one write; a per-account file cannot carry them.
    private static readonly TransactionType[] Importable =
    [
        TransactionType.Deposit, TransactionType.Withdrawal, TransactionType.Buy, TransactionType.Sell,
        TransactionType.Dividend, TransactionType.DividendReinvested, TransactionType.Interest,
        TransactionType.Fee, TransactionType.Split,
    ];

    public override string Name => "generic";

    protected override int MaxLinesBeforeHeader => 0;

    protected override string[] HeaderColumns => ["Date", "Type"];

    protected override RowParse Parse(RowCells cells)
    {
        var date = cells.IsoDate("Date");
        var settlement = cells.IsoDate("SettlementDate", fallback: date);
        var typeText = cells.Text("Type");
        if (!Enum.TryParse<TransactionType>(typeText, ignoreCase: true, out var type) || !Importable.Contains(type) || int.TryParse(typeText, out _))
        {
            cells.Fail("Type", $"'{typeText}' is not one of {string.Join(", ", Importable)}.");
        }

        var row = new ImportedRow(
            cells.Row, type, date, settlement,
            Symbol: cells.Text("Symbol"), Description: cells.Text("Memo"),
            Quantity: cells.Decimal("Quantity"), Price: cells.Decimal("Price"), Fees: cells.Decimal("Fees"), Amount: cells.Decimal("Amount"),
            Currency: cells.OptionalCurrency("Currency"), FxRate: cells.Text("FxRate").Length == 0 ? null : cells.Decimal("FxRate"),
            SplitNumerator: cells.Decimal("SplitNumerator"), SplitDenominator: cells.Decimal("SplitDenominator"),
            Memo: cells.OptionalText("Memo"), ExternalId: cells.OptionalText("ExternalId"), Isin: cells.OptionalText("Isin"));
        return RowParse.From(cells, row);
    }

    public override string ColumnFor(string property) => property switch
    {
        nameof(Transaction.TradeDate) => "Date",
        nameof(Transaction.InstrumentId) => "Symbol",
        _ => property,
    };
}
