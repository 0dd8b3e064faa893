using Glidepath.Domain.MarketData;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.MarketData;

/// <param name="Outcome"><c>added</c> (new or revised values stored), <c>unchanged</c> or <c>failed</c> (<paramref name="Reason"/> says why; nothing stored).</param>
public sealed record SeriesRefresh(string SeriesId, string Outcome, int Added, int Corrected, int Unchanged, DateOnly? FirstDay, DateOnly? LastDay, string? Reason);

public sealed record MacroRefreshReport(IReadOnlyList<SeriesRefresh> Series)
{
    public bool AnyFailed => Series.Any(s => s.Outcome == RefreshOutcomes.Failed);
}

/// <summary>
/// Fetches FRED series (default <see cref="MacroSeries.Defaults"/>) into <c>macro_observations</c>
/// (docs/market-data.md, "Economic series"). Each series is fetched whole, so FRED's revisions of
/// past values (CPI's seasonal factors are revised for five years back) are applied, and written in
/// its own transaction as an upsert per day: a re-run adds nothing, one series' failure is reported
/// and the rest go on.
/// </summary>
public sealed class MacroRefresh(GlidepathDbContext db, MarketDataProviders providers, ProviderHealth health, TimeProvider clock)
{
    /// <summary>FRED's earliest observation date, its own default start.</summary>
    private static readonly DateOnly FredStart = new(1776, 7, 4);

    public async Task<MacroRefreshReport> RefreshAsync(IReadOnlyList<string>? series = null, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var report = new List<SeriesRefresh>();
        foreach (var id in (series is { Count: > 0 } ? series : MacroSeries.Defaults).Select(s => s.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal))
        {
            report.Add(MacroSeries.IsValidId(id) ? await RefreshOneAsync(id, today, ct) : Failed(id, $"'{id}' is not a FRED series id (letters, digits and _, at most 32)."));
        }

        return new MacroRefreshReport(report);
    }

    private async Task<SeriesRefresh> RefreshOneAsync(string id, DateOnly today, CancellationToken ct)
    {
        IReadOnlyList<DailyClose> values;
        try
        {
            values = await providers.Fred().ObservationsAsync(id, FredStart, today, ct);
            health.Succeeded(FredSeriesProvider.ProviderName);
        }
        catch (Exception e) when (PriceRefresh.Reason(e) is { } reason)
        {
            health.Failed(FredSeriesProvider.ProviderName, reason);
            return Failed(id, reason);
        }

        var stored = await db.MacroObservations.AsNoTracking().Where(o => o.SeriesId == id).ToDictionaryAsync(o => o.Date, o => o.Value, ct);
        var added = values.Where(v => !stored.ContainsKey(v.Date)).Select(v => new MacroObservation(id, v.Date, v.Close)).ToList();
        var corrected = values.Where(v => stored.TryGetValue(v.Date, out var old) && old != v.Close).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var value in corrected)
            {
                await db.MacroObservations.Where(o => o.SeriesId == id && o.Date == value.Date)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Value, value.Close), ct);
            }

            db.MacroObservations.AddRange(added);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        var changed = added.Count + corrected.Count;
        return new SeriesRefresh(
            id,
            changed > 0 ? RefreshOutcomes.Added : RefreshOutcomes.Unchanged,
            added.Count,
            corrected.Count,
            values.Count - changed,
            values.Count == 0 ? null : values[0].Date,
            values.Count == 0 ? null : values[^1].Date,
            null);
    }

    private static SeriesRefresh Failed(string id, string reason) => new(id, RefreshOutcomes.Failed, 0, 0, 0, null, null, reason);
}
