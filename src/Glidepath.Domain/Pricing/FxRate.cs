using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.Pricing;

/// <summary>Units of <paramref name="Quote"/> per unit of <paramref name="Base"/> at the day's close.</summary>
public sealed record FxRate(Currency Base, Currency Quote, DateOnly Date, decimal Rate);
