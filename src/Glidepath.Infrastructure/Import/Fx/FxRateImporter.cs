using System.Text.RegularExpressions;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Pricing;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Import.Fx;

/// <summary>
/// Imports FX rates from <c>Date,Base,Quote,Rate</c> (header names in any order and case): Rate
/// units of Quote per unit of Base at the day's close. Into the shared table when no household is
/// given (an operator's or admin's reference data), else into that household's own rates, which
/// win over the shared ones for it alone. Upserts per pair and date in one transaction; any bad row
/// rejects the file unless <see cref="ImportOptions.SkipInvalid"/>. A row in a well-formed currency
/// code that Glidepath does not support (an ECB file's HRK) is skipped and listed, never an error:
/// no account can hold that currency, so the rate could not be used.
/// </summary>
public sealed partial class FxRateImporter(GlidepathDbContext db)
{
    public const string Layout = "fx";

    private static readonly string[] Columns = ["Date", "Base", "Quote", "Rate"];

    public async Task<ImportResult> ImportAsync(Stream csv, Guid? householdId = null, ImportOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        options ??= new ImportOptions();
        var errors = new ImportErrors(options.MaxErrors);
        var unsupported = new List<ImportError>();
        var rates = new Dictionary<(Currency Base, Currency Quote, DateOnly Date), decimal>();
        await using (var reader = CsvCells.Open(csv, errors))
        {
            if (!await reader.ReadAsync(ct))
            {
                return ImportResult.Reject(Layout, [new ImportError(1, null, "The file is empty.")]);
            }

            var header = CsvCells.IndexHeader(reader);
            if (Columns.FirstOrDefault(c => !header.ContainsKey(c)) is { } missing)
            {
                return ImportResult.Reject(Layout, [new ImportError(1, missing, $"No {missing} column. Expected the header Date,Base,Quote,Rate.")]);
            }

            while (await reader.ReadAsync(ct))
            {
                var row = CsvCells.Row(reader);
                var parsed = ParseRow(row, [.. Columns.Select(c => CsvCells.Cell(reader, header[c]))]);
                if (parsed.Error is { } error)
                {
                    (parsed.Unsupported ? unsupported : null)?.Add(error);
                    if (!parsed.Unsupported)
                    {
                        errors.Add(error);
                    }
                }
                else if (!rates.TryAdd(parsed.Key, parsed.Rate))
                {
                    errors.Add(new ImportError(row, null, $"{parsed.Key.Base}/{parsed.Key.Quote} on {parsed.Key.Date:yyyy-MM-dd} appears twice in the file."));
                }
            }
        }

        if (errors.Count > 0 && !options.SkipInvalid)
        {
            return ImportResult.Reject(Layout, errors.ToList());
        }

        var (written, unchanged) = householdId is { } household
            ? await WriteHouseholdAsync(household, rates, ct)
            : await WriteSharedAsync(rates, ct);
        return new ImportResult(Layout, written, unchanged, [.. errors.ToList(), .. unsupported], [], Rejected: false);
    }

    /// <summary>One row's rate, or its error; <c>Unsupported</c>: a valid code Glidepath has no use for (skipped, not refused).</summary>
    private static ParsedRow ParseRow(int row, string[] cells)
    {
        var (date, baseCode, quoteCode, rateText) = (cells[0], cells[1], cells[2], cells[3]);
        if (!CsvCells.TryParseIsoDate(date, out var day))
        {
            return ParsedRow.Failed(new ImportError(row, "Date", $"'{date}' is not an ISO date (yyyy-MM-dd)."));
        }

        foreach (var (code, column) in new[] { (baseCode, "Base"), (quoteCode, "Quote") })
        {
            if (!Currency.TryParse(code, out _))
            {
                return IsoCode().IsMatch(code)
                    ? ParsedRow.Failed(new ImportError(row, column, $"skipped: {code.ToUpperInvariant()} is not a currency Glidepath supports."), unsupported: true)
                    : ParsedRow.Failed(new ImportError(row, column, $"'{code}' is not a three-letter ISO-4217 currency code."));
            }
        }

        var (from, to) = (Currency.Of(baseCode), Currency.Of(quoteCode));
        if (from == to)
        {
            return ParsedRow.Failed(new ImportError(row, "Quote", $"{from} to {to} is always 1; a rate needs two different currencies."));
        }

        return CsvCells.TryParseDecimal(rateText, out var rate) && rate > 0m
            ? new ParsedRow((from, to, day), rate, null, false)
            : ParsedRow.Failed(new ImportError(row, "Rate", $"'{rateText}' is not a positive number."));
    }

    private readonly record struct ParsedRow((Currency Base, Currency Quote, DateOnly Date) Key, decimal Rate, ImportError? Error, bool Unsupported)
    {
        public static ParsedRow Failed(ImportError error, bool unsupported = false) => new(default, 0m, error, unsupported);
    }

    internal async Task<(int Written, int Unchanged)> WriteSharedAsync(Dictionary<(Currency Base, Currency Quote, DateOnly Date), decimal> rates, CancellationToken ct)
    {
        var pairs = rates.Keys.Select(k => k.Base.Code + k.Quote.Code).ToHashSet(StringComparer.Ordinal);
        var existing = rates.Count == 0 ? [] : await db.FxRates.Where(RangeOf(rates)).ToListAsync(ct);
        return await UpsertAsync(
            rates,
            existing.Where(r => pairs.Contains(r.Base.Code + r.Quote.Code)).ToDictionary(r => (r.Base, r.Quote, r.Date)),
            key => new FxRate(key.Base, key.Quote, key.Date, rates[key]),
            ct);
    }

    private async Task<(int Written, int Unchanged)> WriteHouseholdAsync(Guid householdId, Dictionary<(Currency Base, Currency Quote, DateOnly Date), decimal> rates, CancellationToken ct)
    {
        var existing = await db.HouseholdFxRates.Where(r => r.HouseholdId == householdId).ToListAsync(ct);
        return await UpsertAsync(
            rates,
            existing.ToDictionary(r => (r.Base, r.Quote, r.Date)),
            key => new HouseholdFxRate(householdId, key.Base, key.Quote, key.Date, rates[key]),
            ct);
    }

    /// <summary>Adds new rates, changes the ones whose value differs, counts the equal ones as unchanged; one transaction.</summary>
    private async Task<(int Written, int Unchanged)> UpsertAsync<T>(
        Dictionary<(Currency Base, Currency Quote, DateOnly Date), decimal> rates,
        Dictionary<(Currency Base, Currency Quote, DateOnly Date), T> existing,
        Func<(Currency Base, Currency Quote, DateOnly Date), T> create,
        CancellationToken ct)
        where T : class
    {
        int written = 0, unchanged = 0;
        try
        {
            foreach (var (key, rate) in rates)
            {
                if (!existing.TryGetValue(key, out var stored))
                {
                    db.Add(create(key));
                    written++;
                }
                else if ((decimal)db.Entry(stored).Property("Rate").CurrentValue! != rate)
                {
                    db.Entry(stored).Property("Rate").CurrentValue = rate;
                    written++;
                }
                else
                {
                    unchanged++;
                }
            }

            await db.SaveChangesAsync(ct);
            return (written, unchanged);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The shared table can be large: load only the file's date range.</summary>
    private static System.Linq.Expressions.Expression<Func<FxRate, bool>> RangeOf(Dictionary<(Currency Base, Currency Quote, DateOnly Date), decimal> rates)
    {
        var first = rates.Keys.Min(k => k.Date);
        var last = rates.Keys.Max(k => k.Date);
        return r => r.Date >= first && r.Date <= last;
    }

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex IsoCode();
}
