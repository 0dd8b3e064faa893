using System.Globalization;
using CsvHelper;
using Glidepath.Domain.Calendar;
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

    /// <summary>A date in one of the broker's <paramref name="formats"/> (invariant culture); any time of day after a space is dropped when <paramref name="dropTime"/>.</summary>
    public DateOnly Date(string column, string[] formats, bool dropTime = false)
    {
        var text = Text(column);
        var datePart = dropTime && text.IndexOfAny([' ', 'T', ';']) is var cut and > 0 ? text[..cut] : text;
        if (DateOnly.TryParseExact(datePart, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && ValidDates.Contains(date))
        {
            return date;
        }

        Fail(column, text.Length == 0 ? "A date is required." : $"'{text}' is not a date ({string.Join(" or ", formats)}) {ValidDates.Description}.");
        return default;
    }

    /// <summary>
    /// A broker's money or quantity cell: "1,234.56", "-$1,234.56", "($1.00)", "£7.50", "+0.08" or empty (zero).
    /// Thousands separators are commas; the sign comes from '-' or parentheses.
    /// </summary>
    public decimal Money(string column)
    {
        var text = Text(column);
        if (TryParseMoney(text, out var value))
        {
            return value;
        }

        Fail(column, $"'{text}' is not an amount (e.g. 1,234.56, -$1,234.56 or ($1.00)).");
        return 0m;
    }

    public static bool TryParseMoney(string text, out decimal value)
    {
        var t = text.Trim();
        var negative = t.StartsWith('-') || (t.StartsWith('(') && t.EndsWith(')'));
        var digits = t.Trim('-', '+', '(', ')', ' ').TrimStart('$', '£', '€').Trim();
        if (digits.Length == 0 || digits == "--")
        {
            value = 0m;
            return true;
        }

        if (decimal.TryParse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            value = negative ? -value : value;
            return true;
        }

        return false;
    }
}
