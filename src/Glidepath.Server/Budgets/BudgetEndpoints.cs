using Glidepath.Application.Budgets;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Budgets;

/// <summary>
/// A household's budgets and cash flow (docs/budgets.md): <c>/api/households/{householdId}/budgets[/{categoryId}]</c>,
/// <c>…/budgets/months/{month}[/fx-rates/{currency}]</c> and <c>…/cash-flow</c>, onto <see cref="HouseholdBudgets"/> and
/// <see cref="CashFlowReports"/>.
/// </summary>
public static class BudgetEndpoints
{
    public static RouteGroupBuilder MapBudgetEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/budgets").WithTags("Budgets");
        group.MapGet("/", List).WithName("ListBudgets").WithSummary("List budgets")
            .WithDescription("The household's monthly budgets per expense category, in its reporting currency, with rollover and start month.");
        group.MapPut("/{categoryId:guid}", Set).WithName("SetBudget").WithSummary("Set a category's budget")
            .WithDescription("Creates or replaces the monthly budget of an expense category: the amount in the reporting currency, rollover on or off, and the month it starts.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapDelete("/{categoryId:guid}", Delete).WithName("DeleteBudget").WithSummary("Delete a category's budget")
            .WithDescription("Deletes the budget of a category; its transactions are untouched.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/months/{month}", Month).WithName("GetBudgetMonth").WithSummary("Budget against actual for a month")
            .WithDescription("Each budget that has started by the month (yyyy-MM) with what it carried in, what is available, spent and left, and its progress; the spending no budget covers; amounts without an FX rate.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapPut("/months/{month}/fx-rates/{currency}", SetRate).WithName("SetBudgetFxRate").WithSummary("Fix a currency's rate for a budget month")
            .WithDescription("Converts every transaction in the currency traded in the month (yyyy-MM) at this rate (units of the reporting currency per unit) instead of the stored rate of its trade date.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapDelete("/months/{month}/fx-rates/{currency}", DeleteRate).WithName("DeleteBudgetFxRate").WithSummary("Remove a budget month's fixed rate")
            .WithDescription("The month's transactions in the currency go back to the stored rate of their trade date.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        household.MapGet("/cash-flow", CashFlow).WithTags("Budgets").WithName("GetCashFlow").WithSummary("Cash flow and spending")
            .WithDescription("Income against expense by month (with the change from the month before), spending by category and the top payees over a range of trade dates (default: the last twelve months), in the reporting currency. Transfers count as neither.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return household;
    }

    private static async Task<Ok<List<BudgetDto>>> List(Guid householdId, HouseholdBudgets budgets, CancellationToken ct) =>
        TypedResults.Ok((await budgets.ListAsync(householdId, ct)).ToList());

    private static async Task<Results<Ok<BudgetDto>, ProblemAnswer>> Set(Guid householdId, Guid categoryId, BudgetRequest request, HouseholdBudgets budgets, CancellationToken ct) =>
        (await budgets.SetAsync(householdId, categoryId, request, ct)).ToHttp(b => TypedResults.Ok(b));

    private static async Task<Results<NoContent, ProblemAnswer>> Delete(Guid householdId, Guid categoryId, HouseholdBudgets budgets, CancellationToken ct) =>
        (await budgets.DeleteAsync(householdId, categoryId, ct)).ToHttp(_ => TypedResults.NoContent());

    /// <summary><paramref name="month"/>: yyyy-MM.</summary>
    private static async Task<Results<Ok<BudgetMonthDto>, ProblemAnswer>> Month(Guid householdId, string month, HouseholdBudgets budgets, CancellationToken ct) =>
        (await budgets.MonthAsync(householdId, month, ct)).ToHttp(m => TypedResults.Ok(m));

    private static async Task<Results<Ok<BudgetFxOverrideDto>, ProblemAnswer>> SetRate(
        Guid householdId, string month, string currency, BudgetFxOverrideRequest request, HouseholdBudgets budgets, CancellationToken ct) =>
        (await budgets.SetRateAsync(householdId, month, currency, request, ct)).ToHttp(r => TypedResults.Ok(r));

    private static async Task<Results<NoContent, ProblemAnswer>> DeleteRate(Guid householdId, string month, string currency, HouseholdBudgets budgets, CancellationToken ct) =>
        (await budgets.DeleteRateAsync(householdId, month, currency, ct)).ToHttp(_ => TypedResults.NoContent());

    /// <summary><paramref name="from"/> and <paramref name="to"/>: trade dates, both included.</summary>
    private static async Task<Results<Ok<CashFlowDto>, ProblemAnswer>> CashFlow(Guid householdId, DateOnly? from, DateOnly? to, CashFlowReports reports, CancellationToken ct) =>
        (await reports.GetAsync(householdId, from, to, ct)).ToHttp(r => TypedResults.Ok(r));
}
