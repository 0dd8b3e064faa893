namespace Glidepath.Quant.MonteCarlo;

/// <summary>Rejects inputs the engine cannot honour, with the scenario field path as ParamName.</summary>
internal static class SimulationValidator
{
    public const int MaxHorizonMonths = 1200;
    public const int MaxPaths = 10_000_000;

    public static void Validate(SimulationInput input)
    {
        var h = input.HorizonMonths;
        Require(h is >= 1 and <= MaxHorizonMonths, "horizonMonths", $"must be in [1, {MaxHorizonMonths}]");
        Require(input.StartBalance >= 0 && double.IsFinite(input.StartBalance), "startBalance", "must be a finite number >= 0");
        Require(input.Inflation > -1 && input.Inflation < 1, "inflation", "must be in (-1, 1)");
        Require(input.AnnualFee >= 0 && input.AnnualFee < 1, "annualFee", "must be in [0, 1)");
        Require(input.Paths is >= 1 and <= MaxPaths, "paths", $"must be in [1, {MaxPaths}]");
        for (var k = 0; k < input.CashFlows.Count; k++)
        {
            var f = input.CashFlows[k];
            var at = $"cashFlows[{k}]";
            Require(f.Amount >= 0 && double.IsFinite(f.Amount), $"{at}.amount", "must be a finite number >= 0");
            Require(f.StartMonth >= 0 && f.StartMonth < h, $"{at}.startMonth", $"must be in [0, {h - 1}] (horizonMonths - 1)");
            Require(f.EndMonth >= f.StartMonth && f.EndMonth < h, $"{at}.endMonth", $"must be in [startMonth, {h - 1}]");
        }

        if (input.Spending is { } s)
        {
            Require(s.AnnualAmount >= 0 && double.IsFinite(s.AnnualAmount), "spending.annualAmount", "must be a finite number >= 0");
            Require(s.StartMonth >= 0 && s.StartMonth < h, "spending.startMonth", $"must be in [0, {h - 1}]");
            Require(s.EndMonth >= s.StartMonth && s.EndMonth < h, "spending.endMonth", $"must be in [startMonth, {h - 1}]");
            Require(s.Rate is >= 0 and <= 1, "spending.rate", "must be in [0, 1]");
            Require(s.Floor >= 0 && s.Ceiling >= s.Floor, "spending.ceiling", "must be at least spending.floor >= 0");
            Require(s.Guardrail is >= 0 and < 1 && s.Adjustment is >= 0 and < 1, "spending.guardrail", "guardrail and adjustment must be in [0, 1)");
            Require(s.ExpectedRealReturn > -1, "spending.expectedRealReturn", "must be above -1");
        }

        foreach (var point in input.Allocation.GlidePath ?? [])
        {
            Require(point.Month >= 0 && point.Month < h, "allocation.glidePath.month", $"must be in [0, {h - 1}]");
        }

        if (input.Taxes is { } t)
        {
            ValidateTaxes(input, t, h);
        }
    }

    private static void ValidateTaxes(SimulationInput input, TaxSettings t, int h)
    {
        double[] accounts = [t.Taxable, t.TaxableBasis, t.TaxDeferred, t.TaxFree, t.Hsa];
        Require(accounts.All(a => a >= 0 && double.IsFinite(a)), "taxes.accounts", "balances and basis must be finite numbers >= 0");
        var sum = t.Taxable + t.TaxDeferred + t.TaxFree + t.Hsa;
        Require(Math.Abs(sum - input.StartBalance) <= 1e-9 * Math.Max(1, input.StartBalance), "taxes.accounts", $"must add up to startBalance ({input.StartBalance.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        Require(t.StateRate is >= 0 and < 1, "taxes.stateRate", "must be in [0, 1)");
        Require(t.OwnerAge is >= 0 and <= 130, "taxes.ownerAge", "must be in [0, 130]");
        Require(input.Allocation.Rebalance == Rebalance.Monthly || input.Allocation.GlidePath is not null, "allocation.rebalance", "must be monthly when taxes are modelled (every account holds the same rebalanced portfolio)");
        var schedule = t.Table.For(t.FilingStatus);
        Require(t.Order != WithdrawalOrder.FillBracket || IsRate(schedule, t.FillBracketRate), "taxes.fillBracketRate", "must be one of the table's ordinary rates");
        if (t.Conversion is { } c)
        {
            Require(c.StartMonth >= 0 && c.StartMonth < h, "taxes.rothConversion.startMonth", $"must be in [0, {h - 1}]");
            Require(c.EndMonth >= c.StartMonth && c.EndMonth < h, "taxes.rothConversion.endMonth", $"must be in [startMonth, {h - 1}]");
            Require(c.Amount >= 0 && double.IsFinite(c.Amount), "taxes.rothConversion.amount", "must be a finite number >= 0");
            Require(c.Kind != ConversionKind.FillToBracket || IsRate(schedule, c.BracketRate), "taxes.rothConversion.bracketRate", "must be one of the table's ordinary rates");
        }
    }

    private static bool IsRate(Taxes.FilingSchedule schedule, double rate) => schedule.Ordinary.Any(b => Math.Abs(b.Rate - rate) < 1e-9);

    private static void Require(bool ok, string field, string message)
    {
        if (!ok)
        {
            throw new InvalidInputException(field, $"{field} {message}");
        }
    }
}
