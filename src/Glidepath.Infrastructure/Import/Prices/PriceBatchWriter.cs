using Glidepath.Domain.Pricing;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Import.Prices;

/// <summary>
/// Upserts closes per (instrument, date) in batches: an equal stored close is left alone (a
/// re-import writes nothing), a different one is replaced, a new one inserted. Each batch is one
/// lookup query and one bulk insert.
/// </summary>
internal sealed class PriceBatchWriter(GlidepathDbContext db, int batchSize)
{
    private readonly List<PriceClose> _batch = new(batchSize);

    public int Written => Added + Corrected;

    /// <summary>Closes for days that had none.</summary>
    public int Added { get; private set; }

    /// <summary>Stored closes replaced by a different value.</summary>
    public int Corrected { get; private set; }

    public int Unchanged { get; private set; }

    public async Task AddAsync(PriceClose price, CancellationToken cancellationToken)
    {
        _batch.Add(price);
        if (_batch.Count >= batchSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
        {
            return;
        }

        var instruments = _batch.Select(p => p.InstrumentId).Distinct().ToList();
        var dates = _batch.Select(p => p.Date).Distinct().ToList();
        var stored = (await db.Prices.AsNoTracking()
                .Where(p => instruments.Contains(p.InstrumentId) && dates.Contains(p.Date))
                .ToListAsync(cancellationToken))
            .ToDictionary(p => (p.InstrumentId, p.Date), p => p.Close);

        var changed = new List<PriceClose>();
        var fresh = new List<PriceClose>();
        foreach (var price in _batch)
        {
            if (!stored.TryGetValue((price.InstrumentId, price.Date), out var close))
            {
                fresh.Add(price);
            }
            else if (close == price.Close)
            {
                Unchanged++;
            }
            else
            {
                changed.Add(price);
            }
        }

        // Replacing a changed close is delete + insert: PriceClose is an immutable record.
        foreach (var group in changed.GroupBy(p => p.InstrumentId))
        {
            var changedDates = group.Select(p => p.Date).ToList();
            await db.Prices.Where(p => p.InstrumentId == group.Key && changedDates.Contains(p.Date)).ExecuteDeleteAsync(cancellationToken);
        }

        await BulkInsert.InsertAsync(db, fresh.Concat(changed), cancellationToken);
        Added += fresh.Count;
        Corrected += changed.Count;
        _batch.Clear();
    }
}
