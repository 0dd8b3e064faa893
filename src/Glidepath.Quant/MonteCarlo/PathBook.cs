namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// Per-path state, structure-of-arrays, O(paths): nothing is kept per month. Lengths are the
/// padded path count (a multiple of 32) so vector loops never need a tail.
/// </summary>
internal sealed class PathBook
{
    public PathBook(int padded, int assets, bool drifting, bool policy, bool modelState)
    {
        Balance = new float[padded];
        FailMonth = new int[padded];
        Array.Fill(FailMonth, -1);
        ModelState = modelState ? new int[padded] : [];
        YearSpendReal = new float[padded];
        CutYears = new byte[padded];
        LowestRatio = new float[padded];
        Array.Fill(LowestRatio, float.PositiveInfinity);
        if (drifting)
        {
            Holdings = new float[assets][];
            for (var a = 0; a < assets; a++)
            {
                Holdings[a] = new float[padded];
            }
        }

        if (policy)
        {
            AnnualSpend = new float[padded];
            InitialRate = new float[padded];
            YearGrowth = new float[padded];
            Array.Fill(YearGrowth, 1f);
        }
    }

    /// <summary>Nominal balance; 0 once failed.</summary>
    public float[] Balance { get; }

    /// <summary>Month of failure, -1 while the path pays everything.</summary>
    public int[] FailMonth { get; }

    /// <summary>One int per path owned by the return model (bootstrap block start); empty when unused.</summary>
    public int[] ModelState { get; }

    /// <summary>Per-asset holdings when weights drift between rebalances.</summary>
    public float[][]? Holdings { get; }

    /// <summary>Real withdrawals paid in the current year.</summary>
    public float[] YearSpendReal { get; }

    /// <summary>Years with real spending more than 10 % below plan.</summary>
    public byte[] CutYears { get; }

    /// <summary>Lowest year's real spending over its plan.</summary>
    public float[] LowestRatio { get; }

    /// <summary>Nominal spending decided at the policy year start.</summary>
    public float[]? AnnualSpend { get; }

    /// <summary>Withdrawal rate in the first policy year (Guyton-Klinger guardrails).</summary>
    public float[]? InitialRate { get; }

    /// <summary>Product of monthly portfolio gross returns since the policy year start.</summary>
    public float[]? YearGrowth { get; }
}
