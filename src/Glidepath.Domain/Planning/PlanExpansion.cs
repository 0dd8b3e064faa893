using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Domain.Planning;

/// <summary>
/// Turns a household plan into cash flows. Month 0 is today and ages count from the first
/// person's age. Saving runs until the first person retires; income streams count from then on
/// (before, they are what pays for living and saving); goals are inflation-indexed withdrawals.
/// With taxes, salary and pensions are ordinary income and Social Security is taxed by Pub. 915.
/// </summary>
internal static class PlanExpansion
{
    public static int MonthAt(PlanDocument plan, double age) => (int)Math.Round((age - plan.People[0].Age) * 12);

    public static IEnumerable<TaggedFlow> Flows(PlanDocument plan, int horizonMonths)
    {
        var last = horizonMonths - 1;
        var retire = Math.Clamp(MonthAt(plan, plan.People[0].RetirementAge), 0, horizonMonths);
        if (plan.MonthlySaving > 0 && retire > 0)
        {
            yield return new(new CashFlow(CashFlowKind.Contribution, plan.MonthlySaving, 0, retire - 1, CashFlowFrequency.Monthly, true), FlowRole.Saving, null, 0);
        }

        foreach (var income in plan.Incomes)
        {
            foreach (var flow in IncomeFlows(plan, income, retire, last))
            {
                yield return flow;
            }
        }

        foreach (var goal in plan.Goals)
        {
            if (goal.Kind == GoalKind.Retirement)
            {
                var end = Math.Min(MonthAt(plan, goal.UntilAge) - 1, last);
                if (retire <= end)
                {
                    yield return new(new CashFlow(CashFlowKind.Withdrawal, goal.AnnualAmount / 12, retire, end, CashFlowFrequency.Monthly, true), FlowRole.Spending, goal.Name, goal.Priority);
                }
            }
            else
            {
                var at = Math.Clamp(MonthAt(plan, goal.AtAge), 0, last);
                yield return new(new CashFlow(CashFlowKind.Withdrawal, goal.Amount, at, at, CashFlowFrequency.Once, true), FlowRole.Goal, goal.Name, goal.Priority);
            }
        }
    }

    private static IEnumerable<TaggedFlow> IncomeFlows(PlanDocument plan, IncomeDocument income, int retire, int last)
    {
        var person = plan.People[income.Person];
        if (income.Kind == IncomeKind.Salary)
        {
            // Salary grows by Growth a year (real) until its earner retires; one flow per year of growth.
            var stop = Math.Min(MonthAt(plan, person.RetirementAge) - 1, last);
            for (var start = retire; start <= stop; start += 12)
            {
                var amount = income.AnnualAmount / 12 * Math.Pow(1 + income.Growth, start / 12.0);
                yield return new(new CashFlow(CashFlowKind.Contribution, amount, start, Math.Min(start + 11, stop), CashFlowFrequency.Monthly, true, IncomeTaxation.Ordinary), FlowRole.Income, null, 0);
            }
        }
        else
        {
            var from = Math.Max(retire, MonthAt(plan, income.FromAge + (plan.People[0].Age - person.Age)));
            if (from <= last)
            {
                var taxation = income.Kind == IncomeKind.SocialSecurity ? IncomeTaxation.SocialSecurity : IncomeTaxation.Ordinary;
                yield return new(new CashFlow(CashFlowKind.Contribution, income.AnnualAmount / 12, Math.Max(from, 0), last, CashFlowFrequency.Monthly, true, taxation), FlowRole.Income, null, 0);
            }
        }
    }
}
