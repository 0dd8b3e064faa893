namespace Glidepath.Domain.Planning;

/// <summary>What a solve can change.</summary>
public enum SolveFor
{
    /// <summary>Monthly saving in today's money.</summary>
    Saving,

    /// <summary>Retirement month (reported also as an age when the scenario has a plan).</summary>
    RetirementAge,

    /// <summary>Annual retirement spending in today's money.</summary>
    Spending,
}

/// <summary>Sets one lever on a scenario, on its plan when it has one, otherwise on its tagged cash flows.</summary>
public static class Levers
{
    /// <summary>The names the CLI's --for and the API's "for" accept.</summary>
    public static IReadOnlyList<string> Names { get; } = ["saving", "retirement-age", "spending"];

    public static SolveFor? Parse(string? name) => name switch
    {
        "saving" => SolveFor.Saving,
        "retirement-age" => SolveFor.RetirementAge,
        "spending" => SolveFor.Spending,
        _ => null,
    };

    /// <summary>The lever's current value in the scenario.</summary>
    public static double Current(ScenarioDocument d, SolveFor lever)
    {
        var flows = ScenarioCompiler.Flows(d).ToList();
        return lever switch
        {
            SolveFor.Saving => flows.Where(f => f.Role == FlowRole.Saving).Sum(f => MonthlyEquivalent(f.Flow)),
            SolveFor.Spending => (12 * flows.Where(f => f.Role == FlowRole.Spending).Sum(f => MonthlyEquivalent(f.Flow))) + (d.Spending?.AnnualAmount ?? 0),
            _ => RetirementMonth(d),
        };
    }

    public static ScenarioDocument Apply(ScenarioDocument d, SolveFor lever, double value)
    {
        if (d.Plan is { } plan)
        {
            return d with
            {
                Plan = lever switch
                {
                    SolveFor.Saving => plan with { MonthlySaving = value },
                    SolveFor.Spending => plan with { Goals = ScaleRetirementGoals(plan, value) },
                    _ => plan with { People = [plan.People[0] with { RetirementAge = plan.People[0].Age + (value / 12) }, .. plan.People.Skip(1)] },
                },
            };
        }

        return lever switch
        {
            SolveFor.Saving => ApplySaving(d, value),
            SolveFor.Spending => ApplySpending(d, value),
            _ => ApplyRetirement(d, (int)Math.Round(value)),
        };
    }

    private static double MonthlyEquivalent(Quant.MonteCarlo.CashFlow f) => f.Frequency switch
    {
        Quant.MonteCarlo.CashFlowFrequency.Monthly => f.Amount,
        Quant.MonteCarlo.CashFlowFrequency.Annual => f.Amount / 12,
        _ => 0,
    };

    /// <summary>First month of spending (plan: the first person's retirement).</summary>
    public static int RetirementMonth(ScenarioDocument d) => d.Plan is { } plan
        ? PlanExpansion.MonthAt(plan, plan.People[0].RetirementAge)
        : ScenarioCompiler.Flows(d).Where(f => f.Role == FlowRole.Spending).Select(f => f.Flow.StartMonth)
            .Concat(d.Spending is { } s ? [s.StartMonth] : []).DefaultIfEmpty(d.HorizonMonths).Min();

    private static List<GoalDocument> ScaleRetirementGoals(PlanDocument plan, double annual)
    {
        var total = plan.Goals.Where(g => g.Kind == GoalKind.Retirement).Sum(g => g.AnnualAmount);
        return plan.Goals.Select(g => g.Kind != GoalKind.Retirement ? g : g with { AnnualAmount = total > 0 ? g.AnnualAmount * annual / total : annual }).ToList();
    }

    /// <summary>Saving flows scaled to the value; with none, one monthly contribution until the first spending month.</summary>
    private static ScenarioDocument ApplySaving(ScenarioDocument d, double monthly)
    {
        var current = Current(d, SolveFor.Saving);
        if (current > 0)
        {
            return d with { CashFlows = Scaled(d, FlowRole.Saving, monthly / current) };
        }

        var retire = RetirementMonth(d);
        return monthly <= 0 || retire <= 0 ? d : d with
        {
            CashFlows = [.. d.CashFlows, new CashFlowDocument { Kind = FlowKind.Contribution, Amount = monthly, StartMonth = 0, EndMonth = retire - 1, Role = FlowRole.Saving }],
        };
    }

    /// <summary>Spending flows and the spending policy scaled together to the annual value.</summary>
    private static ScenarioDocument ApplySpending(ScenarioDocument d, double annual)
    {
        var current = Current(d, SolveFor.Spending);
        var factor = current > 0 ? annual / current : 0;
        return d with
        {
            CashFlows = Scaled(d, FlowRole.Spending, factor),
            Spending = d.Spending is { } s ? s with { AnnualAmount = s.AnnualAmount * factor } : null,
        };
    }

    private static List<CashFlowDocument> Scaled(ScenarioDocument d, FlowRole role, double factor) =>
        d.CashFlows.Select(f => f.EffectiveRole == role ? f with { Amount = f.Amount * factor } : f).ToList();

    /// <summary>Saving flows stop the month before; spending flows (and the policy) start at the month.</summary>
    private static ScenarioDocument ApplyRetirement(ScenarioDocument d, int month)
    {
        var flows = new List<CashFlowDocument>();
        foreach (var f in d.CashFlows)
        {
            var role = f.EffectiveRole;
            if (role == FlowRole.Saving)
            {
                if (month > f.StartMonth)
                {
                    flows.Add(f with { EndMonth = month - 1 });
                }
            }
            else if (role == FlowRole.Spending)
            {
                if (month <= f.EndMonth)
                {
                    flows.Add(f with { StartMonth = month });
                }
            }
            else
            {
                flows.Add(f);
            }
        }

        return d with { CashFlows = flows, Spending = d.Spending is { } s ? s with { StartMonth = Math.Min(month, s.EndMonth) } : null };
    }
}
