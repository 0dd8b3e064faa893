using Glidepath.Application.RiskProfile;
using Glidepath.Domain.RiskProfile;
using Glidepath.Server.Errors;

namespace Glidepath.Server.RiskProfile;

/// <summary>One completed questionnaire as stored.</summary>
public sealed record RiskProfileDto(
    Guid Id,
    Guid PersonId,
    string Answers,
    int ToleranceScore,
    string ToleranceBand,
    int ToleranceLevel,
    int HorizonYears,
    IncomeStability IncomeStability,
    double EmergencyFundMonths,
    double DebtServiceRatio,
    int Dependants,
    int CapacityPoints,
    int CapacityLevel,
    int RecommendedLevel,
    string Reason,
    DateTimeOffset TakenUtc);

/// <summary>A person's latest profile; <paramref name="RetakeSuggested"/> once it is a year old (from <paramref name="RetakeDue"/>).</summary>
public sealed record CurrentRiskProfileDto(Guid PersonId, string PersonName, RiskProfileDto Profile, bool RetakeSuggested, DateOnly RetakeDue);

public sealed record RiskProfileSummaryDto(IReadOnlyList<CurrentRiskProfileDto> Current, IReadOnlyList<RiskProfileDto> History);

/// <summary>The questionnaire a client shows: the 13 items with their options and points, and the score bands.</summary>
public sealed record QuestionnaireDto(string Citation, IReadOnlyList<ScaleItem> Items, IReadOnlyList<ScaleBand> Bands, int MinScore, int MaxScore);

/// <summary>
/// <c>/api/households/{householdId}/risk-profile</c> onto <see cref="HouseholdRiskProfiles"/>, and the
/// questionnaire itself at <c>/api/risk-profile/questionnaire</c> (docs/risk-profile.md).
/// </summary>
public static class RiskProfileEndpoints
{
    public static IEndpointRouteBuilder MapRiskQuestionnaireEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/risk-profile/questionnaire", Questionnaire).WithTags("Risk profile")
            .WithName("GetRiskQuestionnaire").WithSummary("Get the risk questionnaire")
            .WithDescription("The Grable & Lytton (1999) 13-item risk-tolerance scale: items, options with their points, and the score bands.");
        return api;
    }

    public static RouteGroupBuilder MapRiskProfileEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/risk-profile").WithTags("Risk profile");
        group.MapGet("/", Get)
            .WithName("GetRiskProfile").WithSummary("Get the household's risk profiles")
            .WithDescription("Each person's latest profile (recommended level, tolerance, capacity, the reason, and whether a re-take is due after a year) and every profile taken, newest first.");
        group.MapPost("/", Create)
            .WithName("CreateRiskProfile").WithSummary("Take the risk questionnaire")
            .WithDescription("Scores a person's 13 answers and capacity inputs, stores the profile and answers it; a re-take adds a profile and keeps the history.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return household;
    }

    private static Ok<QuestionnaireDto> Questionnaire() => TypedResults.Ok(new QuestionnaireDto(
        "Grable, J. E., & Lytton, R. H. (1999). Financial risk tolerance revisited: the development of a risk assessment instrument. Financial Services Review, 8(3), 163-181. As published by Rutgers Cooperative Extension (NJAES), 'Investment Risk Tolerance Quiz'.",
        GrableLyttonScale.Items,
        GrableLyttonScale.Bands,
        GrableLyttonScale.MinScore,
        GrableLyttonScale.MaxScore));

    private static async Task<Ok<RiskProfileSummaryDto>> Get(Guid householdId, HouseholdRiskProfiles profiles, CancellationToken ct)
    {
        var summary = await profiles.GetAsync(householdId, ct);
        return TypedResults.Ok(new RiskProfileSummaryDto(
            [.. summary.Current.Select(c => new CurrentRiskProfileDto(c.PersonId, c.PersonName, ToDto(c.Profile), c.RetakeSuggested, c.RetakeDue))],
            [.. summary.History.Select(ToDto)]));
    }

    private static async Task<Results<Created<RiskProfileDto>, ProblemAnswer>> Create(Guid householdId, RiskProfileRequest request, HouseholdRiskProfiles profiles, CancellationToken ct) =>
        (await profiles.CreateAsync(householdId, request, ct)).ToHttp(p => TypedResults.Created($"/api/households/{householdId}/risk-profile", ToDto(p)));

    internal static RiskProfileDto ToDto(PersonRiskProfile p) => new(
        p.Id, p.PersonId, p.Answers, p.ToleranceScore, p.ToleranceBand, p.ToleranceLevel, p.HorizonYears, p.IncomeStability, p.EmergencyFundMonths,
        p.DebtServiceRatio, p.Dependants, p.CapacityPoints, p.CapacityLevel, p.RecommendedLevel, p.Reason, p.TakenUtc);
}
