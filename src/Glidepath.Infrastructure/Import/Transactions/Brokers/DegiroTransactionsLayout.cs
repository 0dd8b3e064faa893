using CsvHelper;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions.Brokers;

/// <summary>
/// DEGIRO Transactions.csv (trades only), German or English headers of the older layout: Datum/Date,
/// Produkt/Product, ISIN, Anzahl/Quantity (negative: a sale), Kurs/Price, each value followed by an
/// unnamed currency column, Wechselkurs/Exchange rate (units of the trade's currency per euro… as
/// DEGIRO writes it, used only when it is there), Transaktionskost/Transaction costs and Order-ID. Dates
/// dd-MM-yyyy. The Order ID is the de-duplication key. DEGIRO's Account.csv (cash statement) is not this layout.
/// </summary>
internal sealed class DegiroTransactionsLayout : IBrokerStatementLayout
{
    private static readonly string[] DateFormats = ["dd-MM-yyyy", "d-M-yyyy"];
    private static readonly string[][] Headers = [["Datum", "Produkt", "ISIN", "Anzahl", "Kurs"], ["Date", "Product", "ISIN", "Quantity", "Price"]];

    public string Name => "degiro-transactions";

    public bool Detect(FileHead head) => Headers.Any(h => head.HasHeader(1, h));

    public async IAsyncEnumerable<RowParse> ReadAsync(Stream file, ImportErrors errors, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = CsvCells.Open(file, errors);
        if (!await reader.ReadAsync(cancellationToken))
        {
            yield break;
        }

        var names = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)?.Trim() ?? "").ToList();
        var german = names.Contains("Datum");
        int Col(string de, string en) => names.FindIndex(n => n.StartsWith(german ? de : en, StringComparison.OrdinalIgnoreCase));
        var (date, product, isin, quantity, price, costs, order) =
            (Col("Datum", "Date"), Col("Produkt", "Product"), Col("ISIN", "ISIN"), Col("Anzahl", "Quantity"), Col("Kurs", "Price"), Col("Transaktionsk", "Transaction"), Col("Order", "Order"));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return RowParse.Guard(CsvCells.Row(reader), () => Parse(reader, date, product, isin, quantity, price, costs, order));
        }
    }

    private static RowParse Parse(CsvReader reader, int date, int product, int isin, int quantity, int price, int costs, int order)
    {
        var row = CsvCells.Row(reader);
        var errors = new List<ImportError>();
        string Cell(int i) => i < 0 ? "" : CsvCells.Cell(reader, i).Trim();
        decimal Number(int i, string name)
        {
            if (RowCells.TryParseMoney(Cell(i), out var value))
            {
                return value;
            }

            errors.Add(new ImportError(row, name, $"'{Cell(i)}' is not a number."));
            return 0m;
        }

        Currency? CurrencyAfter(int i, string name)
        {
            if (Cell(i + 1).Length == 0)
            {
                return null;
            }

            if (Currency.TryParse(Cell(i + 1), out var c))
            {
                return c;
            }

            errors.Add(new ImportError(row, name, $"'{Cell(i + 1)}' is not a supported ISO-4217 currency code."));
            return null;
        }

        if (Enumerable.Range(0, reader.FieldCount).All(i => Cell(i).Length == 0))
        {
            return RowParse.Ignored;
        }

        if (!DateOnly.TryParseExact(Cell(date), DateFormats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            || !Domain.Calendar.ValidDates.Contains(day))
        {
            errors.Add(new ImportError(row, "Datum", $"'{Cell(date)}' is not a date (dd-MM-yyyy)."));
        }

        var units = Number(quantity, "Anzahl");
        var unitPrice = Number(price, "Kurs");
        var currency = CurrencyAfter(price, "Kurs");
        var fee = Math.Abs(Number(costs, "Transaktionskost"));
        var feeCurrency = CurrencyAfter(costs, "Transaktionskost");
        if (errors.Count > 0)
        {
            return RowParse.Failed(errors);
        }

        if (units == 0m)
        {
            return RowParse.NotMapped(row, Cell(product), "a row without units.");
        }

        var id = Cell(order) is { Length: > 0 } o ? "degiro:" + o : null;
        var trade = new ImportedRow(
            row, units > 0 ? TransactionType.Buy : TransactionType.Sell, day, day, "", Cell(product), Math.Abs(units), unitPrice,
            feeCurrency is null || feeCurrency == currency ? fee : 0m, 0m, currency, null, 0m, 0m, Cell(product), id, Cell(isin));
        return feeCurrency is null || feeCurrency == currency || fee == 0m
            ? RowParse.Of(trade)
            : RowParse.Of(trade, new ImportedRow(row, TransactionType.Fee, day, day, "", "", 0m, 0m, 0m, fee, feeCurrency, null, 0m, 0m, "Transaction costs", id + ":costs"));
    }

    public string ColumnFor(string property) => property switch
    {
        nameof(Transaction.TradeDate) => "Datum",
        nameof(Transaction.InstrumentId) => "ISIN",
        nameof(Transaction.Quantity) => "Anzahl",
        _ => property,
    };
}
