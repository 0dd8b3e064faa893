using CsvHelper;
using Glidepath.Domain.Currencies;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>Reads the cells of one record by column name, collecting an error per bad cell instead of stopping at the first.</summary>
internal sealed class RowCells(CsvReader reader, IReadOnlyDictionary<string, int> header)
{
    public int Row { get; } = CsvCells.Row(reader);

    public List<ImportError> Errors { get; } = [];

    public string Text(string column) => CsvCells.Cell(reader, header.TryGetValue(column, out var i) ? i : null);

    public string? OptionalText(string column) => Text(column) is { Length: > 0 } text ? text : null;

    public void Fail(string column, string reason) => Errors.Add(new ImportError(Row, column, reason));

    public DateOnly IsoDate(string column, DateOnly? fallback = null)
    {
        var text = Text(column);
        if (text.Length == 0 && fallback is { } value)
        {
            return value;
        }

        if (CsvCells.TryParseIsoDate(text, out var date))
        {
            return date;
        }

        Fail(column, text.Length == 0 ? "A date is required." : $"'{text}' is not an ISO date (yyyy-MM-dd) {Glidepath.Domain.Calendar.ValidDates.Description}.");
        return default;
    }

    public decimal Decimal(string column, decimal fallback = 0m)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return fallback;
        }

        if (CsvCells.TryParseDecimal(text, out var value))
        {
            return value;
        }

        Fail(column, $"'{text}' is not a number (invariant culture: '.' decimal point, no thousands separators).");
        return fallback;
    }

    public Currency? OptionalCurrency(string column)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (Currency.TryParse(text, out var currency))
        {
            return currency;
        }

        Fail(column, $"'{text}' is not a supported ISO-4217 currency code.");
        return null;
    }
}
