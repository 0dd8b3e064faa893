using Glidepath.Domain.Currencies;
using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions.Brokers;

/// <summary>
/// Robinhood account activity report CSV (Activity Date, Process Date, Settle Date, Instrument,
/// Description, Trans Code, Quantity, Price, Amount). Amounts in dollars, "($1.10)" negative. Trans
/// codes: Buy, Sell, CDIV (dividend), NRAT/DTAX (withholding: fee), INT (interest), SLIP (stock lending:
/// interest), ACH/RTP/DCF/UKGBP… without instrument (deposit or withdrawal by sign), GOLD/AFEE (fees).
/// Options (BTO, STC, OEXP…) and FX pairs (FXBUY) are not imported. The closing disclaimer row is ignored.
/// </summary>
internal sealed class RobinhoodLayout : CsvStatementLayout
{
    private static readonly string[] DateFormats = ["M/d/yyyy", "MM/dd/yyyy"];

    public override string Name => "robinhood";

    protected override string[] HeaderColumns => ["Activity Date", "Settle Date", "Instrument", "Trans Code", "Amount"];

    protected override RowParse Parse(RowCells cells)
    {
        var code = cells.Text("Trans Code").ToUpperInvariant();
        if (code.Length == 0 && cells.Text("Activity Date").Length == 0)
        {
            return RowParse.Ignored;   // the disclaimer at the end
        }

        var date = cells.Date("Activity Date", DateFormats);
        var settle = cells.Text("Settle Date").Length > 0 ? cells.Date("Settle Date", DateFormats) : date;
        var amount = cells.Money("Amount");
        var symbol = cells.Text("Instrument");
        var description = cells.Text("Description").ReplaceLineEndings(" ");
        if (cells.Errors.Count > 0)
        {
            return RowParse.Failed(cells.Errors);
        }

        settle = settle < date ? date : settle;
        if (code is "BUY" or "SELL")
        {
            var quantity = cells.Money("Quantity");
            var price = cells.Money("Price");
            // Robinhood charges no commission; anything Amount holds beyond units × price is a fee.
            var fees = Math.Max(0m, code == "BUY" ? -amount - quantity * price : quantity * price - amount);
            return RowParse.From(cells, new ImportedRow(
                cells.Row, code == "BUY" ? TransactionType.Buy : TransactionType.Sell, date, settle, symbol, description, quantity, price, fees, 0m,
                Currency.Usd, null, 0m, 0m, description, null));
        }

        TransactionType? type = code switch
        {
            "CDIV" or "MDIV" or "QDIV" when amount > 0 => TransactionType.Dividend,
            "NRAT" or "DTAX" or "GOLD" or "AFEE" or "MINT" when amount < 0 => TransactionType.Fee,
            "INT" or "SLIP" when amount > 0 => TransactionType.Interest,
            "ACH" or "RTP" or "DCF" or "UKGBP" or "XENT" or "WIRE" when symbol.Length == 0 => amount >= 0 ? TransactionType.Deposit : TransactionType.Withdrawal,
            _ => null,
        };
        if (type is null || amount == 0m)
        {
            return RowParse.NotMapped(cells.Row, code, code switch
            {
                "BTO" or "BTC" or "STO" or "STC" or "OEXP" or "OASGN" or "OEXCS" => "an option event: options are not kept in the ledger.",
                "FXBUY" or "FXSELL" => "a currency conversion: cash is kept in the account's currency.",
                "SPL" or "SPR" or "MRGS" or "SXCH" or "CONV" => "a corporate action: its effect on lots and basis is entered by hand.",
                _ => "a transaction code this layout does not know.",
            });
        }

        return RowParse.Of(new ImportedRow(
            cells.Row, type.Value, date, settle, type is TransactionType.Dividend ? symbol : "", description, 0m, 0m, 0m, Math.Abs(amount),
            Currency.Usd, null, 0m, 0m, description, null));
    }

    public override string ColumnFor(string property) => property switch
    {
        nameof(Transaction.TradeDate) => "Activity Date",
        nameof(Transaction.SettlementDate) => "Settle Date",
        nameof(Transaction.InstrumentId) => "Instrument",
        nameof(Transaction.Type) => "Trans Code",
        _ => property,
    };
}
