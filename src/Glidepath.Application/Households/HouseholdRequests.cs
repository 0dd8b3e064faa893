using Glidepath.Application.Validation;

namespace Glidepath.Application.Households;

public sealed record CreateHouseholdRequest(string? Name, string? ReportingCurrency);

/// <summary><paramref name="Version"/> is the one the client read; a stale one answers 409.</summary>
public sealed record UpdateHouseholdRequest(string? Name, string? ReportingCurrency, long Version) : IVersionedRequest
{
    public IVersionedRequest WithVersion(long version) => this with { Version = version };
}
