using Glidepath.Domain.Currencies;
using Glidepath.Domain.MarketData;
using Glidepath.Domain.Pricing;
using Glidepath.Infrastructure.Import.Fx;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.MarketData;

/// <param name="Outcome"><c>added</c>, <c>unchanged</c> or <c>failed</c> (<paramref name="Reason"/> says why; nothing was stored).</param>
/// <param name="Added">Rates stored that were new or different (a correction).</param>
public sealed record FxRefreshReport(string Provider, string Outcome, DateOnly From, DateOnly? FirstDay, DateOnly? LastDay, int Added, int Unchanged, int Crosses, string? Reason = null);

/// <summary>
/// Fetches a provider's reference rates into the shared rate table (docs/market-data.md, "FX").
/// Valuation converts through USD (<c>PriceBook</c>), so a euro-based source's rates are stored as
/// published (EUR/X) and, for each day, also crossed through the euro into USD/X =
/// (EUR/X) ÷ (EUR/USD), rounded to 10 decimal places. An upsert: a re-run adds nothing.
/// </summary>
public sealed class FxRefresh(GlidepathDbContext db, MarketDataProviders providers, ProviderHealth health, TimeProvider clock)
{
    public const int CrossDecimals = 10;

    public async Task<FxRefreshReport> RefreshAsync(string providerName, DateOnly? from = null, CancellationToken ct = default)
    {
        var provider = providers.Fx(providerName)
            ?? throw new MarketDataException($"No FX provider '{providerName}'; the providers are {string.Join(", ", MarketDataProviders.FxProviderNames)}.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = from ?? (await db.FxRates.AsNoTracking().MaxAsync(r => (DateOnly?)r.Date, ct) is { } last
            ? last.AddDays(-providers.Options.CorrectionDays)
            : today.AddYears(-providers.Options.BackfillYears));
        IReadOnlyList<FxRate> published;
        try
        {
            published = await provider.RatesAsync(start, ct);
            health.Succeeded(provider.Name);
        }
        catch (Exception e) when (PriceRefresh.Reason(e) is { } reason)
        {
            health.Failed(provider.Name, reason);
            return new FxRefreshReport(provider.Name, RefreshOutcomes.Failed, start, null, null, 0, 0, 0, reason);
        }

        var crosses = CrossThroughEuro(published);
        var rates = new Dictionary<(Currency Base, Currency Quote, DateOnly Date), decimal>();
        foreach (var rate in published.Concat(crosses))
        {
            rates[(rate.Base, rate.Quote, rate.Date)] = rate.Rate;
        }

        var (written, unchanged) = rates.Count == 0 ? (0, 0) : await new FxRateImporter(db).WriteSharedAsync(rates, ct);
        return new FxRefreshReport(
            provider.Name,
            written > 0 ? RefreshOutcomes.Added : RefreshOutcomes.Unchanged,
            start,
            published.Count == 0 ? null : published.Min(r => r.Date),
            published.Count == 0 ? null : published.Max(r => r.Date),
            written,
            unchanged,
            crosses.Count);
    }

    /// <summary>USD/X for every EUR/X of a day that also has EUR/USD; nothing for a source that is not euro-based.</summary>
    internal static IReadOnlyList<FxRate> CrossThroughEuro(IReadOnlyList<FxRate> published)
    {
        var euroPerDollar = published.Where(r => r.Base == Currency.Eur && r.Quote == Currency.Usd).ToDictionary(r => r.Date, r => r.Rate);
        return [.. published
            .Where(r => r.Base == Currency.Eur && r.Quote != Currency.Usd && euroPerDollar.ContainsKey(r.Date))
            .Select(r => new FxRate(Currency.Usd, r.Quote, r.Date, Math.Round(r.Rate / euroPerDollar[r.Date], CrossDecimals, MidpointRounding.ToEven)))];
    }
}
