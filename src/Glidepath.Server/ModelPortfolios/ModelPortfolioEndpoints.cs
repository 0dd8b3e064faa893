using Glidepath.Application.ModelPortfolios;
using Glidepath.Domain.Portfolios;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;

namespace Glidepath.Server.ModelPortfolios;

/// <summary>
/// <c>/api/households/{householdId}/model-portfolios</c> and <c>…/model-portfolios/generate</c>, onto
/// <see cref="HouseholdModelPortfolios"/>.
/// </summary>
public static class ModelPortfolioEndpoints
{
    public static RouteGroupBuilder MapModelPortfolioEndpoints(this RouteGroupBuilder household)
    {
        var models = household.MapGroup("/model-portfolios").WithTags("Model portfolios");
        models.MapGet("/", List);
        models.MapPost("/", Create).ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        models.MapPost("/generate", Generate).ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        models.MapGet("/{modelId:guid}", Get).WithName("GetModelPortfolio").ProducesProblems(StatusCodes.Status404NotFound);
        models.MapPut("/{modelId:guid}", Update).AcceptsIfMatch().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        models.MapDelete("/{modelId:guid}", Delete).ProducesProblems(StatusCodes.Status404NotFound);
        return household;
    }

    private static async Task<Ok<List<ModelPortfolioDto>>> List(Guid householdId, HouseholdModelPortfolios models, CancellationToken ct) =>
        TypedResults.Ok((await models.ListAsync(householdId, ct)).Select(ToDto).ToList());

    private static async Task<Results<Ok<ModelPortfolioDto>, ProblemAnswer>> Get(Guid householdId, Guid modelId, HouseholdModelPortfolios models, CancellationToken ct) =>
        (await models.GetAsync(householdId, modelId, ct)).ToHttp(m => TypedResults.Ok(ToDto(m)));

    private static async Task<Results<CreatedAtRoute<ModelPortfolioDto>, ProblemAnswer>> Create(
        Guid householdId, ModelPortfolioRequest request, HouseholdModelPortfolios models, CancellationToken ct) =>
        (await models.CreateAsync(householdId, request, ct)).ToHttp(m => TypedResults.CreatedAtRoute(ToDto(m), "GetModelPortfolio", new { householdId, modelId = m.Id }));

    private static async Task<Results<Ok<ModelPortfolioDto>, ProblemAnswer>> Update(
        Guid householdId, Guid modelId, ModelPortfolioRequest request, HouseholdModelPortfolios models, CancellationToken ct) =>
        (await models.UpdateAsync(householdId, modelId, request, ct)).ToHttp(m => TypedResults.Ok(ToDto(m)));

    private static async Task<Results<NoContent, ProblemAnswer>> Delete(Guid householdId, Guid modelId, HouseholdModelPortfolios models, CancellationToken ct) =>
        (await models.DeleteAsync(householdId, modelId, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Results<Ok<List<ModelPortfolioDto>>, ProblemAnswer>> Generate(
        Guid householdId, GenerateModelPortfoliosRequest? request, HouseholdModelPortfolios models, CancellationToken ct) =>
        (await models.GenerateAsync(householdId, request, ct)).ToHttp(levels => TypedResults.Ok(levels.Select(ToDto).ToList()));

    private static ModelPortfolioDto ToDto(ModelPortfolio m) =>
        new(m.Id, m.Name, m.Description, m.Allocations, m.RiskLevel, m.ExpectedReturn, m.Volatility, m.CreatedUtc, m.Version);
}
