using System.Globalization;
using CsvHelper;
using Glidepath.Domain.Calendar;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// Charles Schwab's brokerage "Transaction History" CSV export (sources in docs/import.md):
/// <c>"Date","Action","Symbol","Description","Quantity","Price","Fees &amp; Comm","Amount"</c>,
/// US dates (<c>07/07/2025 as of 07/03/2025</c>), dollar amounts (<c>"-$1,500.00"</c>), signed
/// Amount, an optional title line above the header and a "Transactions Total" line at the end.
/// Schwab has no transaction id, so rows are de-duplicated by hash.
/// </summary>
internal sealed class SchwabTransactionLayout : CsvStatementLayout
{
    public const string FeesColumn = "Fees & Comm";

    public override string Name => "schwab";

    protected override string[] HeaderColumns => ["Date", "Action", FeesColumn, "Amount"];

    protected override RowParse Parse(RowCells cells)
    {
        var dateText = cells.Text("Date");
        if (dateText.StartsWith("Transactions Total", StringComparison.OrdinalIgnoreCase))
        {
            return RowParse.Ignored;
        }

        var (posted, tradeDate) = ParseDates(cells, dateText);
        var symbol = cells.Text("Symbol");
        var amount = cells.Money("Amount");
        var action = cells.Text("Action");
        var type = MapAction(action, amount, hasSymbol: symbol.Length > 0);
        if (cells.Errors.Count > 0)
        {
            return RowParse.Failed(cells.Errors);
        }

        if (type is null)
        {
            return RowParse.NotMapped(cells.Row, action, Refusal(action));
        }

        var isTrade = type is TransactionType.Buy or TransactionType.Sell;
        var quantity = isTrade ? Math.Abs(cells.Money("Quantity")) : 0m;
        var fees = isTrade ? Math.Abs(cells.Money(FeesColumn)) : 0m;
        // Schwab rounds Price; Amount is the cash that moved, so the unit price is taken from it when there is one.
        var price = isTrade && amount != 0m && quantity > 0m
            ? (type is TransactionType.Buy ? Math.Abs(amount) - fees : Math.Abs(amount) + fees) / quantity
            : isTrade ? Math.Abs(cells.Money("Price")) : 0m;
        var row = new ImportedRow(
            cells.Row, type.Value, tradeDate, posted,
            Symbol: isTrade || type is TransactionType.Dividend ? symbol : "",
            Description: cells.Text("Description"),
            Quantity: quantity,
            Price: price,
            Fees: fees,
            Amount: isTrade ? 0m : Math.Abs(amount),
            Currency: Currency.Usd, FxRate: 1m, SplitNumerator: 0m, SplitDenominator: 0m,
            Memo: cells.OptionalText("Description"), ExternalId: null);
        return RowParse.From(cells, row);
    }

    public override string ColumnFor(string property) => property switch
    {
        nameof(Transaction.TradeDate) or nameof(Transaction.SettlementDate) => "Date",
        nameof(Transaction.InstrumentId) => "Symbol",
        nameof(Transaction.Fees) => FeesColumn,
        nameof(Transaction.Type) => "Action",
        nameof(Transaction.Memo) => "Description",
        _ => property,
    };

    private static string Refusal(string action)
    {
        var a = action.ToUpperInvariant();
        return a switch
        {
            _ when a.Contains("SPLIT", StringComparison.Ordinal) => "a split without its ratio: enter it with the ratio (generic layout or the API).",
            _ when a.Contains("JOURNAL", StringComparison.Ordinal) || a.Contains("TRANSFER", StringComparison.Ordinal) =>
                "shares moved between accounts: enter it as a transfer between the two accounts.",
            _ when a.Contains("MERGER", StringComparison.Ordinal) || a.Contains("SPIN", StringComparison.Ordinal) || a.Contains("NAME CHANGE", StringComparison.Ordinal)
                || a.Contains("CONVERSION", StringComparison.Ordinal) || a.Contains("STOCK DIV", StringComparison.Ordinal) =>
                "a corporate action: its effect on lots and basis is entered by hand.",
            _ when a.Contains("OPEN", StringComparison.Ordinal) || a.Contains("CLOSE", StringComparison.Ordinal) || a.Contains("ASSIGNED", StringComparison.Ordinal)
                || a.Contains("EXPIRED", StringComparison.Ordinal) || a.Contains("EXERCISE", StringComparison.Ordinal) => "an option event: options are not kept in the ledger.",
            _ => "an action this layout does not know.",
        };
    }

    /// <summary>Cash actions by keyword; anything else (options, share journals, splits, mergers) is refused, not guessed.</summary>
    internal static TransactionType? MapAction(string action, decimal signedAmount, bool hasSymbol)
    {
        var a = action.Trim().ToUpperInvariant();
        return a switch
        {
            "BUY" or "REINVEST SHARES" => TransactionType.Buy,
            "SELL" => TransactionType.Sell,
            // Share-only events whose names contain DIV or TRANSFER: Stock Div Dist (a stock dividend), Spin-off…
            _ when a.Contains("STOCK DIV", StringComparison.Ordinal) || a.Contains("SPLIT", StringComparison.Ordinal)
                || a.Contains("SPIN", StringComparison.Ordinal) || a.Contains("MERGER", StringComparison.Ordinal) => null,
            _ when a.Contains("MARGIN INTEREST", StringComparison.Ordinal) || a.Contains("FEE", StringComparison.Ordinal)
                || a.Contains("FOREIGN TAX", StringComparison.Ordinal) => TransactionType.Fee,
            _ when a.Contains("INTEREST", StringComparison.Ordinal) => TransactionType.Interest,
            _ when a.Contains("DIV", StringComparison.Ordinal) || a.Contains("CAP GAIN", StringComparison.Ordinal) => TransactionType.Dividend,
            _ when !hasSymbol && (a.Contains("MONEYLINK", StringComparison.Ordinal) || a.Contains("WIRE", StringComparison.Ordinal)
                || a.Contains("JOURNAL", StringComparison.Ordinal) || a.Contains("FUNDS", StringComparison.Ordinal)
                || a.Contains("DEPOSIT", StringComparison.Ordinal) || a.Contains("TRANSFER", StringComparison.Ordinal)) =>
                signedAmount >= 0m ? TransactionType.Deposit : TransactionType.Withdrawal,
            _ => null,
        };
    }

    /// <summary>"MM/dd/yyyy" or "MM/dd/yyyy as of MM/dd/yyyy": the first is when Schwab posted it, the "as of" date when it took effect.</summary>
    private static (DateOnly Posted, DateOnly Trade) ParseDates(RowCells cells, string text)
    {
        var parts = text.Split(" as of ", StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2 && TryUsDate(parts[0], out var posted))
        {
            if (parts.Length == 1)
            {
                return (posted, posted);
            }

            if (TryUsDate(parts[1], out var asOf))
            {
                return (posted, asOf <= posted ? asOf : posted);
            }
        }

        cells.Fail("Date", $"'{text}' is not a Schwab date (MM/dd/yyyy, optionally 'as of MM/dd/yyyy').");
        return default;
    }

    private static bool TryUsDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["MM/dd/yyyy", "M/d/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && ValidDates.Contains(date);
}
