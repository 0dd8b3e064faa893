using ILGPU;

namespace Glidepath.Quant.Gpu;

/// <summary>Scalars of one kernel launch.</summary>
internal struct KernelConstants
{
    public ulong Seed;
    public int FirstPath;
    public int Months;
    public int Assets;
    public float StartBalance;
    public float Fee;

    /// <summary>Year-end balances are written (1) or not (0).</summary>
    public int RecordYearEnds;

    /// <summary>Paths of this launch (the stride of the year-end buffer).</summary>
    public int Count;
}

/// <summary>
/// One thread per path, all months: the CPU engine's untaxed, monthly-rebalanced step
/// (<c>BlockStepper.StepRebalanced</c>) with its normal return model (<c>NormalReturns</c>) and the
/// path's own xoshiro128+ stream, so thread p draws exactly the normals that the CPU engine's path
/// p draws. Order within a month: contribution, withdrawal (a path that cannot pay in full fails
/// and stays at 0), then the portfolio's gross return and the fee.
/// </summary>
internal static class PathKernel
{
    /// <summary>Assets a kernel handles (its per-thread array of log returns).</summary>
    public const int MaxAssets = 16;

    /// <summary>A shortfall below this share of the withdrawal is rounding (as <c>BlockStepper.Rounding</c>).</summary>
    private const float Rounding = 1e-5f;

    /// <param name="index">Path offset within the launch.</param>
    /// <param name="c">Launch scalars.</param>
    /// <param name="mu">Monthly log-return mean per asset.</param>
    /// <param name="cholesky">diag(sigma) L, row-major n x n.</param>
    /// <param name="weights">Portfolio weights, month-major (months x assets).</param>
    /// <param name="contribution">Nominal contribution per month.</param>
    /// <param name="withdrawal">Nominal withdrawal per month.</param>
    /// <param name="yearEndMonths">1 at months after which a year ends (the month index m of "end of month m"), else 0.</param>
    /// <param name="terminal">Terminal nominal balance per path.</param>
    /// <param name="failMonth">Failure month per path, -1 if none.</param>
    /// <param name="yearEnds">Year-end balances, year-major (years x count), when recorded.</param>
    public static void Run(
        Index1D index,
        KernelConstants c,
        ArrayView<float> mu,
        ArrayView<float> cholesky,
        ArrayView<float> weights,
        ArrayView<float> contribution,
        ArrayView<float> withdrawal,
        ArrayView<int> yearEndMonths,
        ArrayView<float> terminal,
        ArrayView<int> failMonth,
        ArrayView<float> yearEnds)
    {
        var x = LocalMemory.Allocate<float>(MaxAssets);
        ScalarMath.Seed(c.Seed, c.FirstPath + index, out var s0, out var s1, out var s2, out var s3);
        var balance = c.StartBalance;
        var fail = -1;
        var hasSpare = false;
        var spare = 0f;
        var n = c.Assets;
        var year = 0;
        for (var m = 0; m < c.Months; m++)
        {
            for (var a = 0; a < n; a++)
            {
                x[a] = mu[a];
            }

            // Draw b of this month is the next normal of the path's stream (Box-Muller pairs in
            // order, the second of an unused pair kept for the next draw), as PathRandom.FillNormals.
            for (var b = 0; b < n; b++)
            {
                float z;
                if (hasSpare)
                {
                    z = spare;
                    hasSpare = false;
                }
                else
                {
                    var u = ScalarMath.Next(ref s0, ref s1, ref s2, ref s3);
                    ScalarMath.NormalPair(u, ScalarMath.Next(ref s0, ref s1, ref s2, ref s3), out z, out spare);
                    hasSpare = true;
                }

                for (var a = b; a < n; a++)
                {
                    x[a] += cholesky[(a * n) + b] * z;
                }
            }

            var r = 0f;
            for (var a = 0; a < n; a++)
            {
                r += weights[(m * n) + a] * ScalarMath.Exp(x[a]);
            }

            r *= c.Fee;
            if (fail < 0)
            {
                var need = withdrawal[m];
                var cash = balance + contribution[m];
                if (need * (1 - Rounding) > cash)
                {
                    fail = m;
                    balance = 0f;
                }
                else
                {
                    var left = cash - need;
                    balance = (left > 0f ? left : 0f) * r;
                }
            }

            if (c.RecordYearEnds != 0 && yearEndMonths[m] != 0)
            {
                yearEnds[(year * c.Count) + index] = balance;
                year++;
            }
        }

        terminal[index] = balance;
        failMonth[index] = fail;
    }
}
