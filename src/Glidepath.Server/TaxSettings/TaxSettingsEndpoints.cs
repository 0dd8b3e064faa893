using Glidepath.Application.TaxSettings;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;

namespace Glidepath.Server.TaxSettings;

/// <summary>
/// The household's tax tables, entered by hand: <c>…/substantially-identical-pairs</c> (edits replay the
/// ledger), <c>…/rebalance-targets</c> (by hand, one edited, or all replaced from a model portfolio),
/// <c>…/tax-profile</c> and <c>…/replacement-funds</c>; onto <see cref="HouseholdTaxSettings"/>.
/// </summary>
public static class TaxSettingsEndpoints
{
    private const int Invalid = StatusCodes.Status400BadRequest;
    private const int NotFound = StatusCodes.Status404NotFound;
    private const int Conflict = StatusCodes.Status409Conflict;
    private const int Refused = StatusCodes.Status422UnprocessableEntity;

    public static RouteGroupBuilder MapTaxSettingsEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("").WithTags("TaxSettings");
        group.MapGet("/substantially-identical-pairs", ListPairs);
        group.MapPost("/substantially-identical-pairs", AddPair).ProducesProblems(Invalid, NotFound, Conflict);
        group.MapDelete("/substantially-identical-pairs/{pairId:guid}", RemovePair).ProducesProblems(NotFound, Conflict);
        group.MapGet("/rebalance-targets", ListTargets);
        group.MapPost("/rebalance-targets", AddTarget).ProducesProblems(Invalid);
        group.MapPut("/rebalance-targets", ReplaceFromModel).ProducesProblems(Invalid, NotFound, Refused);
        group.MapPut("/rebalance-targets/{targetId:guid}", UpdateTarget).ProducesProblems(Invalid, NotFound);
        group.MapDelete("/rebalance-targets/{targetId:guid}", RemoveTarget).ProducesProblems(NotFound);
        group.MapGet("/tax-profile", GetProfile);
        group.MapPut("/tax-profile", PutProfile).AcceptsIfMatch().ProducesProblems(Invalid, Conflict);
        group.MapGet("/replacement-funds", ListReplacements);
        group.MapPost("/replacement-funds", AddReplacement).ProducesProblems(Invalid, Conflict);
        group.MapDelete("/replacement-funds/{replacementId:guid}", RemoveReplacement).ProducesProblems(NotFound);
        return household;
    }

    private static async Task<Ok<List<IdenticalPairDto>>> ListPairs(Guid householdId, HouseholdTaxSettings settings, CancellationToken ct) =>
        TypedResults.Ok((await settings.ListPairsAsync(householdId, ct)).ToList());

    private static async Task<Results<Created<IdenticalPairDto>, ProblemAnswer>> AddPair(Guid householdId, IdenticalPairRequest request, HouseholdTaxSettings settings, CancellationToken ct) =>
        (await settings.AddPairAsync(householdId, request, ct)).ToHttp(p => TypedResults.Created($"/api/households/{householdId}/substantially-identical-pairs/{p.Id}", p));

    private static async Task<Results<NoContent, ProblemAnswer>> RemovePair(Guid householdId, Guid pairId, HouseholdTaxSettings settings, CancellationToken ct) =>
        (await settings.RemovePairAsync(householdId, pairId, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Ok<List<RebalanceTargetDto>>> ListTargets(Guid householdId, HouseholdTaxSettings settings, CancellationToken ct) =>
        TypedResults.Ok((await settings.ListTargetsAsync(householdId, ct)).ToList());

    private static async Task<Results<Created<RebalanceTargetDto>, ProblemAnswer>> AddTarget(Guid householdId, RebalanceTargetRequest request, HouseholdTaxSettings settings, CancellationToken ct) =>
        (await settings.AddTargetAsync(householdId, request, ct)).ToHttp(t => TypedResults.Created($"/api/households/{householdId}/rebalance-targets/{t.Id}", t));

    private static async Task<Results<Ok<RebalanceTargetDto>, ProblemAnswer>> UpdateTarget(
        Guid householdId, Guid targetId, RebalanceTargetRequest request, HouseholdTaxSettings settings, CancellationToken ct) =>
        (await settings.UpdateTargetAsync(householdId, targetId, request, ct)).ToHttp(TypedResults.Ok);

    /// <summary><c>PUT …/rebalance-targets</c>: the scope's targets replaced by a model portfolio's weights.</summary>
    private static async Task<Results<Ok<List<RebalanceTargetDto>>, ProblemAnswer>> ReplaceFromModel(
        Guid householdId, ModelTargetsRequest request, HouseholdTaxSettings settings, CancellationToken ct) =>
        (await settings.ReplaceFromModelAsync(householdId, request, ct)).ToHttp(t => TypedResults.Ok(t.ToList()));

    private static async Task<Results<NoContent, ProblemAnswer>> RemoveTarget(Guid householdId, Guid targetId, HouseholdTaxSettings settings, CancellationToken ct) =>
        (await settings.RemoveTargetAsync(householdId, targetId, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Ok<TaxProfileDto>> GetProfile(Guid householdId, HouseholdTaxSettings settings, CancellationToken ct) =>
        TypedResults.Ok(await settings.GetProfileAsync(householdId, ct));

    /// <summary>Creates or replaces the profile; <c>version</c> is the one read (0 before the first PUT; stale: 409).</summary>
    private static async Task<Results<Ok<TaxProfileDto>, ProblemAnswer>> PutProfile(Guid householdId, TaxProfileDto request, HouseholdTaxSettings settings, CancellationToken ct) =>
        (await settings.PutProfileAsync(householdId, request, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Ok<List<ReplacementDto>>> ListReplacements(Guid householdId, HouseholdTaxSettings settings, CancellationToken ct) =>
        TypedResults.Ok((await settings.ListReplacementsAsync(householdId, ct)).ToList());

    private static async Task<Results<Created<ReplacementDto>, ProblemAnswer>> AddReplacement(Guid householdId, ReplacementRequest request, HouseholdTaxSettings settings, CancellationToken ct) =>
        (await settings.AddReplacementAsync(householdId, request, ct)).ToHttp(r => TypedResults.Created($"/api/households/{householdId}/replacement-funds/{r.Id}", r));

    private static async Task<Results<NoContent, ProblemAnswer>> RemoveReplacement(Guid householdId, Guid replacementId, HouseholdTaxSettings settings, CancellationToken ct) =>
        (await settings.RemoveReplacementAsync(householdId, replacementId, ct)).ToHttp(_ => TypedResults.NoContent());
}
