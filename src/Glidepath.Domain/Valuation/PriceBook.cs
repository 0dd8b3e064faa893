using Glidepath.Domain.Currencies;
using Glidepath.Domain.Pricing;

namespace Glidepath.Domain.Valuation;

/// <summary>
/// Daily closes and FX rates, looked up as "the last one on or before the date" (weekends and
/// holidays carry the previous close; there is no staleness limit). FX: the pair as stored,
/// else its inverse, else through USD.
/// </summary>
public sealed class PriceBook
{
    private static readonly Currency Pivot = Currency.Usd;
    private readonly Dictionary<Guid, DatedSeries> closes;
    private readonly Dictionary<(Currency Base, Currency Quote), DatedSeries> rates;

    public PriceBook(IEnumerable<PriceClose> closes, IEnumerable<FxRate> rates)
    {
        ArgumentNullException.ThrowIfNull(closes);
        ArgumentNullException.ThrowIfNull(rates);

        // Bad prices are an importer bug, not a missing value: refuse them outright.
        this.closes = closes
            .Select(c => c.Close >= 0m ? c : throw new ArgumentException($"Negative close {c.Close} for {c.InstrumentId} on {c.Date}.", nameof(closes)))
            .GroupBy(c => c.InstrumentId)
            .ToDictionary(g => g.Key, g => new DatedSeries(g.Select(c => (c.Date, c.Close))));
        this.rates = rates
            .Select(r => r.Rate > 0m ? r : throw new ArgumentException($"Non-positive rate {r.Rate} for {r.Base}/{r.Quote} on {r.Date}.", nameof(rates)))
            .GroupBy(r => (r.Base, r.Quote))
            .ToDictionary(g => g.Key, g => new DatedSeries(g.Select(r => (r.Date, r.Rate))));
    }

    /// <summary>The instrument's last close on or before <paramref name="date"/>, in the instrument's currency.</summary>
    public PriceLookup Close(Guid instrumentId, DateOnly date)
    {
        if (closes.TryGetValue(instrumentId, out var series) && series.IndexOnOrBefore(date) is var i and >= 0)
        {
            return PriceLookup.Of(series.Values[i], series.Dates[i]);
        }

        return PriceLookup.Missing(ValuationErrorCodes.MissingPrice, $"No close for instrument {instrumentId} on or before {date:yyyy-MM-dd}.");
    }

    /// <summary>Units of <paramref name="to"/> per unit of <paramref name="from"/> on <paramref name="date"/>.</summary>
    public PriceLookup Rate(Currency from, Currency to, DateOnly date)
    {
        if (from == to)
        {
            return PriceLookup.Of(1m);
        }

        if (Leg(from, to, date) is { } rate)
        {
            return PriceLookup.Of(rate);
        }

        if (from != Pivot && to != Pivot && Leg(from, Pivot, date) is { } toPivot && Leg(Pivot, to, date) is { } fromPivot)
        {
            return PriceLookup.Of(toPivot * fromPivot);
        }

        return PriceLookup.Missing(ValuationErrorCodes.MissingFxRate, $"No {from}/{to} rate on or before {date:yyyy-MM-dd}.");
    }

    internal DatedSeries? CloseSeries(Guid instrumentId) => closes.GetValueOrDefault(instrumentId);

    private decimal? Leg(Currency from, Currency to, DateOnly date)
    {
        if (rates.TryGetValue((from, to), out var direct) && direct.IndexOnOrBefore(date) is var i and >= 0)
        {
            return direct.Values[i];
        }

        if (rates.TryGetValue((to, from), out var inverse) && inverse.IndexOnOrBefore(date) is var j and >= 0)
        {
            return 1m / inverse.Values[j];
        }

        return null;
    }
}
