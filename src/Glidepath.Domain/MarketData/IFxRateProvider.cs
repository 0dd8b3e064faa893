using Glidepath.Domain.Pricing;

namespace Glidepath.Domain.MarketData;

/// <summary>A source of daily FX reference rates (the ECB's euro rates, Alpha Vantage's FX_DAILY).</summary>
public interface IFxRateProvider
{
    string Name { get; }

    /// <summary>
    /// Every rate the provider publishes from <paramref name="from"/> on, as it publishes them
    /// (the ECB: units of each currency per euro). Codes Glidepath does not support are left out.
    /// </summary>
    Task<IReadOnlyList<FxRate>> RatesAsync(DateOnly from, CancellationToken ct = default);
}
