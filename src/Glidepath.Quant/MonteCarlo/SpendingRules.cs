namespace Glidepath.Quant.MonteCarlo;

/// <summary>The yearly spending decisions of the non-constant policies (one path at a time).</summary>
internal static class SpendingRules
{
    public static double Clamp(double amount, SpendingPolicy policy, double inflationFactor) =>
        Math.Min(Math.Max(amount, policy.Floor * inflationFactor), policy.Ceiling * inflationFactor);

    /// <summary>
    /// Bogleheads VPW: the share of the balance that, withdrawn at each year start and growing at
    /// real return r, lasts exactly n years: PMT(r, n, -1, 0, type 1) = r / ((1+r)(1-(1+r)^-n)).
    /// </summary>
    public static double VpwRate(double r, int yearsLeft) =>
        Math.Abs(r) < 1e-12 ? 1.0 / yearsLeft : r / ((1 + r) * (1 - Math.Pow(1 + r, -yearsLeft)));

    /// <summary>
    /// Guyton and Klinger, "Decision Rules and Maximum Initial Withdrawal Rates", Journal of
    /// Financial Planning 19(3), 2006: raise last year's spending for inflation unless last year's
    /// return was negative and the withdrawal rate is above the initial one; then cut by
    /// Adjustment when the rate is above the initial rate by more than Guardrail (not in the last
    /// 15 years), raise by Adjustment when below it by more than Guardrail.
    /// </summary>
    public static double GuytonKlinger(SpendingPolicy policy, double inflation, double last, double initialRate, double lastYearGrowth, double balance, int yearsLeft)
    {
        if (balance <= 0)
        {
            return last;
        }

        var spend = lastYearGrowth < 1 && last / balance > initialRate ? last : last * (1 + inflation);
        var rate = spend / balance;
        if (rate > initialRate * (1 + policy.Guardrail) && yearsLeft > 15)
        {
            spend *= 1 - policy.Adjustment;
        }
        else if (rate < initialRate * (1 - policy.Guardrail))
        {
            spend *= 1 + policy.Adjustment;
        }

        return spend;
    }
}
