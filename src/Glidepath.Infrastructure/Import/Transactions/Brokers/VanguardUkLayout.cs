using System.Text.RegularExpressions;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions.Brokers;

/// <summary>
/// Vanguard UK Investor account report as CSV: a "Cash Transactions" section (Date, Details, Amount,
/// Balance) and an "Investment Transactions" section (Date, InvestmentName, TransactionDetails,
/// Quantity, Price, Cost), dates dd/MM/yyyy, pounds. Trades are booked from the investment section
/// (units, price, cost); their cash rows ("Bought …", "Sold …") are the same trades and are not booked
/// twice. Deposits, withdrawals, dealing and account fees, interest and dividends ("DIV: VHYL.XLON.GB …")
/// come from the cash section. The symbol is the one in parentheses of the investment's name.
/// </summary>
internal sealed partial class VanguardUkLayout : IBrokerStatementLayout
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy"];

    public string Name => "vanguard-uk";

    public bool Detect(FileHead head) =>
        head.Records.Any(r => r.Length > 0 && r[0] is "Cash Transactions" or "Investment Transactions") && head.HasHeader(16, "Date", "Details", "Amount", "Balance");

    public async IAsyncEnumerable<RowParse> ReadAsync(Stream file, ImportErrors errors, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = CsvCells.Open(file, errors);
        Dictionary<string, int>? header = null;
        var investments = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            var first = CsvCells.Cell(reader, 0).Trim();
            if (first is "Cash Transactions" or "Investment Transactions")
            {
                investments = first == "Investment Transactions";
                header = null;
                continue;
            }

            if (first == "Date")
            {
                header = CsvCells.IndexHeader(reader);
                continue;
            }

            if (header is null || first.Length == 0 || !char.IsAsciiDigit(first[0]))
            {
                continue;   // the account line, blank lines, "Balance" and "Cost" totals
            }

            var cells = new RowCells(reader, header);
            yield return RowParse.Guard(cells.Row, () => investments ? Investment(cells) : Cash(cells));
        }
    }

    private static RowParse Investment(RowCells cells)
    {
        var date = cells.Date("Date", DateFormats);
        var name = cells.Text("InvestmentName");
        var quantity = cells.Money("Quantity");
        var price = cells.Money("Price");
        var cost = cells.Money("Cost");
        if (cells.Errors.Count > 0)
        {
            return RowParse.Failed(cells.Errors);
        }

        var sold = cells.Text("TransactionDetails").StartsWith("Sold", StringComparison.OrdinalIgnoreCase);
        var symbol = Symbol(name) ?? name;
        // Cost is what the cash section shows the trade took; the unit price is Vanguard's rounded one.
        return RowParse.Of(new ImportedRow(
            cells.Row, sold ? TransactionType.Sell : TransactionType.Buy, date, date, symbol, name, Math.Abs(quantity),
            quantity == 0m ? price : Math.Abs(cost) / Math.Abs(quantity), 0m, 0m, Currency.Of("GBP"), null, 0m, 0m, cells.OptionalText("TransactionDetails") ?? name, null));
    }

    private static RowParse Cash(RowCells cells)
    {
        var date = cells.Date("Date", DateFormats);
        var details = cells.Text("Details");
        var amount = cells.Money("Amount");
        if (cells.Errors.Count > 0)
        {
            return RowParse.Failed(cells.Errors);
        }

        var d = details.ToUpperInvariant();
        if (d.StartsWith("BOUGHT ", StringComparison.Ordinal) || d.StartsWith("SOLD ", StringComparison.Ordinal))
        {
            return RowParse.Ignored;   // booked from the investment section
        }

        var dividend = Dividend().Match(details);
        TransactionType? type = d switch
        {
            _ when dividend.Success && amount > 0 => TransactionType.Dividend,
            _ when d.Contains("FEE", StringComparison.Ordinal) && amount < 0 => TransactionType.Fee,
            _ when d.Contains("INTEREST", StringComparison.Ordinal) && amount > 0 => TransactionType.Interest,
            _ when d.StartsWith("DEPOSIT", StringComparison.Ordinal) && amount > 0 => TransactionType.Deposit,
            _ when d.StartsWith("WITHDRAWAL", StringComparison.Ordinal) && amount < 0 => TransactionType.Withdrawal,
            _ => null,
        };
        if (type is null)
        {
            return RowParse.NotMapped(cells.Row, details, "a cash entry this layout does not know.");
        }

        return RowParse.Of(new ImportedRow(
            cells.Row, type.Value, date, date, dividend.Success ? dividend.Groups[1].Value : "", "", 0m, 0m, 0m, Math.Abs(amount), Currency.Of("GBP"), null, 0m, 0m, details, null));
    }

    private static string? Symbol(string name) => Parenthesised().Match(name) is { Success: true } m ? m.Groups[1].Value : null;

    public string ColumnFor(string property) => property switch
    {
        nameof(Transaction.TradeDate) => "Date",
        nameof(Transaction.InstrumentId) => "InvestmentName",
        nameof(Transaction.Type) => "Details",
        _ => property,
    };

    [GeneratedRegex(@"\(([A-Z0-9.]{1,12})\)\s*$")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^DIV: ([A-Z0-9]+)\.")]
    private static partial Regex Dividend();
}
