using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// Advances one block of paths through one year of months. Order within a month: contributions,
/// then (at a policy year start) the spending decision, then withdrawals (a path fails when it
/// cannot pay in full and stays at 0), then the month's return and the fee.
/// </summary>
internal sealed class BlockStepper(SimulationInput input, MonthlySchedule schedule, PathBook book, PathRandom random, float[] weights, TaxedStepper? taxes = null, bool fuse = true)
{
    /// <summary>A shortfall below this share of the withdrawal is single-precision rounding, not a failure.</summary>
    internal const float Rounding = 1e-5f;

    private readonly int _assets = input.Returns.AssetCount;
    private readonly float _fee = MonthlyFee(input);
    private readonly RebalancedNormalKernel? _kernel = fuse ? RebalancedNormalKernel.For(input, schedule, book, random, weights, MonthlyFee(input)) : null;

    /// <summary>Scratch for one block; one per worker thread.</summary>
    public sealed class Workspace(SimulationInput input, int blockSize)
    {
        public float[] Gross { get; } = new float[input.Returns.AssetCount * blockSize];
        public float[] ModelScratch { get; } = new float[input.Returns.ScratchLength(blockSize)];
    }

    /// <summary>The monthly gross factor of the annual fee, (1 - fee)^(1/12).</summary>
    private static float MonthlyFee(SimulationInput input) => (float)Math.Pow(1 - input.AnnualFee, 1.0 / 12);

    /// <summary>Current balances of a block's paths.</summary>
    public ReadOnlySpan<float> Balances(int first, int count) => book.Balance.AsSpan(first, count);

    // Called per block and year: compile fully optimised at once rather than after tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunYear(int first, int count, int startMonth, int endMonth, Workspace ws)
    {
        if (_kernel is not null)
        {
            _kernel.RunYear(first, count, startMonth, endMonth);
            CloseYear(first, count, startMonth, endMonth);
            return;
        }

        var gross = ws.Gross.AsSpan(0, _assets * count);
        for (var m = startMonth; m < endMonth; m++)
        {
            var block = new ReturnBlock(m, first, count, random, book.ModelState.Length == 0 ? default : book.ModelState.AsSpan(first, count), ws.ModelScratch, input.Antithetic);
            input.Returns.Generate(block, gross);
            if (taxes is not null)
            {
                StepTaxed(m, first, count, gross, taxes);
            }
            else if (input.Spending is { Rule: not SpendingRule.ConstantReal } policy && m >= policy.StartMonth && m <= policy.EndMonth)
            {
                AddContributions(m, first, count);
                if ((m - policy.StartMonth) % 12 == 0)
                {
                    DecideSpending(policy, m, first, count);
                }

                StepDrifting(m, first, count, gross, contributionsDone: true);
            }
            else if (book.Holdings is null)
            {
                StepRebalanced(m, first, count, gross);
            }
            else
            {
                StepDrifting(m, first, count, gross, contributionsDone: false);
            }
        }

        if (taxes is not null && endMonth == input.HorizonMonths)
        {
            taxes.Settle(first, count);
        }

        CloseYear(first, count, startMonth, endMonth);
    }

    /// <summary>A taxed month: the policy decides spending as usual, the accounts pay it (TaxedStepper).</summary>
    private void StepTaxed(int m, int first, int count, ReadOnlySpan<float> gross, TaxedStepper taxed)
    {
        var fixedNeed = (float)schedule.FixedWithdrawal[m];
        if (input.Spending is { Rule: not SpendingRule.ConstantReal } policy && m >= policy.StartMonth && m <= policy.EndMonth)
        {
            AddContributions(m, first, count);
            if ((m - policy.StartMonth) % 12 == 0)
            {
                DecideSpending(policy, m, first, count);
            }

            var spend = book.AnnualSpend!;
            taxed.Step(m, first, count, gross, p => fixedNeed + (spend[p] / 12));
        }
        else
        {
            taxed.Step(m, first, count, gross, _ => fixedNeed);
        }
    }

    /// <summary>Fixed weights or glide path, rebalanced every month: one vector pass.</summary>
    // Hot loop: compile fully optimised at once rather than after tiering (a CLI run is one shot).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StepRebalanced(int m, int first, int count, ReadOnlySpan<float> gross)
    {
        // One bounds check for the block, then unchecked refs: this loop is most of the run time.
        if (first + count > book.Balance.Length || gross.Length < _assets * count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        var contribution = Vector512.Create((float)schedule.Contribution[m]);
        var need = Vector512.Create((float)schedule.FixedWithdrawal[m]);
        var needInFull = need * Vector512.Create(1 - Rounding);
        var toReal = Vector512.Create((float)(1 / schedule.InflationFactor[m]));
        var fee = Vector512.Create(_fee);
        var month = Vector512.Create(m);
        var w = weights.AsSpan(m * _assets, _assets);
        ref var g0 = ref MemoryMarshal.GetReference(gross);
        ref var balance = ref book.Balance[first];
        ref var failMonths = ref book.FailMonth[first];
        ref var spentReal = ref book.YearSpendReal[first];
        var growth = book.YearGrowth;
        unchecked
        {
            for (var i = 0; i < count; i += Vector512<float>.Count)
            {
                var at = (nuint)i;
                var r = Vector512<float>.Zero;
                for (var a = 0; a < w.Length; a++)
                {
                    r = Vector512.FusedMultiplyAdd(Vector512.Create(w[a]), Vector512.LoadUnsafe(ref g0, (nuint)((a * count) + i)), r);
                }

                r *= fee;
                var b = Vector512.LoadUnsafe(ref balance, at);
                var failMonth = Vector512.LoadUnsafe(ref failMonths, at);
                var spent = Vector512.LoadUnsafe(ref spentReal, at);
                Pay(r, contribution, need, needInFull, toReal, month, ref b, ref failMonth, ref spent);
                b.StoreUnsafe(ref balance, at);
                failMonth.StoreUnsafe(ref failMonths, at);
                spent.StoreUnsafe(ref spentReal, at);
                if (growth is not null)
                {
                    (Vector512.Create<float>(growth.AsSpan(first + i)) * r).CopyTo(growth.AsSpan(first + i));
                }
            }
        }
    }

    /// <summary>
    /// One month of 16 rebalanced paths: the contribution, the withdrawal (a path that cannot pay it in full fails
    /// and stays at 0; what it paid counts, in today's money, towards the year's spending), then the gross return
    /// <paramref name="r"/>. Shared with <see cref="RebalancedNormalKernel"/>, which keeps the state in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Pay(
        Vector512<float> r, Vector512<float> contribution, Vector512<float> need, Vector512<float> needInFull, Vector512<float> toReal, Vector512<int> month,
        ref Vector512<float> balance, ref Vector512<int> failMonth, ref Vector512<float> spentReal)
    {
        // MinNative/MaxNative: one instruction where IEEE 754-2019's Min and Max take three; never NaN or -0 here.
        var alive = Vector512.Equals(failMonth, Vector512.Create(-1)).AsSingle();
        var b = balance + contribution;
        var shortfall = Vector512.GreaterThan(needInFull, b);
        var paid = Vector512.MinNative(need, b) & alive;
        spentReal = Vector512.FusedMultiplyAdd(paid, toReal, spentReal);
        failMonth = Vector512.ConditionalSelect((alive & shortfall).AsInt32(), month, failMonth);
        balance = Vector512.MaxNative(b - need, Vector512<float>.Zero) * r & Vector512.AndNot(alive, shortfall);
    }

    /// <summary>Path by path: drifting weights and/or per-path withdrawals from a spending policy.</summary>
    private void StepDrifting(int m, int first, int count, ReadOnlySpan<float> gross, bool contributionsDone)
    {
        var w = weights.AsSpan(m * _assets, _assets);
        var contribution = contributionsDone ? 0f : (float)schedule.Contribution[m];
        var toReal = (float)(1 / schedule.InflationFactor[m]);
        var policyActive = input.Spending is { Rule: not SpendingRule.ConstantReal } s && m >= s.StartMonth && m <= s.EndMonth;
        var holdings = book.Holdings;
        for (var i = 0; i < count; i++)
        {
            var p = first + i;
            if (book.FailMonth[p] >= 0)
            {
                continue;
            }

            var b = book.Balance[p] + contribution;
            var need = (float)schedule.FixedWithdrawal[m] + (policyActive ? book.AnnualSpend![p] / 12 : 0f);
            book.YearSpendReal[p] += Math.Min(need, b) * toReal;
            if (need * (1 - Rounding) > b)
            {
                book.FailMonth[p] = m;
                book.Balance[p] = 0;
                if (holdings is not null)
                {
                    foreach (var h in holdings)
                    {
                        h[p] = 0;
                    }
                }

                continue;
            }

            float r;
            if (holdings is null)
            {
                r = 0;
                for (var a = 0; a < _assets; a++)
                {
                    r += w[a] * gross[(a * count) + i];
                }

                r *= _fee;
                b = Math.Max(b - need, 0) * r;
            }
            else
            {
                // Contributions buy the target weights; withdrawals sell pro rata; then each holding grows.
                var keepShare = b > 0 ? Math.Max(b - need, 0) / b : 0f;
                var after = 0f;
                for (var a = 0; a < _assets; a++)
                {
                    var h = (holdings[a][p] + (contribution * w[a])) * keepShare * gross[(a * count) + i] * _fee;
                    holdings[a][p] = h;
                    after += h;
                }

                r = b - need > 0 ? after / (b - need) : 1f;
                b = after;
            }

            book.Balance[p] = b;
            if (book.YearGrowth is not null)
            {
                book.YearGrowth[p] *= r;
            }
        }
    }

    private void AddContributions(int m, int first, int count)
    {
        var c = (float)schedule.Contribution[m];
        if (c == 0)
        {
            return;
        }

        for (var p = first; p < first + count; p++)
        {
            if (book.FailMonth[p] < 0)
            {
                book.Balance[p] += c;
                if (book.Holdings is { } holdings)
                {
                    var w = weights.AsSpan(m * _assets, _assets);
                    for (var a = 0; a < _assets; a++)
                    {
                        holdings[a][p] += c * w[a];
                    }
                }
            }
        }
    }

    /// <summary>The policy's nominal spending for the year starting at month m, per path.</summary>
    private void DecideSpending(SpendingPolicy policy, int m, int first, int count)
    {
        var f = schedule.InflationFactor[m];
        var planned = policy.AnnualAmount * f;
        var yearsLeft = ((policy.EndMonth - m) / 12) + 1;
        var firstYear = m == policy.StartMonth;
        var spend = book.AnnualSpend!;
        for (var p = first; p < first + count; p++)
        {
            double b = book.Balance[p];
            if (book.FailMonth[p] >= 0)
            {
                continue;
            }

            spend[p] = (float)(policy.Rule switch
            {
                SpendingRule.PercentOfPortfolio => SpendingRules.Clamp(policy.Rate * b, policy, f),
                SpendingRule.VariablePercentage => SpendingRules.Clamp(b * SpendingRules.VpwRate(policy.ExpectedRealReturn, yearsLeft), policy, f),
                _ => firstYear ? planned : SpendingRules.GuytonKlinger(policy, input.Inflation, spend[p], book.InitialRate![p], book.YearGrowth![p], b, yearsLeft),
            });
            if (firstYear && policy.Rule == SpendingRule.GuytonKlinger)
            {
                book.InitialRate![p] = b > 0 ? (float)(planned / b) : float.PositiveInfinity;
            }

            if (book.YearGrowth is not null)
            {
                book.YearGrowth[p] = 1f;
            }
        }
    }

    /// <summary>Year-end bookkeeping: spending quality, annual rebalancing.</summary>
    private void CloseYear(int first, int count, int startMonth, int endMonth)
    {
        var planned = 0.0;
        for (var m = startMonth; m < endMonth; m++)
        {
            planned += schedule.PlannedReal[m];
        }

        if (planned > 0)
        {
            ScoreSpending(first, count, planned);
        }

        book.YearSpendReal.AsSpan(first, count).Clear();
        if (book.Holdings is { } holdings && input.Allocation.Rebalance == Rebalance.Annually && endMonth % 12 == 0)
        {
            var w = weights.AsSpan((endMonth - 1) * _assets, _assets);
            for (var p = first; p < first + count; p++)
            {
                for (var a = 0; a < _assets; a++)
                {
                    holdings[a][p] = book.Balance[p] * w[a];
                }
            }
        }
    }

    /// <summary>
    /// Each path's real spending this year over the plan: counts a cut year below 90 % and keeps
    /// the lowest ratio. 32 paths at a time; the ratio is (float)(spent / planned) in double, as a
    /// scalar loop would compute it, so the bits do not depend on the vector width.
    /// </summary>
    // Hot loop: compile fully optimised at once rather than after tiering (a CLI run is one shot).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScoreSpending(int first, int count, double planned)
    {
        const int Step = 2 * 16;
        if (count % Step != 0 || first + count > book.YearSpendReal.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        var plan = Vector512.Create(planned);
        var cutBelow = Vector512.Create(0.9f);
        ref var spent = ref book.YearSpendReal[first];
        ref var lowest = ref book.LowestRatio[first];
        ref var cutYears = ref book.CutYears[first];
        unchecked
        {
            for (var i = 0; i < count; i += Step)
            {
                var at = (nuint)i;
                var (a0, a1) = Vector512.Widen(Vector512.LoadUnsafe(ref spent, at));
                var (b0, b1) = Vector512.Widen(Vector512.LoadUnsafe(ref spent, at + 16));
                var ratioA = Vector512.Narrow(a0 / plan, a1 / plan);
                var ratioB = Vector512.Narrow(b0 / plan, b1 / plan);
                Vector512.Min(Vector512.LoadUnsafe(ref lowest, at), ratioA).StoreUnsafe(ref lowest, at);
                Vector512.Min(Vector512.LoadUnsafe(ref lowest, at + 16), ratioB).StoreUnsafe(ref lowest, at + 16);

                // All-ones masks narrowed to one byte per path: subtracting -1 adds a cut year.
                var cuts = Vector512.Narrow(Vector512.LessThan(ratioA, cutBelow).AsInt32(), Vector512.LessThan(ratioB, cutBelow).AsInt32());
                var cutBytes = Vector512.Narrow(cuts, Vector512<short>.Zero).GetLower().AsByte();
                (Vector256.LoadUnsafe(ref cutYears, at) - cutBytes).StoreUnsafe(ref cutYears, at);
            }
        }
    }
}
