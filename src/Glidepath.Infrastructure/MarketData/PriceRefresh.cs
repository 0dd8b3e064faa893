using Glidepath.Domain.Instruments;
using Glidepath.Domain.MarketData;
using Glidepath.Domain.Pricing;
using Glidepath.Infrastructure.Import.Prices;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>What a price refresh covers: every mapped shared instrument, or the named ones, or one provider's.</summary>
/// <param name="From">First day to ask for; default: <see cref="MarketDataOptions.CorrectionDays"/> before the last stored close, or <see cref="MarketDataOptions.BackfillYears"/> back.</param>
public sealed record PriceRefreshRequest(string? Provider = null, IReadOnlyList<string>? Symbols = null, DateOnly? From = null);

/// <param name="Outcome"><c>added</c> (new or corrected closes stored), <c>unchanged</c> or <c>failed</c> (<paramref name="Reason"/> says why).</param>
public sealed record SymbolRefresh(
    string Symbol, string? Provider, string? ProviderSymbol, string Outcome, int Added, int Corrected, int Unchanged, DateOnly? From, DateOnly? To, string? Reason);

public sealed record PriceRefreshReport(IReadOnlyList<SymbolRefresh> Symbols)
{
    public bool AnyFailed => Symbols.Any(s => s.Outcome == RefreshOutcomes.Failed);
}

public static class RefreshOutcomes
{
    public const string Added = "added";
    public const string Unchanged = "unchanged";
    public const string Failed = "failed";
}

/// <summary>
/// Fetches closes for the shared instruments from their providers and stores them
/// (docs/market-data.md, "Refresh"). Each symbol is fetched, checked and written on its own, in
/// its own transaction: one symbol's failure is reported and the rest go on. Writing is an upsert
/// per day (<see cref="PriceBatchWriter"/>), so a re-run adds nothing and a provider's correction
/// of a recent close replaces it. A window whose overlap with the stored closes differs by one
/// common factor (a split the provider adjusted for) is refused, not written.
/// </summary>
public sealed class PriceRefresh(GlidepathDbContext db, MarketDataProviders providers, ProviderHealth health, PriceUpdates updates, TimeProvider clock)
{
    /// <summary>Symbols fetched at once; their closes are written before the next group is fetched, so memory stays flat.</summary>
    private const int FetchGroup = 16;

    public async Task<PriceRefreshReport> RefreshAsync(PriceRefreshRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var report = new List<SymbolRefresh>();
        var work = new List<Work>();
        foreach (var (instrument, problem) in await SelectAsync(request, ct))
        {
            if (problem is not null)
            {
                report.Add(new SymbolRefresh(instrument.Symbol, null, null, RefreshOutcomes.Failed, 0, 0, 0, null, null, problem));
                continue;
            }

            var provider = request.Provider ?? providers.ProviderOf(instrument.PriceProvider, instrument.Exchange)!;
            work.Add(new Work(instrument, provider.ToLowerInvariant(), MarketDataProviders.SymbolAt(provider, instrument.ProviderSymbol, instrument.Symbol, instrument.Exchange)));
        }

        var lastStored = await LastClosesAsync([.. work.Select(w => w.Instrument.Id)], ct);
        foreach (var group in work.Chunk(FetchGroup))
        {
            var fetched = await Task.WhenAll(group.Select(w => FetchAsync(w, From(request, lastStored.TryGetValue(w.Instrument.Id, out var last) ? last : null, today), today, ct)));
            foreach (var result in fetched)
            {
                report.Add(result.Closes is null ? result.Failed : await WriteAsync(result, ct));
            }
        }

        // Households holding what changed are told once, after every symbol is written.
        var changed = report.Where(r => r.Outcome == RefreshOutcomes.Added).ToList();
        if (changed.Count > 0)
        {
            var ids = work.Where(w => changed.Any(c => c.Symbol == w.Instrument.Symbol)).Select(w => w.Instrument.Id).ToList();
            var asOf = await db.Prices.AsNoTracking().Where(p => ids.Contains(p.InstrumentId)).MaxAsync(p => p.Date, ct);
            await updates.StoredAsync(ids, asOf, ct);
        }

        return new PriceRefreshReport(report);
    }

    /// <summary>The shared instruments to refresh, each with the reason it cannot be (unknown symbol, no provider).</summary>
    private async Task<List<(Instrument Instrument, string? Problem)>> SelectAsync(PriceRefreshRequest request, CancellationToken ct)
    {
        var shared = await db.Instruments.AsNoTracking().Where(i => i.HouseholdId == null).OrderBy(i => i.Symbol).ToListAsync(ct);
        if (request.Provider is { } name && providers.Prices(name) is null)
        {
            throw new MarketDataException($"No price provider '{name}'; the providers are {string.Join(", ", MarketDataProviders.PriceProviderNames)}.");
        }

        if (request.Symbols is { Count: > 0 } symbols)
        {
            return [.. symbols.Select(symbol => shared.Find(i => i.Symbol.Equals(symbol, StringComparison.OrdinalIgnoreCase)) is { } instrument
                ? (instrument, request.Provider is null && providers.ProviderOf(instrument.PriceProvider, instrument.Exchange) is null
                    ? $"No provider prices {instrument.Symbol}: map it (PUT /api/admin/instruments/{{id}}/market-data) or set a default for exchange '{instrument.Exchange}'."
                    : null)
                : (new Instrument { Symbol = symbol.ToUpperInvariant() }, $"No shared instrument {symbol.ToUpperInvariant()}."))];
        }

        // Without names: the instruments the provider (or any provider) prices; unmapped ones are not an error.
        return [.. shared
            .Where(i => providers.ProviderOf(i.PriceProvider, i.Exchange) is { } p && (request.Provider is null || p.Equals(request.Provider, StringComparison.OrdinalIgnoreCase)))
            .Select(i => (i, (string?)null))];
    }

    private DateOnly From(PriceRefreshRequest request, DateOnly? last, DateOnly today) =>
        request.From ?? (last is { } l ? l.AddDays(-providers.Options.CorrectionDays) : today.AddYears(-providers.Options.BackfillYears));

    private async Task<Fetched> FetchAsync(Work work, DateOnly from, DateOnly to, CancellationToken ct)
    {
        try
        {
            var provider = providers.Prices(work.Provider) ?? throw new MarketDataException($"No price provider '{work.Provider}'.");
            var closes = await provider.HistoryAsync(work.ProviderSymbol, from, to, ct);
            health.Succeeded(work.Provider);
            return new Fetched(work, from, to, closes, null);
        }
        catch (Exception e) when (Reason(e) is { } reason)
        {
            health.Failed(work.Provider, reason);
            return new Fetched(work, from, to, null, reason);
        }
    }

    /// <summary>One line for the report; null for what is a bug, not a provider's failure.</summary>
    public static string? Reason(Exception e) => e switch
    {
        MarketDataException => e.Message,
        BrokenCircuitException => "The provider failed too often; its circuit is open, calls wait until it half-opens.",
        TimeoutRejectedException => "The provider did not answer in time (after every retry).",
        HttpRequestException http => $"The provider could not be reached ({http.HttpRequestError}).",
        _ => null,
    };

    private async Task<SymbolRefresh> WriteAsync(Fetched fetched, CancellationToken ct)
    {
        var (work, closes) = (fetched.Work, fetched.Closes!);
        var id = work.Instrument.Id;
        var (first, last) = closes.Count == 0 ? (default, default) : (closes[0].Date, closes[^1].Date);
        var stored = closes.Count == 0
            ? []
            : await db.Prices.AsNoTracking().Where(p => p.InstrumentId == id && p.Date >= first && p.Date <= last)
                .ToDictionaryAsync(p => p.Date, p => p.Close, ct);
        if (SplitFactor(closes, stored) is { } factor)
        {
            return fetched.Report(RefreshOutcomes.Failed, 0, 0, 0,
                $"Every stored close from {closes[0].Date:yyyy-MM-dd} differs from {work.Provider}'s by a factor of {factor:0.####} (a split the provider adjusted for?): nothing written. Book the split, then refresh from the day after it.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var writer = new PriceBatchWriter(db, 5_000);
        foreach (var close in closes)
        {
            await writer.AddAsync(new PriceClose(id, close.Date, close.Close), ct);
        }

        await writer.FlushAsync(ct);
        await transaction.CommitAsync(ct);
        return fetched.Report(writer.Written > 0 ? RefreshOutcomes.Added : RefreshOutcomes.Unchanged, writer.Added, writer.Corrected, writer.Unchanged, null);
    }

    /// <summary>
    /// When at least three overlapping days all differ from the stored closes by (within 1 %) the
    /// same factor, at least 10 % away from 1, that factor: the provider's series is adjusted
    /// differently from the stored one. Corrections of single days never look like that.
    /// </summary>
    internal static decimal? SplitFactor(IReadOnlyList<DailyClose> closes, IReadOnlyDictionary<DateOnly, decimal> stored)
    {
        var ratios = closes.Where(c => stored.ContainsKey(c.Date)).Select(c => stored[c.Date] / c.Close).ToList();
        if (ratios.Count < 3)
        {
            return null;
        }

        var median = ratios.Order().ElementAt(ratios.Count / 2);
        return Math.Abs(median - 1m) >= 0.1m && ratios.All(r => Math.Abs(r / median - 1m) <= 0.01m) ? Math.Round(median, 4) : null;
    }

    private async Task<Dictionary<Guid, DateOnly>> LastClosesAsync(List<Guid> ids, CancellationToken ct) =>
        await db.Prices.AsNoTracking().Where(p => ids.Contains(p.InstrumentId))
            .GroupBy(p => p.InstrumentId)
            .Select(g => new { g.Key, Last = g.Max(p => p.Date) })
            .ToDictionaryAsync(g => g.Key, g => g.Last, ct);

    private sealed record Work(Instrument Instrument, string Provider, string ProviderSymbol);

    private sealed record Fetched(Work Work, DateOnly From, DateOnly To, IReadOnlyList<DailyClose>? Closes, string? Reason)
    {
        public SymbolRefresh Failed => Report(RefreshOutcomes.Failed, 0, 0, 0, Reason);

        public SymbolRefresh Report(string outcome, int added, int corrected, int unchanged, string? reason) =>
            new(Work.Instrument.Symbol, Work.Provider, Work.ProviderSymbol, outcome, added, corrected, unchanged, From, To, reason);
    }
}
