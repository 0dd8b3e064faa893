namespace Glidepath.Domain.Performance;

/// <summary>A holding of the measured scope: an instrument, or the scope's cash (<see cref="InstrumentId"/> null).</summary>
internal sealed record ScopeHolding(Guid? InstrumentId);

/// <summary>
/// Daily values and external flows of a scope in the reporting currency, and each holding's
/// daily gain (value change less the flows into it): Σ gains = value change − external flow.
/// </summary>
internal sealed record PerformanceSeries(
    DateOnly[] Dates, decimal StartValue, decimal[] Values, decimal[] ExternalFlows, ScopeHolding[] Holdings, decimal[,] Gains);
