using Glidepath.Domain.Results;
using Glidepath.Quant.MonteCarlo;
using Glidepath.Quant.Taxes;

namespace Glidepath.Domain.Planning;

/// <summary>A scenario ready to run: the engine input and the tags of its cash flows.</summary>
public sealed record CompiledScenario(SimulationInput Input, IReadOnlyList<TaggedFlow> Flows);

/// <summary>Turns a scenario document into an engine input, naming the field of the first problem.</summary>
public static class ScenarioCompiler
{
    /// <param name="document">The parsed scenario.</param>
    /// <param name="seriesLoader">Reads a return series (front doors do file I/O); null to validate without it.</param>
    /// <param name="includeGoalsUpToPriority">Keep only goal flows with this priority or better (per-goal success).</param>
    public static Result<CompiledScenario> Compile(ScenarioDocument document, Func<SeriesDocument, HistoricalSeries>? seriesLoader, int includeGoalsUpToPriority = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Check(document) is { } problem)
        {
            return problem;
        }

        try
        {
            var flows = Flows(document).Where(f => f.Goal is null || f.Priority <= includeGoalsUpToPriority).ToList();
            var input = new SimulationInput
            {
                StartBalance = document.StartBalance ?? document.Taxes?.Accounts.Total ?? 0,
                HorizonMonths = document.HorizonMonths,
                Inflation = document.Inflation ?? 0.0,
                AnnualFee = document.AnnualFee,
                Returns = ReturnModel(document, seriesLoader),
                Allocation = Allocation(document),
                CashFlows = flows.Select(f => f.Flow).ToList(),
                Spending = Spending(document.Spending),
                Paths = document.Paths,
                Seed = document.Seed,
                Antithetic = document.Antithetic,
                Taxes = Taxes(document),
            };
            MonteCarloSimulator.Validate(input);
            return Result.Ok(new CompiledScenario(input, flows));
        }
        catch (InvalidInputException e)
        {
            // Flows after the document's own come from the plan.
            var field = e.Field.StartsWith("cashFlows[", StringComparison.Ordinal) && FlowIndex(e.Field) >= document.CashFlows.Count ? "plan" : e.Field;
            return Problem.Invalid(field, e.Message);
        }
    }

    /// <summary>The document's flows (indices kept) followed by the plan's.</summary>
    public static IEnumerable<TaggedFlow> Flows(ScenarioDocument document)
    {
        foreach (var f in document.CashFlows)
        {
            var kind = f.Kind == FlowKind.Contribution ? CashFlowKind.Contribution : CashFlowKind.Withdrawal;
            var frequency = (CashFlowFrequency)f.Frequency; // same member order as the engine's enums
            yield return new(new CashFlow(kind, f.Amount, f.StartMonth, f.EndMonth, frequency, f.InflationIndexed, f.TaxAs ?? IncomeTaxation.None), f.EffectiveRole, f.Goal, f.Priority);
        }

        if (document.Plan is { } plan)
        {
            foreach (var f in PlanExpansion.Flows(plan, document.HorizonMonths))
            {
                yield return f;
            }
        }
    }

    private static int FlowIndex(string field) => int.TryParse(field.AsSpan(10, field.IndexOf(']', StringComparison.Ordinal) - 10), System.Globalization.CultureInfo.InvariantCulture, out var k) ? k : 0;

    /// <summary>Checks the engine cannot phrase in document terms.</summary>
    private static Problem? Check(ScenarioDocument d)
    {
        if (d.StartBalance is null && d.FromLedger is null && d.Taxes is null)
        {
            return Problem.Invalid("startBalance", "is required (or fromLedger, to take it from the household's holdings)");
        }

        if (CheckTaxes(d) is { } taxProblem)
        {
            return taxProblem;
        }

        if (d.FromLedger is { Allocation: true } && d.Allocation.GlidePath is not null)
        {
            return Problem.Invalid("fromLedger.allocation", "cannot be combined with allocation.glidePath, which sets the weights itself");
        }

        if (d.Assets.Count == 0)
        {
            return Problem.Invalid("assets", "at least one asset is needed");
        }

        for (var i = 0; i < d.Assets.Count; i++)
        {
            var a = d.Assets[i];
            if (!(a.Volatility >= 0) || !double.IsFinite(a.Volatility))
            {
                return Problem.Invalid($"assets[{i}].volatility", $"must be >= 0 (got {a.Volatility.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
            }

            if (!(a.ExpectedReturn > -1) || !double.IsFinite(a.ExpectedReturn))
            {
                return Problem.Invalid($"assets[{i}].expectedReturn", "must be above -1");
            }
        }

        var n = d.Assets.Count;
        if (d.Correlations is { } c)
        {
            if (c.Count != n)
            {
                return Problem.Invalid("correlations", $"must have {n} rows, one per asset");
            }

            for (var i = 0; i < n; i++)
            {
                if (c[i].Count != n)
                {
                    return Problem.Invalid($"correlations[{i}]", $"must have {n} entries");
                }
            }
        }
        else if (n > 1)
        {
            return Problem.Invalid("correlations", $"is required with {n} assets");
        }

        if (d.Plan is { } plan)
        {
            if (plan.People.Count == 0)
            {
                return Problem.Invalid("plan.people", "at least one person is needed");
            }

            for (var i = 0; i < plan.Incomes.Count; i++)
            {
                if (plan.Incomes[i].Person < 0 || plan.Incomes[i].Person >= plan.People.Count)
                {
                    return Problem.Invalid($"plan.incomes[{i}].person", $"must be in [0, {plan.People.Count - 1}]");
                }
            }
        }

        for (var k = 0; k < (d.Allocation.GlidePath?.Count ?? 0); k++)
        {
            var p = d.Allocation.GlidePath![k];
            if ((p.Month is null) == (p.Age is null) || (p.Age is not null && d.Plan is null))
            {
                return Problem.Invalid($"allocation.glidePath[{k}]", "needs exactly one of month or age (age needs a plan)");
            }
        }

        if (d.ReturnModel is { Kind: ReturnModelKind.Bootstrap or ReturnModelKind.Historical, Series: null })
        {
            return Problem.Invalid("returnModel.series", "is required for bootstrap and historical models");
        }

        if (d.ReturnModel?.Series is { } s && ReturnSeries.Check(s, n) is { } seriesProblem)
        {
            return seriesProblem;
        }

        return d.TargetSuccess is > 0 and < 1 ? null : Problem.Invalid("targetSuccess", "must be in (0, 1)");
    }

    private static Problem? CheckTaxes(ScenarioDocument d)
    {
        if (d.Taxes is not { } t)
        {
            return null;
        }

        if (d.FromLedger is not null)
        {
            return Problem.Invalid("taxes", "cannot be combined with fromLedger yet: give the account balances in taxes.accounts");
        }

        if (t.Year is { } year && TaxTables.Federal(year) is null)
        {
            return Problem.Invalid("taxes.year", $"no federal table is shipped for {year.ToString(System.Globalization.CultureInfo.InvariantCulture)} (available: {TaxTables.Latest.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }

        if (t.OwnerAge is null && d.Plan is null)
        {
            return Problem.Invalid("taxes.ownerAge", "is required without a plan (it sets the RMD ages)");
        }

        for (var i = 0; i < d.CashFlows.Count; i++)
        {
            if (d.CashFlows[i].TaxAs is not null and not IncomeTaxation.None && d.CashFlows[i].Kind != FlowKind.Contribution)
            {
                return Problem.Invalid($"cashFlows[{i}].taxAs", "only a contribution can be income");
            }
        }

        return null;
    }

    private static TaxSettings? Taxes(ScenarioDocument d)
    {
        if (d.Taxes is not { } t)
        {
            return null;
        }

        var table = t.Year is { } year ? TaxTables.Federal(year)! : TaxTables.Latest;
        var age = t.OwnerAge ?? d.Plan!.People[0].Age;
        return new TaxSettings
        {
            Table = table,
            FilingStatus = t.FilingStatus,
            StateRate = t.StateRate,
            Taxable = t.Accounts.Taxable,
            TaxableBasis = t.Accounts.TaxableBasis ?? t.Accounts.Taxable,
            TaxDeferred = t.Accounts.TaxDeferred,
            TaxFree = t.Accounts.TaxFree,
            Hsa = t.Accounts.Hsa,
            Order = t.WithdrawalOrder,
            FillBracketRate = t.FillBracketRate,
            ContributionAccount = t.ContributionAccount,
            OwnerAge = age,
            OwnerBirthYear = t.OwnerBirthYear ?? table.Year - (int)Math.Ceiling(age),
            Conversion = t.RothConversion is { } c ? new RothConversion(c.Kind, c.StartMonth, c.EndMonth, c.Amount, c.BracketRate) : null,
            IndexThresholds = t.IndexThresholds,
        };
    }

    private static IReturnModel ReturnModel(ScenarioDocument d, Func<SeriesDocument, HistoricalSeries>? loader)
    {
        var kind = d.ReturnModel?.Kind ?? ReturnModelKind.Normal;
        var source = d.ReturnModel?.Series;
        if (kind is ReturnModelKind.Bootstrap or ReturnModelKind.Historical && (loader is not null || source?.MonthlyReturns is not null))
        {
            var series = source!.MonthlyReturns is { } inline ? ReturnSeries.FromInline(source, inline) : loader!(source);
            if (kind == ReturnModelKind.Historical)
            {
                return new HistoricalSequenceReturns(series);
            }

            var block = d.ReturnModel!.BlockMonths;
            return block >= 1 && block <= series.Months
                ? new BlockBootstrapReturns(series, block)
                : throw new InvalidInputException("returnModel.blockMonths", $"must be in [1, {series.Months}], the months of the series");
        }

        var assets = d.Assets.Select(a => MonthlyLogNormal.FromAnnual(a.ExpectedReturn, a.Volatility)).ToList();
        var n = assets.Count;
        var c = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                c[i, j] = d.Correlations?[i][j] ?? (i == j ? 1 : 0);
            }
        }

        if (kind == ReturnModelKind.StudentT)
        {
            var v = d.ReturnModel!.DegreesOfFreedom;
            return v is >= 3 and <= 200
                ? new StudentTReturns(assets, c, v)
                : throw new InvalidInputException("returnModel.degreesOfFreedom", "returnModel.degreesOfFreedom must be an integer in [3, 200]");
        }

        return new NormalReturns(assets, c);
    }

    private static Allocation Allocation(ScenarioDocument d)
    {
        var glide = d.Allocation.GlidePath?
            .Select(p => new GlidePoint(p.Month ?? Math.Clamp(PlanExpansion.MonthAt(d.Plan!, p.Age!.Value), 0, d.HorizonMonths - 1), p.Weights))
            .ToList();
        return new Allocation(d.Allocation.Weights, (Rebalance)d.Allocation.Rebalance, glide);
    }

    private static SpendingPolicy? Spending(SpendingDocument? s) => s is null ? null : new SpendingPolicy((SpendingRule)s.Rule, s.AnnualAmount, s.StartMonth, s.EndMonth)
    {
        Rate = s.Rate,
        Floor = s.Floor,
        Ceiling = s.Ceiling ?? double.PositiveInfinity,
        Guardrail = s.Guardrail,
        Adjustment = s.Adjustment,
        ExpectedRealReturn = s.ExpectedRealReturn,
    };
}
