using Glidepath.Domain.Households;

namespace Glidepath.Server.Households;

/// <param name="PriceNote">Where the prices come from when that needs saying (the demo's re-dated real closes), else null.</param>
public sealed record HouseholdDto(Guid Id, string Name, string ReportingCurrency, DateTimeOffset CreatedUtc, long Version, string? PriceNote);

internal static class HouseholdMapping
{
    public static HouseholdDto ToDto(this Household household) =>
        new(household.Id, household.Name, household.ReportingCurrency.Code, household.CreatedUtc, household.Version, household.PriceNote);
}
