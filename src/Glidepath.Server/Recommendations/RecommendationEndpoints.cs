using Glidepath.Application.Recommendations;
using Glidepath.Domain.Recommendations;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Glidepath.Server.Recommendations;

/// <summary>A recommendation with its reasons and numbers (docs/recommendations.md) and the household's decision on it.</summary>
public sealed record RecommendationDto(
    string Key,
    string Kind,
    int Rank,
    string Title,
    string Explanation,
    IReadOnlyDictionary<string, decimal> Data,
    RecommendationEffect Effect,
    string? Article,
    RecommendationStatus Status,
    string? Reason,
    DateTimeOffset? DecidedUtc);

/// <summary>Today's recommendations, best first; <paramref name="Dismissed"/> counts those hidden by a dismissal.</summary>
public sealed record RecommendationsDto(DateOnly AsOf, string Currency, IReadOnlyList<RecommendationDto> Items, int Dismissed);

/// <summary><c>/recommendations</c> of a household: the ranked list, and accepting or dismissing one.</summary>
public static class RecommendationEndpoints
{
    public static RouteGroupBuilder MapRecommendationEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/recommendations").WithTags("Recommendations");
        group.MapGet("/", List)
            .WithName("ListRecommendations").WithSummary("List the household's recommendations")
            .WithDescription("Ranked advice from today's holdings, spending, risk profile and alerts, each with a plain explanation, the data it rests on and its effect. Dismissed ones stay hidden until their inputs change.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)
            .CostsReads();
        group.MapPost("/{key}/decision", Decide)
            .WithName("DecideRecommendation").WithSummary("Accept or dismiss a recommendation")
            .WithDescription("Records Accepted or Dismissed (a dismissal needs a reason) for the current recommendation with this key; a later decision replaces it.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)
            .CostsReads(); // it works the recommendations out again (a valuation, the alerts; the plan's solves for a plan's key)
        return household;
    }

    private static async Task<Results<Ok<RecommendationsDto>, ProblemAnswer>> List(Guid householdId, HouseholdRecommendations recommendations, CancellationToken ct) =>
        (await recommendations.ListAsync(householdId, ct)).ToHttp(list => TypedResults.Ok(new RecommendationsDto(list.AsOf, list.Currency, [.. list.Items.Select(ToDto)], list.Dismissed)));

    private static async Task<Results<Ok<RecommendationDto>, ProblemAnswer>> Decide(
        Guid householdId, string key, RecommendationDecisionRequest request, HouseholdRecommendations recommendations, CancellationToken ct) =>
        (await recommendations.DecideAsync(householdId, key, request, ct)).ToHttp(view => TypedResults.Ok(ToDto(view)));

    private static RecommendationDto ToDto(RecommendationView view) => new(
        view.Advice.Key, view.Advice.Kind, view.Advice.Rank, view.Advice.Title, view.Advice.Explanation, view.Advice.Data, view.Advice.Effect,
        view.Advice.Article, view.Status, view.Reason, view.DecidedUtc);
}
