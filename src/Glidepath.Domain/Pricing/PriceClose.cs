namespace Glidepath.Domain.Pricing;

/// <summary>An instrument's closing price on one day, in the instrument's currency.</summary>
public sealed record PriceClose(Guid InstrumentId, DateOnly Date, decimal Close);
