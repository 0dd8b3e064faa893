namespace Glidepath.Domain.Households;

/// <summary>
/// Told when something a household's pages show changed outside the user's own requests: new or
/// corrected closes of instruments it holds (which also changes its alerts), or new alerts.
/// </summary>
public interface IHouseholdNotifier
{
    /// <param name="asOf">The latest day among the closes stored.</param>
    Task PricesUpdatedAsync(IReadOnlyCollection<Guid> householdIds, DateOnly asOf, CancellationToken ct);

    Task AlertsChangedAsync(IReadOnlyCollection<Guid> householdIds, CancellationToken ct);
}
