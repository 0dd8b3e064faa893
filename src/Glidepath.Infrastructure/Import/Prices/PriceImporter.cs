using System.Globalization;
using CsvHelper;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Pricing;
using Glidepath.Infrastructure.Observability;
using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Infrastructure.Import.Prices;

/// <summary>
/// Imports daily closes in ONE database transaction, upserting per instrument and date. Two
/// layouts, detected from the header (docs/import.md):
/// <list type="bullet">
/// <item>"daily": <c>Date,Open,High,Low,Close,Adj Close,Volume</c> (any order, Adj Close optional) for
/// the one instrument named by the caller; Close is stored, not Adj Close, because the ledger books
/// splits and dividends itself.</item>
/// <item>"wide": <c>Date,&lt;SYMBOL&gt;,&lt;SYMBOL&gt;…</c> closes; an empty cell is a day without a price.</item>
/// </list>
/// Dates are ISO and strictly ascending or strictly descending (which also catches a repeated day).
/// Any error rejects the file and writes nothing, unless <see cref="ImportOptions.SkipInvalid"/>.
/// With <see cref="ImportOptions.HouseholdId"/> the closes go to that household's private instruments
/// only (a shared symbol is an error); without, to the shared instruments (operators only).
/// </summary>
public sealed class PriceImporter(GlidepathDbContext db)
{
    public async Task<ImportResult> ImportAsync(Stream csv, string? symbol = null, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await ImportCoreAsync(csv, symbol, options, cancellationToken);
        GlidepathMetrics.ImportFinished("prices", result.Rejected ? "rejected" : result.Errors.Count > 0 ? "partial" : "imported", result.Imported);
        return result;
    }

    private async Task<ImportResult> ImportCoreAsync(Stream csv, string? symbol, ImportOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        options ??= new ImportOptions();
        var errors = new ImportErrors(options.MaxErrors);
        await using var reader = CsvCells.Open(csv, errors);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return ImportResult.Reject("unknown", [new ImportError(1, null, "The file is empty.")]);
        }

        var header = CsvCells.IndexHeader(reader);
        var (layout, columns, headerError) = PriceLayouts.Columns(reader, header, symbol);
        if (headerError is not null)
        {
            return ImportResult.Reject(layout, [headerError]);
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var instruments = new InstrumentResolver(db, options, writesPrices: true);
            await instruments.PreloadAsync(columns.Select(c => c.Symbol).ToList(), Currency.Usd, cancellationToken);
            var targets = new List<(int Index, string Column, Guid InstrumentId)>();
            foreach (var (index, column, columnSymbol) in columns)
            {
                var (id, error) = await instruments.ResolveAsync(columnSymbol, "", Currency.Usd, cancellationToken);
                if (id is { } instrumentId)
                {
                    targets.Add((index, column, instrumentId));
                }
                else
                {
                    errors.Add(new ImportError(1, column, error!));
                }
            }

            await instruments.SaveCreatedAsync(cancellationToken);
            var writer = new PriceBatchWriter(db, options.BatchSize);
            var order = new DateOrder();
            var dateColumn = header["Date"];
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = CsvCells.Row(reader);
                var dateText = CsvCells.Cell(reader, dateColumn);
                if (!CsvCells.TryParseIsoDate(dateText, out var date))
                {
                    errors.Add(new ImportError(row, "Date", $"'{dateText}' is not an ISO date (yyyy-MM-dd) {Glidepath.Domain.Calendar.ValidDates.Description}."));
                    continue;
                }

                if (order.Refuse(date) is { } orderError)
                {
                    errors.Add(new ImportError(row, "Date", orderError));
                    continue;
                }

                foreach (var (index, column, instrumentId) in targets)
                {
                    if (ParseClose(CsvCells.Cell(reader, index), out var close) is { } cellError)
                    {
                        errors.Add(new ImportError(row, column, cellError));
                    }
                    else if (close is { } value && (options.SkipInvalid || errors.Count == 0))
                    {
                        await writer.AddAsync(new PriceClose(instrumentId, date, value), cancellationToken);
                    }
                }
            }

            await writer.FlushAsync(cancellationToken);
            if (errors.Count > 0 && !options.SkipInvalid)
            {
                await transaction.RollbackAsync(cancellationToken);
                return ImportResult.Reject(layout, errors.ToList());
            }

            await transaction.CommitAsync(cancellationToken);
            return new ImportResult(layout, writer.Written, writer.Unchanged, errors.ToList(), instruments.Created, Rejected: false);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Null close: an empty cell (or Yahoo's "null"), i.e. no price that day.</summary>
    internal static string? ParseClose(string text, out decimal? close)
    {
        close = null;
        if (text.Length == 0 || text.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return $"'{text}' is not a number.";
        }

        if (value <= 0m)
        {
            return $"A close must be positive, not {text}.";
        }

        if (value > Magnitudes.Max)
        {
            return $"A close {Magnitudes.TooLarge(Magnitudes.Max)}";
        }

        close = value;
        return null;
    }

    /// <summary>Dates must run one way, strictly: a repeated or out-of-place day is an error, checked in constant memory.</summary>
    internal sealed class DateOrder
    {
        private DateOnly? _last;
        private int _direction;

        public string? Refuse(DateOnly date)
        {
            if (_last is not { } last)
            {
                _last = date;
                return null;
            }

            var step = date.CompareTo(last);
            if (step == 0 || (_direction != 0 && Math.Sign(step) != _direction))
            {
                return $"{date:yyyy-MM-dd} repeats or is out of order after {last:yyyy-MM-dd}; dates must strictly ascend or descend.";
            }

            _direction = Math.Sign(step);
            _last = date;
            return null;
        }
    }
}

/// <summary>Which columns of a price file hold closes, and for which symbols.</summary>
internal static class PriceLayouts
{
    public static (string Layout, List<(int Index, string Column, string Symbol)> Columns, ImportError? Error) Columns(
        CsvReader reader, Dictionary<string, int> header, string? symbol)
    {
        if (!header.TryGetValue("Date", out var dateIndex))
        {
            return ("unknown", [], new ImportError(1, null, "No Date column. Expected Date,Open,High,Low,Close,Adj Close,Volume or Date,<SYMBOL>,<SYMBOL>…"));
        }

        if (header.TryGetValue("Close", out var closeIndex))
        {
            return string.IsNullOrWhiteSpace(symbol)
                ? ("daily", [], new ImportError(1, "Close", "A daily OHLCV file holds one instrument: give its symbol."))
                : ("daily", [(closeIndex, "Close", symbol.Trim())], null);
        }

        var columns = new List<(int, string, string)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = CsvCells.Cell(reader, i).Trim();
            if (i == dateIndex)
            {
                continue;
            }

            if (name.Length == 0 || !seen.Add(name))
            {
                return ("wide", [], new ImportError(1, name, $"Column {i + 1} needs a symbol of its own."));
            }

            columns.Add((i, name, name));
        }

        return ("wide", columns, null);
    }
}
