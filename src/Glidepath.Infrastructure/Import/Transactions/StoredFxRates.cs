using Glidepath.Domain.Currencies;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// The rate for a row in a currency other than the account's when the file gives none: the stored
/// close of the trade date or the last one before it within <see cref="MaxAge"/> days, the household's
/// own rate winning over the shared one, direct or inverted. Read once per currency pair.
/// </summary>
internal sealed class StoredFxRates(GlidepathDbContext db, Guid householdId)
{
    public const int MaxAge = 7;

    private readonly Dictionary<(Currency, Currency), SortedList<DateOnly, decimal>> _pairs = [];

    /// <summary>Units of <paramref name="to"/> per unit of <paramref name="from"/> on <paramref name="date"/>, or null.</summary>
    public async ValueTask<decimal?> RateAsync(Currency from, Currency to, DateOnly date, CancellationToken cancellationToken)
    {
        if (!_pairs.TryGetValue((from, to), out var rates))
        {
            rates = _pairs[(from, to)] = await LoadAsync(from, to, cancellationToken);
        }

        for (var i = rates.Count - 1; i >= 0; i--)
        {
            var day = rates.Keys[i];
            if (day <= date)
            {
                return date.DayNumber - day.DayNumber <= MaxAge ? rates.Values[i] : null;
            }
        }

        return null;
    }

    private async Task<SortedList<DateOnly, decimal>> LoadAsync(Currency from, Currency to, CancellationToken cancellationToken)
    {
        var shared = await db.FxRates.AsNoTracking()
            .Where(r => (r.Base == from && r.Quote == to) || (r.Base == to && r.Quote == from)).ToListAsync(cancellationToken);
        var own = await db.HouseholdFxRates.AsNoTracking()
            .Where(r => r.HouseholdId == householdId && ((r.Base == from && r.Quote == to) || (r.Base == to && r.Quote == from))).ToListAsync(cancellationToken);
        var result = new SortedList<DateOnly, decimal>();
        foreach (var r in shared.Concat(own.Select(o => o.ToFxRate())))
        {
            // Later entries (the household's) overwrite the shared rate of the same day.
            result[r.Date] = r.Base == from ? r.Rate : 1m / r.Rate;
        }

        return result;
    }
}
