using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.Pricing;

/// <summary>
/// A rate one household entered for itself: it is used only for that household's valuations and,
/// on the same pair and date, wins over the shared <see cref="FxRate"/> (docs/server-and-cli.md, "FX rates").
/// </summary>
public sealed record HouseholdFxRate(Guid HouseholdId, Currency Base, Currency Quote, DateOnly Date, decimal Rate)
{
    public FxRate ToFxRate() => new(Base, Quote, Date, Rate);
}
