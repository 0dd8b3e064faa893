using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Assumptions;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Assumptions;

/// <param name="Name">What the set is, in a line.</param>
/// <param name="AsOf">The date the figures describe (the sources' date).</param>
/// <param name="Sources">Where the figures come from: documents by name and date, data, formulas.</param>
/// <param name="Classes">Per asset class: arithmetic expected return and volatility, fractions a year.</param>
/// <param name="Correlations">The correlation matrix in the order of <paramref name="Classes"/>.</param>
public sealed record AssumptionSetRequest(
    string? Name, DateOnly? AsOf, string? Sources, IReadOnlyList<AssetClassAssumption>? Classes, IReadOnlyList<IReadOnlyList<double>>? Correlations);

/// <summary>
/// The versioned capital-market assumptions (docs/assumptions.md): the current set is the stored one with
/// the highest version, or the built-in <see cref="DefaultAssumptions"/> (version 1) while none is stored.
/// Admins add versions; nothing is edited in place, so every model portfolio and plan can name the
/// version it was built on.
/// </summary>
public sealed class CapitalMarketAssumptionsStore(GlidepathDbContext db, TimeProvider clock)
{
    public async Task<CapitalMarketAssumptionSet> CurrentAsync(CancellationToken ct) =>
        await db.CapitalMarketAssumptions.AsNoTracking().OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct)
        ?? DefaultAssumptions.Create(DateTimeOffset.UnixEpoch);

    /// <summary>Every version, newest first; the built-in one last.</summary>
    public async Task<IReadOnlyList<CapitalMarketAssumptionSet>> ListAsync(CancellationToken ct) =>
        [.. await db.CapitalMarketAssumptions.AsNoTracking().OrderByDescending(s => s.Version).ToListAsync(ct), DefaultAssumptions.Create(DateTimeOffset.UnixEpoch)];

    public async Task<Result<CapitalMarketAssumptionSet>> GetAsync(int version, CancellationToken ct)
    {
        if (version == 1)
        {
            return DefaultAssumptions.Create(DateTimeOffset.UnixEpoch);
        }

        return await db.CapitalMarketAssumptions.AsNoTracking().FirstOrDefaultAsync(s => s.Version == version, ct) is { } set
            ? set
            : Problem.NotFound(ErrorCodes.AssumptionSetNotFound, $"There is no assumption set version {version}.");
    }

    /// <summary>
    /// The current set's ten risk levels as frontier points (weights by class name) and the given mixes
    /// evaluated under it. Refused: a mix without a name, a negative or non-finite weight, weights above 1
    /// in sum (+1e-9), a class the set lacks.
    /// </summary>
    public async Task<Result<(CapitalMarketAssumptionSet Set, IReadOnlyList<OptimizedPortfolio> Levels, IReadOnlyList<EvaluatedPortfolio> Evaluated)>> FrontierAsync(
        IReadOnlyList<(string? Name, IReadOnlyDictionary<AssetClass, double>? Weights)> mixes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mixes);
        var set = await CurrentAsync(ct);
        var evaluated = new List<EvaluatedPortfolio>();
        for (var i = 0; i < mixes.Count; i++)
        {
            var (name, weights) = mixes[i];
            if (string.IsNullOrWhiteSpace(name) || weights is null || weights.Values.Any(w => !double.IsFinite(w) || w < 0) || weights.Values.Sum() > 1 + 1e-9)
            {
                return Problem.Invalid($"evaluate[{i}]", "Each mix needs a name and weights ≥ 0 summing to at most 1.");
            }

            if (AssumptionModelPortfolios.Evaluate(set, name, weights) is not { } e)
            {
                return Problem.Invalid($"evaluate[{i}]", $"The current assumptions (version {set.Version}) have no figures for {string.Join(", ", weights.Keys.Where(k => set.Of(k) is null))}.");
            }

            evaluated.Add(e);
        }

        var (levels, failure) = AssumptionModelPortfolios.Generate(set);
        if (failure is not null)
        {
            return Problem.Refused(ErrorCodes.InfeasibleConstraints, failure);
        }

        var cash = set.Of(AssetClass.Cash)?.ExpectedReturn ?? 0.0;
        return (set, [.. levels.Select(l => new OptimizedPortfolio(
            l.Allocations.ToDictionary(a => a.AssetClass.ToString(), a => (double)a.Weight, StringComparer.Ordinal), l.ExpectedReturn, l.Volatility, (l.ExpectedReturn - cash) / l.Volatility))], evaluated);
    }

    /// <summary>
    /// Stores a new version (the highest plus one). Refused when the figures are invalid, or when the ten
    /// risk levels cannot be built from them under the practitioner constraints (the set would leave the
    /// product without model portfolios).
    /// </summary>
    public async Task<Result<CapitalMarketAssumptionSet>> CreateAsync(AssumptionSetRequest request, Guid adminId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checks = new InputChecks()
            .Check(!string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
            .CheckLength(request.Name, "name", TextLimits.Name)
            .Check(!string.IsNullOrWhiteSpace(request.Sources), "sources", "Say where the figures come from.")
            .CheckLength(request.Sources, "sources", TextLimits.Description)
            .Check(request.AsOf is not null, "asOf", "The date the figures describe is required.")
            .Check(request.Classes is not null, "classes", "Classes are required.")
            .Check(request.Correlations is not null, "correlations", "The correlation matrix is required.");
        if (!checks.Failed && CapitalMarketAssumptionRules.Check(request.Classes!, request.Correlations!) is { } broken)
        {
            checks.Add(broken.Field, broken.Message);
        }

        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var latest = await db.CapitalMarketAssumptions.MaxAsync(s => (int?)s.Version, ct) ?? 1;
        var set = new CapitalMarketAssumptionSet
        {
            Version = latest + 1,
            AsOf = request.AsOf!.Value,
            Name = request.Name!.Trim(),
            Sources = request.Sources!.Trim(),
            Classes = [.. request.Classes!],
            Correlations = [.. request.Correlations!.Select(r => r.ToList())],
            CreatedUtc = clock.GetUtcNow(),
            CreatedBy = adminId,
        };
        var (_, failure) = AssumptionModelPortfolios.Generate(set);
        if (failure is not null)
        {
            return Problem.Refused(ErrorCodes.InfeasibleConstraints, $"No model portfolios can be built from these figures: {failure}");
        }

        db.CapitalMarketAssumptions.Add(set);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on Version: another admin stored the same version first.
            db.ChangeTracker.Clear();
            if (!await db.CapitalMarketAssumptions.AnyAsync(s => s.Version == set.Version, ct))
            {
                throw;
            }

            return Problem.Conflict(ErrorCodes.AssumptionVersionConflict, $"Version {set.Version} was stored by someone else meanwhile; read the current set and try again.");
        }

        return set;
    }
}
