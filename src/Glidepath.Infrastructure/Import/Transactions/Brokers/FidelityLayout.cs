using Glidepath.Domain.Currencies;
using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions.Brokers;

/// <summary>
/// Fidelity's account history CSV, both layouts: the 2025 "Activity &amp; Orders" export (Run Date,
/// Account, Account Number, Action, Symbol, … Price, Quantity, Commission, Fees, Accrued Interest,
/// Amount, Settlement Date) and the older History_for_Account export (Run Date, Action, Symbol, Security
/// Description, … Price ($), Commission ($), Fees ($), Accrued Interest ($), Amount ($)), with its blank
/// and "Brokerage" lines above the header and the disclaimer below. Actions are Fidelity's sentences:
/// YOU BOUGHT / REINVESTMENT (buy), YOU SOLD / REDEMPTION PAYOUT (sell), DIVIDEND RECEIVED and CAP GAIN
/// (dividend), FOREIGN TAX PAID (fee), … INT (interest), deposits, checks and transfers without a
/// security (by the sign of Amount). Mergers and other share-only events are not imported. A file of
/// several accounts imports the first account's rows; the others are listed as not imported.
/// </summary>
internal sealed class FidelityLayout : CsvStatementLayout
{
    private static readonly string[] DateFormats = ["MM/dd/yyyy", "M/d/yyyy"];
    private string? _account;

    public override string Name => "fidelity";

    protected override int MaxLinesBeforeHeader => 8;

    protected override string[] HeaderColumns => ["Run Date", "Action", "Symbol"];

    protected override bool IsHeader(IReadOnlyDictionary<string, int> header) =>
        base.IsHeader(header) && (header.ContainsKey("Amount") || header.ContainsKey("Amount ($)"));

    // The rows end at the first line that does not start with a date: the blank line before Fidelity's disclaimer
    // and "Date downloaded" line (which is not valid CSV: text after a closing quote).
    protected override bool IsEnd(RowCells cells) => !char.IsAsciiDigit(cells.Text("Run Date").FirstOrDefault());

    protected override RowParse Parse(RowCells cells)
    {
        var action = cells.Text("Action");

        var account = cells.Text("Account Number");
        _account ??= account;
        if (account != _account)
        {
            return RowParse.NotMapped(cells.Row, action, $"a row of another account ({account}) in a file of several: import each account's rows into its own account.");
        }

        var date = cells.Date("Run Date", DateFormats);
        var settle = cells.Text("Settlement Date").Length > 0 ? cells.Date("Settlement Date", DateFormats) : date;
        var symbol = cells.Text("Symbol");
        var amount = Money(cells, "Amount");
        var quantity = Money(cells, "Quantity");
        var price = Money(cells, "Price");
        var fees = Math.Abs(Money(cells, "Commission")) + Math.Abs(Money(cells, "Fees")) + Math.Abs(Money(cells, "Accrued Interest"));
        var currency = cells.Text("Currency") is { Length: > 0 } ? cells.OptionalCurrency("Currency") : Currency.Usd;
        if (cells.Errors.Count > 0)
        {
            return RowParse.Failed(cells.Errors);
        }

        settle = settle < date ? date : settle;
        var a = action.ToUpperInvariant();
        var description = cells.Text("Description") is { Length: > 0 } d ? d : cells.Text("Security Description");
        if (a.StartsWith("YOU BOUGHT", StringComparison.Ordinal) || a.StartsWith("REINVESTMENT", StringComparison.Ordinal)
            || a.StartsWith("YOU SOLD", StringComparison.Ordinal) || a.StartsWith("REDEMPTION PAYOUT", StringComparison.Ordinal))
        {
            var buy = a.StartsWith("YOU BOUGHT", StringComparison.Ordinal) || a.StartsWith("REINVESTMENT", StringComparison.Ordinal);
            // Accrued interest paid on a bond is booked with the fees: it is cash the purchase took. Bonds are priced per
            // 100 of face value, so the unit price comes from Amount (the cash that moved) whenever there is one.
            var units = Math.Abs(quantity);
            var unitPrice = amount != 0m && units > 0m ? (buy ? Math.Abs(amount) - fees : Math.Abs(amount) + fees) / units : price;
            return RowParse.Of(new ImportedRow(
                cells.Row, buy ? TransactionType.Buy : TransactionType.Sell, date, settle, symbol, description, units, unitPrice,
                fees, 0m, currency, null, 0m, 0m, action, null));
        }

        TransactionType? type = a switch
        {
            _ when a.StartsWith("DIVIDEND RECEIVED", StringComparison.Ordinal) || a.Contains("CAP GAIN", StringComparison.Ordinal) => TransactionType.Dividend,
            _ when a.StartsWith("FOREIGN TAX", StringComparison.Ordinal) || a.Contains("FEE", StringComparison.Ordinal) => TransactionType.Fee,
            _ when a.Contains(" INT ", StringComparison.Ordinal) || a.StartsWith("INTEREST", StringComparison.Ordinal) => TransactionType.Interest,
            _ when a.Contains("MERGER", StringComparison.Ordinal) || a.Contains("SPLIT", StringComparison.Ordinal) || a.Contains("SPIN", StringComparison.Ordinal)
                || a.Contains("EXCHANGE", StringComparison.Ordinal) || a.Contains("DISTRIBUTION", StringComparison.Ordinal) => null,
            _ when (symbol.Length == 0 || symbol == "No Description") && (a.Contains("DEPOSIT", StringComparison.Ordinal) || a.Contains("TRANSFER", StringComparison.Ordinal)
                || a.Contains("CHECK", StringComparison.Ordinal) || a.Contains("ELECTRONIC FUNDS", StringComparison.Ordinal)
                || a.Contains("WIRE", StringComparison.Ordinal)) => amount >= 0 ? TransactionType.Deposit : TransactionType.Withdrawal,
            _ => null,
        };
        if (type is null || amount == 0m)
        {
            return RowParse.NotMapped(cells.Row, action, a.Contains("MERGER", StringComparison.Ordinal) || a.Contains("SPLIT", StringComparison.Ordinal)
                ? "a corporate action: its effect on lots and basis is entered by hand."
                : "an action this layout does not know.");
        }

        if (type is TransactionType.Fee && amount > 0)
        {
            return RowParse.NotMapped(cells.Row, action, "a refund of a fee or tax: enter it by hand.");
        }

        return RowParse.Of(new ImportedRow(
            cells.Row, type.Value, date, settle, type is TransactionType.Dividend ? symbol : "", description, 0m, 0m, 0m, Math.Abs(amount),
            currency, null, 0m, 0m, action, null));
    }

    public override string ColumnFor(string property) => property switch
    {
        nameof(Transaction.TradeDate) => "Run Date",
        nameof(Transaction.InstrumentId) => "Symbol",
        nameof(Transaction.Type) => "Action",
        _ => property,
    };

    // The older layout names its columns "Price ($)", "Amount ($)"…
    private static decimal Money(RowCells cells, string column) =>
        cells.Text(column).Length > 0 || cells.Text(column + " ($)").Length == 0 ? cells.Money(column) : cells.Money(column + " ($)");
}
