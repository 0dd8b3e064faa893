using Glidepath.Domain.Ledger;

namespace Glidepath.Server.RealisedGains;

public sealed record RealisedGainsDto(
    DateOnly? From,
    DateOnly? To,
    decimal ShortTermGain,
    decimal LongTermGain,
    IReadOnlyList<RealisedGainDto> Gains);

public sealed record RealisedGainDto(
    Guid AccountId,
    Guid InstrumentId,
    string Symbol,
    Guid SaleTransactionId,
    Guid LotId,
    DateOnly AcquiredDate,
    DateOnly SoldDate,
    decimal Quantity,
    decimal Proceeds,
    decimal CostBasis,
    decimal Gain,
    HoldingTerm Term,
    decimal DisallowedLoss,
    DateOnly? HoldingPeriodStart,
    string? Code);

/// <summary>A tax year's gains (<c>realized-gains?year=</c>); <paramref name="ReportableGain"/> is the gain less the disallowed losses.</summary>
public sealed record RealizedGainsYearDto(int Year, decimal ShortTermGain, decimal LongTermGain, decimal DisallowedLoss, decimal ReportableGain, IReadOnlyList<RealisedGainDto> Gains);
