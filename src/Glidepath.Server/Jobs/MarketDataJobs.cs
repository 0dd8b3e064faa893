using Glidepath.Application.Events;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>
/// The price refresh of one exchange's shared instruments (its trigger names the exchange), or of all
/// of them when triggered by hand: the same <see cref="PriceRefresh"/> the CLI and the admin route run.
/// A symbol that failed fails the run, with the count and the first reasons.
/// </summary>
public sealed class PriceRefreshJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PriceRefreshJob> logger) : RecordedJob(scopes, clock, logger)
{
    protected override string Name => JobCatalog.PriceRefresh;

    protected override async Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct)
    {
        List<string>? symbols = null;
        var exchange = data.TryGetValue(JobTriggers.ExchangeKey, out var value) ? value as string : null;
        if (exchange is not null)
        {
            // Only the instruments a provider prices: an unmapped one would be reported as a failure every day.
            var providers = services.GetRequiredService<MarketDataProviders>();
            var shared = await services.GetRequiredService<GlidepathDbContext>().Instruments.AsNoTracking()
                .Where(i => i.HouseholdId == null && i.Exchange == exchange)
                .Select(i => new { i.Symbol, i.PriceProvider, i.Exchange }).ToListAsync(ct);
            symbols = [.. shared.Where(i => providers.ProviderOf(i.PriceProvider, i.Exchange) is not null).Select(i => i.Symbol).Distinct(StringComparer.Ordinal)];
            if (symbols.Count == 0)
            {
                return $"No shared instrument on {exchange} has a provider.";
            }
        }

        var report = await services.GetRequiredService<PriceRefresh>().RefreshAsync(new PriceRefreshRequest(Symbols: symbols), ct);
        var failed = report.Symbols.Where(s => s.Outcome == RefreshOutcomes.Failed).ToList();
        var stale = await services.GetRequiredService<PriceStaleness>().PublishAsync(Today, ct: ct);
        var summary = $"{report.Symbols.Count} symbols{(exchange is null ? "" : " on " + exchange)}: {report.Symbols.Sum(s => s.Added)} closes added, {failed.Count} failed.{(stale > 0 ? $" {stale} held prices went stale." : "")}";
        return failed.Count == 0
            ? summary
            : throw new JobFailedException(summary + " " + string.Join("; ", failed.Take(3).Select(f => $"{f.Symbol}: {f.Reason}")));
    }
}

/// <summary>The FX refresh from the configured provider (ECB by default), as <c>glidepath fx refresh</c>.</summary>
public sealed class FxRefreshJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FxRefreshJob> logger, Microsoft.Extensions.Options.IOptions<JobsOptions> options)
    : RecordedJob(scopes, clock, logger)
{
    protected override string Name => JobCatalog.FxRefresh;

    protected override async Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct)
    {
        var report = await services.GetRequiredService<FxRefresh>().RefreshAsync(options.Value.FxProvider, null, ct);
        var summary = $"{report.Provider}: {report.Added} rates added, {report.Unchanged} unchanged, {report.Crosses} crosses.";
        return report.Outcome == RefreshOutcomes.Failed ? throw new JobFailedException($"{report.Provider}: {report.Reason}") : summary;
    }
}

/// <summary>A run that finished with a failure it reports itself (its message is the reason).</summary>
public sealed class JobFailedException(string message) : Exception(message);
