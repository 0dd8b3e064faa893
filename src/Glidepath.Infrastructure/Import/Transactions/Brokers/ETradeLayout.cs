using Glidepath.Domain.Currencies;
using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions.Brokers;

/// <summary>
/// E*TRADE (Morgan Stanley) legacy transaction download: "For Account:" line, then
/// TransactionDate, TransactionType, SecurityType, Symbol, Quantity, Amount, Price, Commission,
/// Description; two-digit-year dates; Amount signed. A reinvested dividend is a pair of Dividend rows:
/// the cash dividend (Amount &gt; 0) and the purchase (Quantity &gt; 0, Amount &lt; 0), booked as a dividend
/// and a buy. Reorganisations ("Other" with units and no cash) and journals are not imported.
/// </summary>
internal sealed class ETradeLayout : CsvStatementLayout
{
    private static readonly string[] DateFormats = ["MM/dd/yy", "M/d/yy", "MM/dd/yyyy"];

    public override string Name => "etrade";

    protected override int MaxLinesBeforeHeader => 4;

    protected override string[] HeaderColumns => ["TransactionDate", "TransactionType", "SecurityType", "Symbol", "Quantity", "Amount"];

    protected override RowParse Parse(RowCells cells)
    {
        var action = cells.Text("TransactionType");
        var date = cells.Date("TransactionDate", DateFormats);
        var quantity = cells.Money("Quantity");
        var amount = cells.Money("Amount");
        var price = cells.Money("Price");
        var commission = Math.Abs(cells.Money("Commission"));
        var symbol = cells.Text("Symbol");
        var description = string.Join(' ', cells.Text("Description").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (cells.Errors.Count > 0)
        {
            return RowParse.Failed(cells.Errors);
        }

        var a = action.ToUpperInvariant();
        ImportedRow Row(TransactionType type, decimal qty, decimal unitPrice, decimal fees, decimal cash, string sym) =>
            new(cells.Row, type, date, date, sym, description, qty, unitPrice, fees, cash, Currency.Usd, null, 0m, 0m, description, null);

        switch (a)
        {
            case "BOUGHT" when quantity > 0:
                // The unit price from Amount: E*TRADE rounds Price, and the cash that moved is Amount.
                return RowParse.Of(Row(TransactionType.Buy, quantity, amount != 0m ? (Math.Abs(amount) - commission) / quantity : price, commission, 0m, symbol));
            case "SOLD" when quantity != 0:
                return RowParse.Of(Row(TransactionType.Sell, Math.Abs(quantity), amount != 0m ? (Math.Abs(amount) + commission) / Math.Abs(quantity) : price, commission, 0m, symbol));
            case "DIVIDEND" when quantity > 0 && amount < 0:
                return RowParse.Of(Row(TransactionType.Buy, quantity, (Math.Abs(amount) - commission) / quantity, commission, 0m, symbol));   // the reinvestment half
            case "DIVIDEND" when amount > 0:
                return RowParse.Of(Row(TransactionType.Dividend, 0m, 0m, 0m, amount, symbol));
            case "INTEREST" or "INTEREST INCOME" when amount > 0:
                return RowParse.Of(Row(TransactionType.Interest, 0m, 0m, 0m, amount, ""));
            case "FEE" or "SERVICE FEE" when amount < 0:
                return RowParse.Of(Row(TransactionType.Fee, 0m, 0m, 0m, -amount, ""));
            case "WIRE" or "TRANSFER" or "ACH" or "DEPOSIT" or "WITHDRAWAL" or "CHECK" when amount != 0 && symbol.Length == 0:
                return RowParse.Of(Row(amount > 0 ? TransactionType.Deposit : TransactionType.Withdrawal, 0m, 0m, 0m, Math.Abs(amount), ""));
            default:
                return RowParse.NotMapped(cells.Row, action, a switch
                {
                    "OTHER" or "REORGANIZATION" => "a reorganisation (e.g. a share-class conversion): its effect on lots is entered by hand.",
                    "JOURNAL" or "TRANSFER" => "a journal between accounts: enter it as a transfer.",
                    _ => "a transaction type this layout does not know.",
                });
        }
    }

    public override string ColumnFor(string property) => property switch
    {
        nameof(Transaction.TradeDate) => "TransactionDate",
        nameof(Transaction.InstrumentId) => "Symbol",
        nameof(Transaction.Type) => "TransactionType",
        _ => property,
    };
}
