using System.Globalization;
using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>A CSV read through a user's <see cref="ColumnMapping"/>: never detected, always chosen.</summary>
internal sealed class MappedCsvLayout(ColumnMapping mapping) : CsvStatementLayout
{
    public override string Name => "mapping";

    protected override int MaxLinesBeforeHeader => 5;

    protected override string[] HeaderColumns => mapping.Columns;

    public override bool Detect(FileHead head) => false;

    protected override RowParse Parse(RowCells cells)
    {
        var date = cells.Date(mapping.Date, [mapping.DateFormat], dropTime: mapping.DateFormat.IndexOf(' ', StringComparison.Ordinal) < 0);
        var word = cells.Text(mapping.Action);
        var quantity = Math.Abs(Number(cells, mapping.Quantity));
        var price = Math.Abs(Number(cells, mapping.Price));
        var amount = Math.Abs(Number(cells, mapping.Amount));
        var fees = Math.Abs(Number(cells, mapping.Fees));
        var currency = mapping.Currency is { } c ? cells.OptionalCurrency(c) : null;
        if (cells.Errors.Count > 0)
        {
            return RowParse.Failed(cells.Errors);
        }

        var type = mapping.Actions.FirstOrDefault(a => string.Equals(a.Key.Trim(), word, StringComparison.OrdinalIgnoreCase));
        if (type.Key is null)
        {
            return RowParse.NotMapped(cells.Row, word, "an action word the mapping does not map.");
        }

        var symbol = mapping.Symbol is { } s ? cells.Text(s) : "";
        var isin = mapping.Isin is { } i && cells.Text(i) is { Length: > 0 } text ? text : null;
        var trade = type.Value is TransactionType.Buy or TransactionType.Sell;
        // A trade without a price column: the unit price from the amount (the cash that moved).
        if (trade && price == 0m && amount > 0m && quantity > 0m)
        {
            price = (type.Value is TransactionType.Buy ? amount - fees : amount + fees) / quantity;
        }

        return RowParse.Of(new ImportedRow(
            cells.Row, type.Value, date, date, symbol, symbol, quantity, price, trade ? fees : 0m,
            trade ? 0m : type.Value is TransactionType.Fee && amount == 0m ? fees : amount, currency, null, 0m, 0m, word, null, isin));
    }

    public override string ColumnFor(string property) => property switch
    {
        nameof(Transaction.TradeDate) or nameof(Transaction.SettlementDate) => mapping.Date,
        nameof(Transaction.Type) => mapping.Action,
        nameof(Transaction.InstrumentId) => mapping.Isin ?? mapping.Symbol ?? "Symbol",
        nameof(Transaction.Quantity) => mapping.Quantity ?? property,
        nameof(Transaction.Price) => mapping.Price ?? property,
        nameof(Transaction.Amount) => mapping.Amount ?? property,
        nameof(Transaction.Fees) => mapping.Fees ?? property,
        nameof(Transaction.Currency) => mapping.Currency ?? property,
        _ => property,
    };

    private decimal Number(RowCells cells, string? column)
    {
        if (column is null)
        {
            return 0m;
        }

        if (mapping.DecimalSeparator == '.')
        {
            return cells.Money(column);
        }

        // 1.234,56: thousands '.', decimals ',' (spaces as thousands too).
        var text = cells.Text(column).Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        if (RowCells.TryParseMoney(text, out var value))
        {
            return value;
        }

        cells.Fail(column, $"'{cells.Text(column)}' is not a number with ',' as the decimal separator.");
        return 0m;
    }
}
