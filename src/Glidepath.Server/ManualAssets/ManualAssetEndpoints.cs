using Glidepath.Application.ManualAssets;
using Glidepath.Domain.ManualAssets;
using Glidepath.Domain.Results;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;

namespace Glidepath.Server.ManualAssets;

/// <summary>
/// Manual assets and liabilities (home, car, mortgage) and their value history:
/// <c>/api/households/{householdId}/manual-assets[/{id}[/values[/{valueId}]]]</c>, onto <see cref="HouseholdManualAssets"/>.
/// </summary>
public static class ManualAssetEndpoints
{
    public static RouteGroupBuilder MapManualAssetEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/manual-assets").WithTags("Manual assets");
        group.MapGet("/", List);
        group.MapPost("/", Create).ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/{manualAssetId:guid}", Get).WithName("GetManualAsset").ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{manualAssetId:guid}", Update).AcceptsIfMatch().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapDelete("/{manualAssetId:guid}", Delete).ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{manualAssetId:guid}/values", AddValue).ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPut("/{manualAssetId:guid}/values/{valueId:guid}", UpdateValue).ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapDelete("/{manualAssetId:guid}/values/{valueId:guid}", DeleteValue).ProducesProblems(StatusCodes.Status404NotFound);
        return household;
    }

    private static async Task<Ok<List<ManualAssetDto>>> List(Guid householdId, HouseholdManualAssets items, CancellationToken ct) =>
        TypedResults.Ok((await items.ListAsync(householdId, ct)).Select(m => m.ToDto()).ToList());

    private static async Task<Results<Ok<ManualAssetDto>, ProblemAnswer>> Get(Guid householdId, Guid manualAssetId, HouseholdManualAssets items, CancellationToken ct) =>
        Shown(await items.GetAsync(householdId, manualAssetId, ct));

    private static async Task<Results<CreatedAtRoute<ManualAssetDto>, ProblemAnswer>> Create(Guid householdId, ManualAssetRequest request, HouseholdManualAssets items, CancellationToken ct) =>
        (await items.CreateAsync(householdId, request, ct)).ToHttp(m => TypedResults.CreatedAtRoute(m.ToDto(), "GetManualAsset", new { householdId, manualAssetId = m.Id }));

    /// <summary>A stale version answers 409 (the exception handler).</summary>
    private static async Task<Results<Ok<ManualAssetDto>, ProblemAnswer>> Update(
        Guid householdId, Guid manualAssetId, ManualAssetRequest request, HouseholdManualAssets items, CancellationToken ct) =>
        Shown(await items.UpdateAsync(householdId, manualAssetId, request, ct));

    private static async Task<Results<NoContent, ProblemAnswer>> Delete(Guid householdId, Guid manualAssetId, HouseholdManualAssets items, CancellationToken ct) =>
        (await items.DeleteAsync(householdId, manualAssetId, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Results<Ok<ManualAssetDto>, ProblemAnswer>> AddValue(
        Guid householdId, Guid manualAssetId, ManualAssetValueRequest request, HouseholdManualAssets items, CancellationToken ct) =>
        Shown(await items.AddValueAsync(householdId, manualAssetId, request, ct));

    private static async Task<Results<Ok<ManualAssetDto>, ProblemAnswer>> UpdateValue(
        Guid householdId, Guid manualAssetId, Guid valueId, ManualAssetValueRequest request, HouseholdManualAssets items, CancellationToken ct) =>
        Shown(await items.UpdateValueAsync(householdId, manualAssetId, valueId, request, ct));

    private static async Task<Results<Ok<ManualAssetDto>, ProblemAnswer>> DeleteValue(
        Guid householdId, Guid manualAssetId, Guid valueId, HouseholdManualAssets items, CancellationToken ct) =>
        Shown(await items.DeleteValueAsync(householdId, manualAssetId, valueId, ct));

    private static Results<Ok<ManualAssetDto>, ProblemAnswer> Shown(Result<ManualAsset> result) =>
        result.ToHttp(m => TypedResults.Ok(m.ToDto()));
}
