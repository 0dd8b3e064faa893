using Glidepath.Application.Categories;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;

namespace Glidepath.Server.Categories;

/// <summary>
/// The household's learned categoriser (docs/categoriser.md): <c>GET /api/households/{householdId}/categoriser</c> (status and
/// metrics), <c>POST …/categoriser/train</c> and <c>POST …/transactions/{transactionId}/category/accept-suggestion</c>, onto
/// <see cref="CategoriserLearning"/>.
/// </summary>
public static class CategoriserEndpoints
{
    public static RouteGroupBuilder MapCategoriserEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/categoriser").WithTags("Categoriser");
        group.MapGet("/", Status).WithName("GetCategoriser").WithSummary("The categoriser's status and metrics")
            .WithDescription("Whether the household's learned categoriser has a model, its version, when and on how many labelled rows it was trained, its accuracy and macro-F1 on held-out rows, the corrections since, and its thresholds.");
        group.MapPost("/train", Train).WithName("TrainCategoriser").WithSummary("Train the categoriser now")
            .WithDescription("Trains the household's categoriser on its categorised rows (set by hand, by a rule or by the statement), measures it on every fifth row held out, and stores it. Refused with 422 not-enough-labels below the minimum.")
            .ProducesProblems(StatusCodes.Status422UnprocessableEntity).CostsReads();
        household.MapPost("/transactions/{transactionId:guid}/category/accept-suggestion", Accept).WithTags("Categoriser").WithName("AcceptCategorySuggestion")
            .WithSummary("Accept the categoriser's suggestion")
            .WithDescription("Sets the transaction's category to the one the categoriser suggested on import, as if set by hand; the suggestion is removed.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return household;
    }

    private static async Task<Results<Ok<CategoriserStatusDto>, ProblemAnswer>> Status(Guid householdId, CategoriserLearning learning, CancellationToken ct) =>
        (await learning.StatusAsync(householdId, ct)).ToHttp(s => TypedResults.Ok(s));

    private static async Task<Results<Ok<CategoriserStatusDto>, ProblemAnswer>> Train(Guid householdId, CategoriserLearning learning, CancellationToken ct) =>
        (await learning.TrainAsync(householdId, ct)).ToHttp(s => TypedResults.Ok(s));

    private static async Task<Results<Ok<CategorisedTransactionDto>, ProblemAnswer>> Accept(Guid householdId, Guid transactionId, CategoriserLearning learning, CancellationToken ct) =>
        (await learning.AcceptSuggestionAsync(householdId, transactionId, ct)).ToHttp(c => TypedResults.Ok(c));
}
