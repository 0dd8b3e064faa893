namespace Glidepath.Domain.TaxLots.WashSales;

/// <summary>
/// One match of a loss sale with replacement units (IRS Publication 550, "Wash Sales").
/// <paramref name="DisallowedLoss"/> (in the sold account's base currency) is added to the
/// replacement lot's basis and its holding period starts <paramref name="TackedDays"/> earlier,
/// unless <paramref name="Permanent"/>: the replacement is in an IRA, Roth IRA or another
/// tax-advantaged account (Rev. Rul. 2008-5), so the loss is lost for good and no basis changes.
/// </summary>
public sealed record WashSaleAdjustment(
    Guid SaleTransactionId,
    Guid SoldAccountId,
    Guid SoldInstrumentId,
    Guid SoldLotId,
    Guid ReplacementAccountId,
    Guid ReplacementInstrumentId,
    Guid ReplacementLotId,
    DateOnly ReplacementAcquiredDate,
    decimal Quantity,
    decimal DisallowedLoss,
    int TackedDays,
    bool Permanent);
