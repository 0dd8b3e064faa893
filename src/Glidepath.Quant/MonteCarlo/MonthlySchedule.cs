namespace Glidepath.Quant.MonteCarlo;

/// <summary>The deterministic part of each month: fixed flows, inflation factor and planned spending.</summary>
internal sealed class MonthlySchedule
{
    public MonthlySchedule(SimulationInput input)
    {
        var months = input.HorizonMonths;
        InflationFactor = new double[months + 1];
        Contribution = new double[months];
        FixedWithdrawal = new double[months];
        PlannedReal = new double[months];
        OrdinaryIncome = new double[months];
        SocialSecurity = new double[months];
        for (var m = 0; m <= months; m++)
        {
            InflationFactor[m] = Math.Pow(1 + input.Inflation, m / 12.0);
        }

        for (var k = 0; k < input.CashFlows.Count; k++)
        {
            var flow = input.CashFlows[k];
            for (var m = flow.StartMonth; m <= flow.EndMonth; m++)
            {
                if (!flow.PaysIn(m))
                {
                    continue;
                }

                var nominal = flow.InflationIndexed ? flow.Amount * InflationFactor[m] : flow.Amount;
                if (flow.Kind == CashFlowKind.Contribution)
                {
                    Contribution[m] += nominal;
                    if (flow.Taxation == IncomeTaxation.Ordinary)
                    {
                        OrdinaryIncome[m] += nominal;
                    }
                    else if (flow.Taxation == IncomeTaxation.SocialSecurity)
                    {
                        SocialSecurity[m] += nominal;
                    }
                }
                else
                {
                    FixedWithdrawal[m] += nominal;
                    PlannedReal[m] += nominal / InflationFactor[m];
                }
            }
        }

        if (input.Spending is { } policy)
        {
            for (var m = policy.StartMonth; m <= policy.EndMonth; m++)
            {
                PlannedReal[m] += policy.AnnualAmount / 12;
                if (policy.Rule == SpendingRule.ConstantReal)
                {
                    // Same as an indexed monthly withdrawal: no per-path state needed.
                    FixedWithdrawal[m] += policy.AnnualAmount / 12 * InflationFactor[m];
                }
            }
        }

        var ends = new List<int>();
        for (var m = 12; m <= months; m += 12)
        {
            ends.Add(m);
        }

        if (months % 12 != 0)
        {
            ends.Add(months);
        }

        YearEnds = [.. ends];
    }

    /// <summary>(1+inflation)^(m/12) for m = 0..horizon.</summary>
    public double[] InflationFactor { get; }

    public double[] Contribution { get; }

    public double[] FixedWithdrawal { get; }

    /// <summary>Nominal contributions that are ordinary income (taxed runs only).</summary>
    public double[] OrdinaryIncome { get; }

    /// <summary>Nominal contributions that are Social Security benefits (taxed runs only).</summary>
    public double[] SocialSecurity { get; }

    /// <summary>Planned withdrawals in today's money (fixed withdrawals plus the policy's plan).</summary>
    public double[] PlannedReal { get; }

    /// <summary>Months elapsed at each reported year end (12, 24, ..., and the horizon).</summary>
    public int[] YearEnds { get; }
}
