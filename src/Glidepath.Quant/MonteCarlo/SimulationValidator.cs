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
    }

    private static void Require(bool ok, string field, string message)
    {
        if (!ok)
        {
            throw new InvalidInputException(field, $"{field} {message}");
        }
    }
}
