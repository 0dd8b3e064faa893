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
internal sealed class SchwabTransactionLayout : ITransactionLayout
{
    public const string FeesColumn = "Fees & Comm";

    public string Name => "schwab";

    public bool Matches(IReadOnlyDictionary<string, int> header) =>
        header.ContainsKey("Date") && header.ContainsKey("Action") && header.ContainsKey(FeesColumn) && header.ContainsKey("Amount");

    public RowParse Parse(CsvReader reader, IReadOnlyDictionary<string, int> header)
    {
        var cells = new RowCells(reader, header);
        var dateText = cells.Text("Date");
        if (dateText.StartsWith("Transactions Total", StringComparison.OrdinalIgnoreCase))
        {
            return RowParse.Ignored;
        }

        var (posted, tradeDate) = ParseDates(cells, dateText);
        var symbol = cells.Text("Symbol");
        var amount = Money(cells, "Amount");
        var type = MapAction(cells.Text("Action"), amount, hasSymbol: symbol.Length > 0);
        if (type is null)
        {
            cells.Fail("Action", $"Schwab action '{cells.Text("Action")}' is not imported (options, unit transfers and splits are entered by hand).");
        }

        var isTrade = type is TransactionType.Buy or TransactionType.Sell;
        var row = new ImportedRow(
            cells.Row, type ?? default, tradeDate, posted,
            Symbol: isTrade || type is TransactionType.Dividend ? symbol : "",
            Description: cells.Text("Description"),
            Quantity: isTrade ? Math.Abs(Money(cells, "Quantity")) : 0m,
            Price: isTrade ? Math.Abs(Money(cells, "Price")) : 0m,
            Fees: isTrade ? Math.Abs(Money(cells, FeesColumn)) : 0m,
            Amount: isTrade ? 0m : Math.Abs(amount),
            Currency: Currency.Usd, FxRate: 1m, SplitNumerator: 0m, SplitDenominator: 0m,
            Memo: cells.OptionalText("Description"), ExternalId: null);
        return cells.Errors.Count > 0 ? new RowParse(null, cells.Errors) : new RowParse(row, []);
    }

    public string ColumnFor(string property) => property switch
    {
        nameof(Transaction.TradeDate) or nameof(Transaction.SettlementDate) => "Date",
        nameof(Transaction.InstrumentId) => "Symbol",
        nameof(Transaction.Fees) => FeesColumn,
        nameof(Transaction.Type) => "Action",
        nameof(Transaction.Memo) => "Description",
        _ => property,
    };

    /// <summary>Cash actions by keyword; anything else (options, share journals, splits, mergers) is refused, not guessed.</summary>
    internal static TransactionType? MapAction(string action, decimal signedAmount, bool hasSymbol)
    {
        var a = action.Trim().ToUpperInvariant();
        return a switch
        {
            "BUY" or "REINVEST SHARES" => TransactionType.Buy,
            "SELL" => TransactionType.Sell,
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

    /// <summary>"$1,234.56", "-$1,234.56", "($1.00)", "1,000" or empty (zero).</summary>
    private static decimal Money(RowCells cells, string column)
    {
        var text = cells.Text(column);
        var negative = text.StartsWith('-') || (text.StartsWith('(') && text.EndsWith(')'));
        var digits = text.Trim('-', '(', ')', ' ').Replace("$", "", StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            return 0m;
        }

        if (decimal.TryParse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return negative ? -value : value;
        }

        cells.Fail(column, $"'{text}' is not a dollar amount.");
        return 0m;
    }
}
