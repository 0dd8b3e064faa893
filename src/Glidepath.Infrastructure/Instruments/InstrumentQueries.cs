using Glidepath.Domain.Instruments;

namespace Glidepath.Infrastructure.Instruments;

/// <summary>Which instruments a household may name: the shared ones and its own private ones, never another household's.</summary>
public static class InstrumentQueries
{
    public static IQueryable<Instrument> UsableBy(this IQueryable<Instrument> instruments, Guid householdId) =>
        instruments.Where(i => i.HouseholdId == null || i.HouseholdId == householdId);
}
