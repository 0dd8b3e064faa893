using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// One year of a block in one pass for the common plan: log-normal returns (<see cref="NormalReturns"/>,
/// at most four assets), weights rebalanced every month, no taxes and no spending policy. Each 16-path
/// vector keeps its random state, balance, failure month and spending in registers for the year and
/// draws, exponentiates and pays month by month, where the general path writes the normals and the
/// gross returns of the whole block to memory and reads them back. The operations and their order
/// are those of <see cref="PathRandom.FillNormals"/>, <see cref="NormalReturns"/> and
/// <c>BlockStepper.StepRebalanced</c>, so the numbers are the same bits (FusedKernelTests).
/// </summary>
internal sealed class RebalancedNormalKernel
{
    private const int Lanes = 16;

    private readonly PathBook _book;
    private readonly PathRandom _random;
    private readonly float[] _weights;
    private readonly float[] _mu;
    private readonly float[] _cholesky;
    private readonly float _fee;
    private readonly bool _antithetic;

    // Per month: contribution, withdrawal, withdrawal less the rounding allowance, 1/inflation factor.
    private readonly float[] _terms;

    private RebalancedNormalKernel(SimulationInput input, NormalReturns model, MonthlySchedule schedule, PathBook book, PathRandom random, float[] weights, float fee)
    {
        _book = book;
        _random = random;
        _weights = weights;
        _mu = model.Mu.ToArray();
        _cholesky = model.ScaledCholesky.ToArray();
        _fee = fee;
        _antithetic = input.Antithetic;
        _terms = new float[input.HorizonMonths * 4];
        for (var m = 0; m < input.HorizonMonths; m++)
        {
            var need = (float)schedule.FixedWithdrawal[m];
            _terms[4 * m] = (float)schedule.Contribution[m];
            _terms[(4 * m) + 1] = need;
            _terms[(4 * m) + 2] = need * (1 - BlockStepper.Rounding);
            _terms[(4 * m) + 3] = (float)(1 / schedule.InflationFactor[m]);
        }
    }

    /// <summary>Whether the kernel serves a run; otherwise the general path runs it.</summary>
    public static bool Serves(SimulationInput input) =>
        input.Returns.GetType() == typeof(NormalReturns)
        && input.Returns.AssetCount <= 4
        && input.Taxes is null
        && input.Spending is null or { Rule: SpendingRule.ConstantReal }
        && (input.Allocation.Rebalance == Rebalance.Monthly || input.Allocation.GlidePath is not null);

    /// <summary>The kernel for a run it serves, otherwise null.</summary>
    public static RebalancedNormalKernel? For(SimulationInput input, MonthlySchedule schedule, PathBook book, PathRandom random, float[] weights, float fee) =>
        Serves(input) ? new RebalancedNormalKernel(input, (NormalReturns)input.Returns, schedule, book, random, weights, fee) : null;

    /// <summary>Months [startMonth, endMonth) of paths [first, first + count).</summary>
    public void RunYear(int first, int count, int startMonth, int endMonth)
    {
        switch (_mu.Length)
        {
            case 1: RunYear<One>(first, count, startMonth, endMonth); break;
            case 2: RunYear<Two>(first, count, startMonth, endMonth); break;
            case 3: RunYear<Three>(first, count, startMonth, endMonth); break;
            default: RunYear<Four>(first, count, startMonth, endMonth); break;
        }
    }

    // Hot loop: compile fully optimised at once rather than after tiering (a CLI run is one shot).
    // TAssets makes the asset count a constant of each compiled copy, so unused assets cost nothing.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunYear<TAssets>(int first, int count, int startMonth, int endMonth)
        where TAssets : struct, IAssetCount
    {
        var n = TAssets.Value;
        var generated = _antithetic ? count / 2 : count;
        if (first + count > _book.Balance.Length || endMonth * 4 > _terms.Length || endMonth * n > _weights.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        var model = new Model(_mu, _cholesky, _fee);
        ref var terms = ref MemoryMarshal.GetArrayDataReference(_terms);
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);

        // Two vectors of paths at a time, so that one's long chain of dependent steps (the normals' log and
        // square root, exp, the payment) overlaps the other's: the next 16 paths, or with antithetic draws
        // the mirror paths, which take the first vector's normals negated.
        for (var i = 0; i < generated; i += _antithetic ? Lanes : 2 * Lanes)
        {
            var p = first + i;
            var q = _antithetic ? p + generated : p + Lanes;
            _random.Load(p, out var s0, out var s1, out var s2, out var s3, out var spare, out var hasSpare);
            Vector512<uint> t0 = default, t1 = default, t2 = default, t3 = default;
            var otherSpare = default(Vector512<float>);
            if (!_antithetic)
            {
                _random.Load(q, out t0, out t1, out t2, out t3, out otherSpare, out _);
            }

            var balance = Vector512.LoadUnsafe(ref _book.Balance[p]);
            var failMonth = Vector512.LoadUnsafe(ref _book.FailMonth[p]);
            var spentReal = Vector512.LoadUnsafe(ref _book.YearSpendReal[p]);
            var otherBalance = Vector512.LoadUnsafe(ref _book.Balance[q]);
            var otherFailMonth = Vector512.LoadUnsafe(ref _book.FailMonth[q]);
            var otherSpentReal = Vector512.LoadUnsafe(ref _book.YearSpendReal[q]);
            for (var m = startMonth; m < endMonth; m++)
            {
                // Both vectors draw the same number of normals each month, so they share the spare flag.
                var spareBefore = hasSpare;
                Draw<TAssets>(ref s0, ref s1, ref s2, ref s3, ref spare, ref hasSpare, out var z0, out var z1, out var z2, out var z3);
                Vector512<float> y0, y1, y2, y3;
                if (_antithetic)
                {
                    (y0, y1, y2, y3) = (-z0, -z1, -z2, -z3);
                }
                else
                {
                    Draw<TAssets>(ref t0, ref t1, ref t2, ref t3, ref otherSpare, ref spareBefore, out y0, out y1, out y2, out y3);
                }

                ref var w = ref Unsafe.Add(ref weights, m * n);
                ref var t = ref Unsafe.Add(ref terms, 4 * m);
                Pay(m, ref t, model.Gross<TAssets>(ref w, z0, z1, z2, z3), ref balance, ref failMonth, ref spentReal);
                Pay(m, ref t, model.Gross<TAssets>(ref w, y0, y1, y2, y3), ref otherBalance, ref otherFailMonth, ref otherSpentReal);
            }

            _random.Save(p, s0, s1, s2, s3, spare, hasSpare);
            if (!_antithetic)
            {
                _random.Save(q, t0, t1, t2, t3, otherSpare, hasSpare);
            }

            balance.StoreUnsafe(ref _book.Balance[p]);
            failMonth.StoreUnsafe(ref _book.FailMonth[p]);
            spentReal.StoreUnsafe(ref _book.YearSpendReal[p]);
            otherBalance.StoreUnsafe(ref _book.Balance[q]);
            otherFailMonth.StoreUnsafe(ref _book.FailMonth[q]);
            otherSpentReal.StoreUnsafe(ref _book.YearSpendReal[q]);
        }
    }

    /// <summary>
    /// One month's normals of 16 paths in draw order, as <see cref="PathRandom.FillNormals"/> draws them: an
    /// odd count keeps the last pair's second for the next month.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Draw<TAssets>(
        ref Vector512<uint> s0, ref Vector512<uint> s1, ref Vector512<uint> s2, ref Vector512<uint> s3, ref Vector512<float> spare, ref bool hasSpare,
        out Vector512<float> z0, out Vector512<float> z1, out Vector512<float> z2, out Vector512<float> z3)
        where TAssets : struct, IAssetCount
    {
        var n = TAssets.Value;
        (z1, z2, z3) = (default, default, default);
        if (n % 2 == 1 && hasSpare)
        {
            z0 = spare;
            if (n == 3)
            {
                (z1, z2) = VectorMath.NormalPair(PathRandom.Next(ref s0, ref s1, ref s2, ref s3), PathRandom.Next(ref s0, ref s1, ref s2, ref s3));
            }

            hasSpare = false;
        }
        else
        {
            (z0, z1) = VectorMath.NormalPair(PathRandom.Next(ref s0, ref s1, ref s2, ref s3), PathRandom.Next(ref s0, ref s1, ref s2, ref s3));
            if (n >= 3)
            {
                (z2, z3) = VectorMath.NormalPair(PathRandom.Next(ref s0, ref s1, ref s2, ref s3), PathRandom.Next(ref s0, ref s1, ref s2, ref s3));
            }

            if (n % 2 == 1)
            {
                spare = n == 1 ? z1 : z3;
                hasSpare = true;
            }
        }
    }

    /// <summary>The return model's numbers: monthly log means, diag(sigma) L row-major, the monthly fee factor.</summary>
    private readonly ref struct Model
    {
        private readonly ref float _mu;
        private readonly ref float _l;
        private readonly float _fee;

        public Model(float[] mu, float[] cholesky, float fee)
        {
            _mu = ref MemoryMarshal.GetArrayDataReference(mu);
            _l = ref MemoryMarshal.GetArrayDataReference(cholesky);
            _fee = fee;
        }

        /// <summary>
        /// The portfolio's gross return for 16 paths: sum over assets of w_a exp(x_a), x = mu + diag(sigma) L z,
        /// times the fee factor; <see cref="VectorMath.ExpSmall"/> with <see cref="VectorMath.Exp"/> for any lane
        /// beyond its range, as <see cref="NormalReturns"/> computes them.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<float> Gross<TAssets>(ref float w, Vector512<float> z0, Vector512<float> z1, Vector512<float> z2, Vector512<float> z3)
            where TAssets : struct, IAssetCount
        {
            var n = TAssets.Value;
            var x0 = LogReturn(0, n, z0, z1, z2, z3);
            var x1 = n > 1 ? LogReturn(1, n, z0, z1, z2, z3) : default;
            var x2 = n > 2 ? LogReturn(2, n, z0, z1, z2, z3) : default;
            var x3 = n > 3 ? LogReturn(3, n, z0, z1, z2, z3) : default;
            var largest = Vector512.Abs(x0);
            largest = n > 1 ? Vector512.MaxNative(largest, Vector512.Abs(x1)) : largest;
            largest = n > 2 ? Vector512.MaxNative(largest, Vector512.Abs(x2)) : largest;
            largest = n > 3 ? Vector512.MaxNative(largest, Vector512.Abs(x3)) : largest;
            if (Vector512.GreaterThanAny(largest, Vector512.Create(VectorMath.ExpSmallBound)))
            {
                // Rare (a month beyond about 4.8 sigma). Inlined: a call in the loop would make the JIT keep the
                // vectors of both paths' state on the stack, the whole year long.
                return Sum<TAssets>(ref w, Wide(x0), Wide(x1), Wide(x2), Wide(x3));
            }

            return Sum<TAssets>(ref w, VectorMath.ExpSmall(x0), n > 1 ? VectorMath.ExpSmall(x1) : default, n > 2 ? VectorMath.ExpSmall(x2) : default, n > 3 ? VectorMath.ExpSmall(x3) : default);
        }

        /// <summary>sum over assets of w_a g_a, times the fee factor.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector512<float> Sum<TAssets>(ref float w, Vector512<float> g0, Vector512<float> g1, Vector512<float> g2, Vector512<float> g3)
            where TAssets : struct, IAssetCount
        {
            var n = TAssets.Value;
            var r = Vector512.FusedMultiplyAdd(Vector512.Create(w), g0, Vector512<float>.Zero);
            if (n > 1)
            {
                r = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref w, 1)), g1, r);
            }

            if (n > 2)
            {
                r = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref w, 2)), g2, r);
            }

            if (n > 3)
            {
                r = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref w, 3)), g3, r);
            }

            return r * Vector512.Create(_fee);
        }

        /// <summary>mu_a + sum over b &lt;= a of (diag(sigma) L)_ab z_b, in NormalReturns' order.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector512<float> LogReturn(int a, int n, Vector512<float> z0, Vector512<float> z1, Vector512<float> z2, Vector512<float> z3)
        {
            ref var row = ref Unsafe.Add(ref _l, a * n);
            var x = Vector512.FusedMultiplyAdd(Vector512.Create(row), z0, Vector512.Create(Unsafe.Add(ref _mu, a)));
            if (a >= 1)
            {
                x = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref row, 1)), z1, x);
            }

            if (a >= 2)
            {
                x = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref row, 2)), z2, x);
            }

            if (a >= 3)
            {
                x = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref row, 3)), z3, x);
            }

            return x;
        }

        /// <summary>e^x as NormalReturns takes it: ExpSmall within its range, the full exp beyond, lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> Wide(Vector512<float> x) =>
            Vector512.ConditionalSelect(Vector512.GreaterThan(Vector512.Abs(x), Vector512.Create(VectorMath.ExpSmallBound)), VectorMath.Exp(x), VectorMath.ExpSmall(x));
    }

    /// <summary>BlockStepper.Pay with month m's terms (contribution, withdrawal, withdrawal less the rounding allowance, 1/inflation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pay(int m, ref float terms, Vector512<float> r, ref Vector512<float> balance, ref Vector512<int> failMonth, ref Vector512<float> spentReal) =>
        BlockStepper.Pay(
            r,
            Vector512.Create(terms),
            Vector512.Create(Unsafe.Add(ref terms, 1)),
            Vector512.Create(Unsafe.Add(ref terms, 2)),
            Vector512.Create(Unsafe.Add(ref terms, 3)),
            Vector512.Create(m),
            ref balance,
            ref failMonth,
            ref spentReal);

    private interface IAssetCount
    {
        static abstract int Value { get; }
    }

    private struct One : IAssetCount
    {
        public static int Value => 1;
    }

    private struct Two : IAssetCount
    {
        public static int Value => 2;
    }

    private struct Three : IAssetCount
    {
        public static int Value => 3;
    }

    private struct Four : IAssetCount
    {
        public static int Value => 4;
    }
}
