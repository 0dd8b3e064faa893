using Glidepath.Domain.Portfolios;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.ModelPortfolios;

/// <summary>
/// <c>/api/households/{householdId}/model-portfolios</c>: named target allocations by asset class
/// (list, create, read, update with the Version concurrency token, delete) and
/// <c>…/model-portfolios/generate</c>, which stores ten risk levels built by the optimiser over
/// the asset-class proxies (docs/analytics.md, "Model portfolios").
/// </summary>
public static class ModelPortfolioEndpoints
{
    /// <summary>The generator's cap on each proxy's weight when the request names none.</summary>
    public const double DefaultMaxWeight = 0.6;

    public static RouteGroupBuilder MapModelPortfolioEndpoints(this RouteGroupBuilder household)
    {
        var models = household.MapGroup("/model-portfolios").WithTags("Model portfolios");
        models.MapGet("/", List);
        models.MapPost("/", Create);
        models.MapPost("/generate", Generate).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        models.MapGet("/{modelId:guid}", Get).WithName("GetModelPortfolio");
        models.MapPut("/{modelId:guid}", Update);
        models.MapDelete("/{modelId:guid}", Delete);
        return household;
    }

    private static async Task<Ok<List<ModelPortfolioDto>>> List(Guid householdId, GlidepathDbContext db, CancellationToken ct)
    {
        var models = await db.ModelPortfolios.AsNoTracking().Where(m => m.HouseholdId == householdId).ToListAsync(ct);
        return TypedResults.Ok(models.OrderBy(m => m.RiskLevel ?? int.MaxValue).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<ModelPortfolioDto>, NotFoundProblem>> Get(Guid householdId, Guid modelId, GlidepathDbContext db, CancellationToken ct) =>
        await Find(db, householdId, modelId, ct) is { } model ? TypedResults.Ok(ToDto(model)) : NotFound(modelId);

    private static async Task<Results<CreatedAtRoute<ModelPortfolioDto>, ValidationProblem, ConflictProblem>> Create(
        Guid householdId, ModelPortfolioRequest request, GlidepathDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var name = request.Name!.Trim();
        if (await db.ModelPortfolios.AnyAsync(m => m.HouseholdId == householdId && m.Name == name, ct))
        {
            return Duplicate(name);
        }

        var model = new ModelPortfolio
        {
            HouseholdId = householdId,
            Name = name,
            Description = request.Description?.Trim() ?? "",
            Allocations = [.. request.Allocations!.OrderBy(a => a.AssetClass)],
            CreatedUtc = clock.GetUtcNow(),
        };
        db.ModelPortfolios.Add(model);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(ToDto(model), "GetModelPortfolio", new { householdId, modelId = model.Id });
    }

    /// <summary>Replaces name, description and allocations. An edited allocation is no longer the optimiser's: its risk level and figures are cleared.</summary>
    private static async Task<Results<Ok<ModelPortfolioDto>, NotFoundProblem, ValidationProblem, ConflictProblem>> Update(
        Guid householdId, Guid modelId, ModelPortfolioRequest request, GlidepathDbContext db, CancellationToken ct)
    {
        var model = await Find(db, householdId, modelId, ct);
        if (model is null)
        {
            return NotFound(modelId);
        }

        var errors = Validate(request);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var name = request.Name!.Trim();
        if (await db.ModelPortfolios.AnyAsync(m => m.HouseholdId == householdId && m.Name == name && m.Id != modelId, ct))
        {
            return Duplicate(name);
        }

        if (request.Version is { } version)
        {
            // A stale version makes the UPDATE match no row: 409 concurrency-conflict.
            db.Entry(model).Property(m => m.Version).OriginalValue = version;
        }

        var allocations = request.Allocations!.OrderBy(a => a.AssetClass).ToList();
        if (!allocations.SequenceEqual(model.Allocations))
        {
            model.RiskLevel = null;
            model.ExpectedReturn = null;
            model.Volatility = null;
        }

        model.Name = name;
        model.Description = request.Description?.Trim() ?? "";
        model.Allocations = allocations;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(model));
    }

    private static async Task<Results<NoContent, NotFoundProblem>> Delete(Guid householdId, Guid modelId, GlidepathDbContext db, CancellationToken ct)
    {
        var model = await Find(db, householdId, modelId, ct);
        if (model is null)
        {
            return NotFound(modelId);
        }

        db.ModelPortfolios.Remove(model);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Ten levels in one save: all are stored or none.</summary>
    private static async Task<Results<Ok<List<ModelPortfolioDto>>, ValidationProblem, ConflictProblem, UnprocessableProblem>> Generate(
        Guid householdId, GenerateModelPortfoliosRequest? request, GlidepathDbContext db, TimeProvider clock, CancellationToken ct)
    {
        request ??= new GenerateModelPortfoliosRequest(null, null);
        var maxWeight = request.MaxWeight ?? DefaultMaxWeight;
        var prefix = (request.NamePrefix ?? "Risk level").Trim();
        var errors = new ValidationErrors()
            .Check(maxWeight is > 0.2 and <= 1.0, "maxWeight", "The cap must be above 0.2 (five proxies) and at most 1.")
            .Check(prefix.Length > 0, "namePrefix", "The prefix needs at least one character.")
            .CheckLength(prefix, "namePrefix", TextLimits.NamePrefix);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var names = Enumerable.Range(1, ModelPortfolioGenerator.Levels).Select(l => $"{prefix} {l}").ToList();
        var taken = await db.ModelPortfolios.Where(m => m.HouseholdId == householdId && names.Contains(m.Name)).Select(m => m.Name).FirstOrDefaultAsync(ct);
        if (taken is not null)
        {
            return Duplicate(taken);
        }

        var proxies = AssetClassProxyFile.Read(AssetClassProxyFile.DefaultPath);
        var (levels, failure) = ModelPortfolioGenerator.Generate(proxies, AssetClassProxyFile.PeriodsPerYear, maxWeight);
        if (failure is not null)
        {
            return new UnprocessableProblem(ErrorCodes.InfeasibleConstraints, failure.Message);
        }

        var now = clock.GetUtcNow();
        var models = levels.Select(l => new ModelPortfolio
        {
            HouseholdId = householdId,
            Name = names[l.Level - 1],
            Description = $"Efficient frontier point {l.Level} of {ModelPortfolioGenerator.Levels} over asset-class proxies (examples/data/asset_class_proxies_daily_returns.csv), each proxy capped at {maxWeight:0.##}.",
            Allocations = [.. l.Allocations],
            RiskLevel = l.Level,
            ExpectedReturn = l.ExpectedReturn,
            Volatility = l.Volatility,
            CreatedUtc = now,
        }).ToList();
        db.ModelPortfolios.AddRange(models);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(models.Select(ToDto).ToList());
    }

    private static ValidationErrors Validate(ModelPortfolioRequest request)
    {
        var errors = new ValidationErrors()
            .Check(!string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
            .CheckLength(request.Name, "name", TextLimits.Name)
            .CheckLength(request.Description, "description", TextLimits.Description)
            .Check(request.Allocations is not null, "allocations", "Allocations are required.")
            .Check(request.Allocations?.Any(a => a is null) != true, "allocations", "An allocation in the list is null.");
        if (request.Allocations is { } allocations && allocations.All(a => a is not null) && ModelPortfolioRules.Check(allocations) is { } broken)
        {
            errors.Add("allocations", broken);
        }

        return errors;
    }

    private static Task<ModelPortfolio?> Find(GlidepathDbContext db, Guid householdId, Guid modelId, CancellationToken ct) =>
        db.ModelPortfolios.FirstOrDefaultAsync(m => m.Id == modelId && m.HouseholdId == householdId, ct);

    private static NotFoundProblem NotFound(Guid modelId) => new(ErrorCodes.ModelPortfolioNotFound, $"Model portfolio {modelId} is not in this household.");

    private static ConflictProblem Duplicate(string name) => new(ErrorCodes.DuplicateModelPortfolio, $"The household already has a model portfolio named '{name}'.");

    private static ModelPortfolioDto ToDto(ModelPortfolio m) =>
        new(m.Id, m.Name, m.Description, m.Allocations, m.RiskLevel, m.ExpectedReturn, m.Volatility, m.CreatedUtc, m.Version);
}
