using Glidepath.Domain.Portfolios;

namespace Glidepath.Server.ModelPortfolios;

public sealed record ModelPortfolioDto(
    Guid Id,
    string Name,
    string Description,
    IReadOnlyList<TargetAllocation> Allocations,
    int? RiskLevel,
    double? ExpectedReturn,
    double? Volatility,
    DateTimeOffset CreatedUtc,
    long Version);
