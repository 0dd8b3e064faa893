using Glidepath.Application.Validation;
using Glidepath.Domain.Portfolios;

namespace Glidepath.Application.ModelPortfolios;

/// <param name="Name">Unique within the household.</param>
/// <param name="Allocations">Target weights by asset class, each in [0, 1] with at most 6 decimals, summing to exactly 1.</param>
/// <param name="Version">On update: the version read; a stale one answers 409. Optional.</param>
public sealed record ModelPortfolioRequest(string? Name, string? Description, IReadOnlyList<TargetAllocation>? Allocations, long? Version = null) : IVersionedRequest
{
    public IVersionedRequest WithVersion(long version) => this with { Version = version };
}

/// <param name="NamePrefix">Names are "{prefix} {level}"; default "Risk level". The levels come from the current capital-market assumptions (docs/assumptions.md).</param>
public sealed record GenerateModelPortfoliosRequest(string? NamePrefix);
