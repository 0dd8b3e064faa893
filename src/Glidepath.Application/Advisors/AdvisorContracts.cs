namespace Glidepath.Application.Advisors;

/// <param name="Scope"><c>read</c> (the default) or <c>write</c>.</param>
public sealed record GrantRequest(string? AdvisorEmail, string? Scope = null);

public sealed record GrantDto(Guid Id, Guid HouseholdId, Guid AdvisorId, string AdvisorEmail, string Scope, DateTimeOffset GrantedUtc, DateTimeOffset? RevokedUtc);

public sealed record ClientHouseholdDto(Guid HouseholdId, string Name, DateTimeOffset GrantedUtc, ClientAlerts Alerts);

/// <summary>
/// A client's alerts today (GET …/alerts in short): targets outside their band, harvesting
/// opportunities and their estimated saving in <paramref name="Currency"/>; all null with
/// <paramref name="Unavailable"/> saying why when the household's snapshot cannot be built.
/// </summary>
public sealed record ClientAlerts(int? OutOfBandTargets, int? HarvestOpportunities, decimal? EstimatedSaving, string? Currency, string? Unavailable);
