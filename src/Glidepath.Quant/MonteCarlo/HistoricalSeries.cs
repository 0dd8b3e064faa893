namespace Glidepath.Quant.MonteCarlo;

/// <summary>Monthly simple returns of each asset over the same months (asset-major).</summary>
public sealed class HistoricalSeries
{
    private readonly float[][] _gross;

    /// <param name="simpleReturns">simpleReturns[asset][month], fractions (0.01 = 1 %).</param>
    public HistoricalSeries(IReadOnlyList<IReadOnlyList<double>> simpleReturns)
    {
        ArgumentNullException.ThrowIfNull(simpleReturns);
        if (simpleReturns.Count == 0 || simpleReturns[0].Count == 0)
        {
            throw new ArgumentException("the series needs at least one asset and one month", nameof(simpleReturns));
        }

        var months = simpleReturns[0].Count;
        _gross = new float[simpleReturns.Count][];
        for (var a = 0; a < simpleReturns.Count; a++)
        {
            if (simpleReturns[a].Count != months)
            {
                throw new ArgumentException($"asset {a} has {simpleReturns[a].Count} months, asset 0 has {months}", nameof(simpleReturns));
            }

            _gross[a] = new float[months];
            for (var t = 0; t < months; t++)
            {
                var r = simpleReturns[a][t];
                if (!(r > -1) || !double.IsFinite(r))
                {
                    throw new ArgumentException($"asset {a} month {t}: return {r} is not above -1", nameof(simpleReturns));
                }

                _gross[a][t] = (float)(1 + r);
            }
        }
    }

    public int AssetCount => _gross.Length;

    public int Months => _gross[0].Length;

    internal float Gross(int asset, int month) => _gross[asset][month];
}

/// <summary>
/// Circular block bootstrap (Politis and Romano, 1992): each path draws a uniform start month
/// every <c>blockMonths</c> months and replays the series from there, wrapping at its end, so
/// short-run autocorrelation and cross-asset dependence are kept.
/// </summary>
public sealed class BlockBootstrapReturns(HistoricalSeries series, int blockMonths) : IReturnModel
{
    private readonly int _blockMonths = blockMonths > 0 && blockMonths <= series.Months
        ? blockMonths
        : throw new ArgumentOutOfRangeException(nameof(blockMonths), blockMonths, $"must be in [1, {series.Months}]");

    public int AssetCount => series.AssetCount;

    public int? FixedPathCount => null;

    public bool NeedsPathState => true;

    public int ScratchLength(int count) => 0;

    public void Generate(ReturnBlock block, Span<float> gross)
    {
        var months = (ulong)series.Months;
        var offset = block.Month % _blockMonths;
        for (var i = 0; i < block.Count; i++)
        {
            if (offset == 0)
            {
                // Lemire's multiply-shift maps 32 random bits to [0, months) with bias below 2^-20.
                block.PathState[i] = (int)((block.Random.NextUInt32(block.FirstPath + i) * months) >> 32);
            }

            var t = (block.PathState[i] + offset) % series.Months;
            for (var a = 0; a < series.AssetCount; a++)
            {
                gross[(a * block.Count) + i] = series.Gross(a, t);
            }
        }
    }
}

/// <summary>
/// Historical sequences: path p replays the series from month 12p (every start year in the
/// series), wrapping to the series start when the horizon runs past its end. No randomness.
/// </summary>
public sealed class HistoricalSequenceReturns(HistoricalSeries series) : IReturnModel
{
    public int AssetCount => series.AssetCount;

    public int? FixedPathCount => (series.Months + 11) / 12;

    public bool NeedsPathState => false;

    public int ScratchLength(int count) => 0;

    public void Generate(ReturnBlock block, Span<float> gross)
    {
        var starts = FixedPathCount!.Value;
        for (var i = 0; i < block.Count; i++)
        {
            var start = ((block.FirstPath + i) % starts) * 12;
            var t = (start + block.Month) % series.Months;
            for (var a = 0; a < series.AssetCount; a++)
            {
                gross[(a * block.Count) + i] = series.Gross(a, t);
            }
        }
    }
}
