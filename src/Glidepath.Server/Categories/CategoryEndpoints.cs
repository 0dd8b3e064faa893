using Glidepath.Application.Categories;
using Glidepath.Application.Transactions;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Categories;

/// <summary>A page of transactions with their categories (the categorise page's list).</summary>
public sealed record CategorisedTransactionsPage(IReadOnlyList<CategorisedTransactionDto> Items, int Page, int PageSize, int TotalCount) : IPage;

/// <summary>
/// A household's category tree and its transactions' categories (docs/categories.md):
/// <c>/api/households/{householdId}/categories[/{categoryId}]</c>, <c>…/categories/transactions</c> and
/// <c>…/transactions/{transactionId}/category</c>, onto <see cref="HouseholdCategories"/> and <see cref="TransactionCategorising"/>.
/// </summary>
public static class CategoryEndpoints
{
    public static RouteGroupBuilder MapCategoryEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/categories").WithTags("Categories");
        group.MapGet("/", List).WithName("ListCategories").WithSummary("List categories")
            .WithDescription("The household's category tree, parents first with their children after them, by name. A household without categories gets the default tree.");
        group.MapPost("/", Create).WithName("CreateCategory").WithSummary("Add a category")
            .WithDescription("Adds a top-level category (with its kind: Expense, Income or Transfer) or a child of a top-level one (which takes its parent's kind).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        group.MapPut("/{categoryId:guid}", Update).WithName("UpdateCategory").WithSummary("Rename or move a category")
            .WithDescription("Renames a category and moves it under another top-level category or to the top; a top-level category's kind changes its children's too.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapDelete("/{categoryId:guid}", Delete).WithName("DeleteCategory").WithSummary("Delete a category")
            .WithDescription("Deletes a category and its children; their transactions, split lines and rules move to reassignTo, or become uncategorised without it.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("/transactions", ListTransactions).WithName("ListCategorisedTransactions").WithSummary("List transactions with their categories")
            .WithDescription("The household's transactions, newest first, filtered by account and trade-date range, each with its signed cash amount, payee, category, tags and split lines.")
            .WithPageLinks().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        household.MapPut("/transactions/{transactionId:guid}/category", Set).WithTags("Categories").WithName("SetTransactionCategory")
            .WithSummary("Set a transaction's category")
            .WithDescription("Sets a transaction's category (or split lines adding up to its signed amount), payee and tags by hand; rules applied later leave a hand-set category alone.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return household;
    }

    private static async Task<Ok<List<CategoryDto>>> List(Guid householdId, HouseholdCategories categories, CancellationToken ct) =>
        TypedResults.Ok((await categories.ListAsync(householdId, ct)).ToList());

    private static async Task<Results<Created<CategoryDto>, ProblemAnswer>> Create(Guid householdId, CategoryRequest request, HouseholdCategories categories, CancellationToken ct) =>
        (await categories.CreateAsync(householdId, request, ct)).ToHttp(c => TypedResults.Created($"/api/households/{householdId}/categories/{c.Id}", c));

    private static async Task<Results<Ok<CategoryDto>, ProblemAnswer>> Update(
        Guid householdId, Guid categoryId, CategoryRequest request, HouseholdCategories categories, CancellationToken ct) =>
        (await categories.UpdateAsync(householdId, categoryId, request, ct)).ToHttp(c => TypedResults.Ok(c));

    /// <summary><paramref name="reassignTo"/>: the category that takes over what the deleted ones categorised.</summary>
    private static async Task<Results<NoContent, ProblemAnswer>> Delete(
        Guid householdId, Guid categoryId, Guid? reassignTo, HouseholdCategories categories, CancellationToken ct) =>
        (await categories.DeleteAsync(householdId, categoryId, reassignTo, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Results<Ok<CategorisedTransactionsPage>, ProblemAnswer>> ListTransactions(
        Guid householdId, Guid? accountId, DateOnly? from, DateOnly? to, int? page, int? pageSize, TransactionCategorising categorising, CancellationToken ct) =>
        (await categorising.ListAsync(householdId, new TransactionQuery(accountId, from, to, page, pageSize), ct))
            .ToHttp(p => TypedResults.Ok(new CategorisedTransactionsPage(p.Items, p.Page, p.PageSize, p.TotalCount)));

    private static async Task<Results<Ok<CategorisedTransactionDto>, ProblemAnswer>> Set(
        Guid householdId, Guid transactionId, CategorisationRequest request, TransactionCategorising categorising, CancellationToken ct) =>
        (await categorising.SetAsync(householdId, transactionId, request, ct)).ToHttp(c => TypedResults.Ok(c));
}
