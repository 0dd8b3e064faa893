using Glidepath.Domain.Instruments;
using Glidepath.Quant.Covariance;

namespace Glidepath.Domain.Assumptions;

/// <summary>One input row of the blend: expected return and volatility, fractions a year.</summary>
public sealed record AssumptionInput(AssetClass AssetClass, double ExpectedReturn, double Volatility);

/// <summary>
/// The built-in assumption set (version 1 when nothing is stored), computed by the documented blend
/// of docs/assumptions.md from two kinds of input kept here verbatim:
/// <list type="bullet">
/// <item>published forward-looking figures: Morningstar Office, "What asset allocation return and standard
/// deviation assumptions do you use for plans?" (Morningstar Office help, FAQ page
/// What_assumptions_goalplans.htm; the page carries no date);</item>
/// <item>historical figures from the real series in /work/shared/data, computed by
/// docs/assumptions/historical_estimates.py (CRSP excess returns 1931–2002, Treasury constant-maturity
/// yields 1953–1999, gold 1978–2012).</item>
/// </list>
/// </summary>
public static class DefaultAssumptions
{
    public static readonly DateOnly AsOf = new(2026, 12, 6);

    public const string Name = "Blended long-horizon assumptions (published + US history), shrunk to a common Sharpe ratio";

    /// <summary>Weight of the published figure where a historical one exists (½: neither source is trusted over the other).</summary>
    public const double PublishedWeight = 0.5;

    /// <summary>Intensity of the shrinkage of risk premiums towards a common Sharpe ratio (Jorion 1986 style).</summary>
    public const double SharpeShrinkage = 0.5;

    /// <summary>
    /// Morningstar Office's table (arithmetic expected return, standard deviation). US equity is the mean
    /// of its two large-cap rows (Russell Top 200 Growth 8.25 %/21.82 %, Value 9.60 %/17.47 %); the others
    /// are its rows as printed: MSCI EAFE, MSCI Emerging Markets, Barclays US Agg Bond, FTSE NAREIT-Equity,
    /// DJ UBS Commodity, Citi 3-month Treasury bill.
    /// </summary>
    public static IReadOnlyList<AssumptionInput> Published { get; } =
    [
        new(AssetClass.UsEquity, (0.0825 + 0.0960) / 2, (0.2182 + 0.1747) / 2),
        new(AssetClass.InternationalEquity, 0.1002, 0.2062),
        new(AssetClass.EmergingMarkets, 0.1435, 0.2965),
        new(AssetClass.Bonds, 0.0336, 0.0708),
        new(AssetClass.RealEstate, 0.0892, 0.2355),
        new(AssetClass.Commodities, 0.0448, 0.1786),
        new(AssetClass.Cash, 0.0097, 0.0167),
    ];

    /// <summary>
    /// Historical figures (docs/assumptions/historical_estimates.py on /work/shared/data): for the risky
    /// classes the expected return is the historical cash mean plus the historical premium over cash.
    /// US equity: CRSP value-weighted excess return 1931–2002, premium 6.03 %, volatility 18.63 %.
    /// Bonds: 10-year Treasury total return (par bond repriced monthly) 1953–1999, premium 0.32 %, volatility 6.37 %.
    /// Commodities: gold 1978–2012, premium over the 1953–1999 cash mean 2.18 %, volatility 19.65 %.
    /// Cash: 1-year constant-maturity Treasury yield 1953–1999, mean 6.05 %, volatility 0.86 %.
    /// </summary>
    public static IReadOnlyList<AssumptionInput> Historical { get; } =
    [
        new(AssetClass.UsEquity, 0.0605 + 0.0603, 0.1863),
        new(AssetClass.Bonds, 0.0605 + 0.0032, 0.0637),
        new(AssetClass.Commodities, 0.0605 + 0.0218, 0.1965),
        new(AssetClass.Cash, 0.0605, 0.0086),
    ];

    /// <summary>
    /// Correlations in the order of <see cref="Published"/>. Historical (monthly, 1978-01..1999-09, the
    /// months the three series share): US equity–bonds 0.2765, US equity–gold 0.0408, bonds–gold 0.0356;
    /// the international and emerging classes take US equity's figures against bonds and commodities.
    /// The other pairs are judgement, stated as such in docs/assumptions.md; cash is uncorrelated. The
    /// matrix is passed through the nearest-correlation projection (Higham 2002) before use.
    /// </summary>
    public static double[,] CorrelationInput { get; } = new double[,]
    {
        // US      Intl    EM      Bonds   RE      Comm    Cash
        { 1.0,    0.80,   0.70,   0.2765, 0.60,   0.0408, 0.0 },
        { 0.80,   1.0,    0.80,   0.2765, 0.55,   0.0408, 0.0 },
        { 0.70,   0.80,   1.0,    0.2765, 0.50,   0.0408, 0.0 },
        { 0.2765, 0.2765, 0.2765, 1.0,    0.20,   0.0356, 0.0 },
        { 0.60,   0.55,   0.50,   0.20,   1.0,    0.10,   0.0 },
        { 0.0408, 0.0408, 0.0408, 0.0356, 0.10,   1.0,    0.0 },
        { 0.0,    0.0,    0.0,    0.0,    0.0,    0.0,    1.0 },
    };

    /// <summary>The built-in set: the blend of <see cref="Published"/> and <see cref="Historical"/>, shrunk (docs/assumptions.md).</summary>
    public static CapitalMarketAssumptionSet Create(DateTimeOffset createdUtc)
    {
        var (classes, correlations) = Blend(Published, Historical, CorrelationInput, PublishedWeight, SharpeShrinkage);
        return new CapitalMarketAssumptionSet
        {
            Version = 1,
            AsOf = AsOf,
            Name = Name,
            Sources = "Published: Morningstar Office help, 'What asset allocation return and standard deviation assumptions do you use for plans?' (undated FAQ page). " +
                "Historical: /work/shared/data (AER::USStocksSW CRSP excess returns 1931–2002; tseries::tcm Treasury yields 1953–1999; AER::GoldSilver gold 1978–2012) via docs/assumptions/historical_estimates.py. " +
                "Blend ½/½ of cash rate, premiums over cash and volatilities; premiums shrunk ½ towards a common Sharpe ratio; correlations historical where the data allow, judgement otherwise, nearest-correlation repaired. See docs/assumptions.md.",
            Classes = [.. classes],
            Correlations = [.. Enumerable.Range(0, classes.Count).Select(i => Enumerable.Range(0, classes.Count).Select(j => correlations[i, j]).ToList())],
            CreatedUtc = createdUtc,
        };
    }

    /// <summary>
    /// The documented blend. Cash: c = w·c_pub + (1 − w)·c_hist. Each risky class: premium
    /// p = w·(μ_pub − c_pub) + (1 − w)·(μ_hist − c_hist) and σ = w·σ_pub + (1 − w)·σ_hist where a historical
    /// row exists, the published figures alone otherwise. Shrinkage: SR̄ = mean of p/σ over the risky
    /// classes; p' = (1 − s)·p + s·SR̄·σ; μ = c + p'. Cash keeps c and its blended σ. Correlations: the
    /// nearest correlation matrix to the input (Higham 2002, W = I).
    /// </summary>
    public static (IReadOnlyList<AssetClassAssumption> Classes, double[,] Correlations) Blend(
        IReadOnlyList<AssumptionInput> published, IReadOnlyList<AssumptionInput> historical, double[,] correlations, double publishedWeight, double shrinkage)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(historical);
        var w = publishedWeight;
        var cashPub = published.Single(p => p.AssetClass == AssetClass.Cash);
        var cashHist = historical.FirstOrDefault(h => h.AssetClass == AssetClass.Cash);
        var cash = cashHist is null ? cashPub.ExpectedReturn : (w * cashPub.ExpectedReturn) + ((1 - w) * cashHist.ExpectedReturn);
        var cashVol = cashHist is null ? cashPub.Volatility : (w * cashPub.Volatility) + ((1 - w) * cashHist.Volatility);

        var risky = published.Where(p => p.AssetClass != AssetClass.Cash).Select(p =>
        {
            var h = historical.FirstOrDefault(x => x.AssetClass == p.AssetClass);
            var premium = p.ExpectedReturn - cashPub.ExpectedReturn;
            var vol = p.Volatility;
            if (h is not null && cashHist is not null)
            {
                premium = (w * premium) + ((1 - w) * (h.ExpectedReturn - cashHist.ExpectedReturn));
                vol = (w * vol) + ((1 - w) * h.Volatility);
            }

            return (p.AssetClass, Premium: premium, Volatility: vol);
        }).ToList();
        var sharpe = risky.Average(r => r.Premium / r.Volatility);
        var byClass = risky.ToDictionary(
            r => r.AssetClass,
            r => new AssetClassAssumption(r.AssetClass, cash + ((1 - shrinkage) * r.Premium) + (shrinkage * sharpe * r.Volatility), r.Volatility));
        byClass[AssetClass.Cash] = new AssetClassAssumption(AssetClass.Cash, cash, cashVol);
        var classes = published.Select(p => byClass[p.AssetClass]).ToList();
        return (classes, NearestCorrelation.Compute(correlations).Matrix);
    }
}
