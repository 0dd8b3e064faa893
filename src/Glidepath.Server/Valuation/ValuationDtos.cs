using Glidepath.Domain.Households;
using Glidepath.Domain.Valuation;

namespace Glidepath.Server.Valuation;

/// <summary>
/// A household's value on one date in one currency, accounts and manual items; liabilities are negative.
/// <paramref name="PricesAsOf"/> is the oldest close used (null without holdings); <paramref name="Stale"/>
/// when it is more than five trading days old.
/// </summary>
public sealed record ValuationDto(
    DateOnly Date, string Currency, decimal Assets, decimal Liabilities, decimal NetWorth, DateOnly? PricesAsOf, bool Stale,
    IReadOnlyList<AccountValuationDto> Accounts, IReadOnlyList<ManualItemValuationDto> ManualItems);

/// <summary>A manual asset (positive) or liability (negative) at its latest value on or before the date, in the reporting currency.</summary>
public sealed record ManualItemValuationDto(Guid ManualAssetId, string Name, bool IsLiability, decimal Value);

public sealed record AccountValuationDto(Guid AccountId, string Name, AccountType Type, bool IsLiability, decimal Positions, decimal Cash, decimal Total);

public sealed record NetWorthDto(string Currency, DateOnly From, DateOnly To, IReadOnlyList<NetWorthPointDto> Points);

public sealed record NetWorthPointDto(DateOnly Date, decimal Value);

/// <summary>One account's value (positions and cash) at the close of every day of the range.</summary>
public sealed record AccountValuesDto(Guid AccountId, string Currency, DateOnly From, DateOnly To, IReadOnlyList<NetWorthPointDto> Points);

internal static class ValuationMapping
{
    /// <summary>Valuations keep full precision inside; the API shows them rounded to the currency's minor units.</summary>
    public static ValuationDto ToDto(this HouseholdValue value, IReadOnlyDictionary<Guid, Account> accounts, IReadOnlyDictionary<Guid, string> manualNames)
    {
        var digits = value.Currency.MinorUnits;
        return new ValuationDto(
            value.Date,
            value.Currency.Code,
            Round(value.Assets, digits),
            Round(value.Liabilities, digits),
            Round(value.Total, digits),
            value.PricesAsOf,
            value.Stale,
            [.. value.Accounts.Select(a => new AccountValuationDto(
                a.AccountId, accounts[a.AccountId].Name, accounts[a.AccountId].Type, a.IsLiability,
                Round(a.Positions, digits), Round(a.Cash, digits), Round(a.Total, digits)))],
            [.. value.ManualItems.Select(m => new ManualItemValuationDto(m.ManualAssetId, manualNames[m.ManualAssetId], m.IsLiability, Round(m.Value, digits)))]);
    }

    public static NetWorthDto ToDto(this NetWorthSeries series, DateOnly from, DateOnly to) =>
        new(series.Currency.Code, from, to, [.. series.Points.Select(p => new NetWorthPointDto(p.Date, Round(p.Value, series.Currency.MinorUnits)))]);

    public static AccountValuesDto ToAccountDto(this NetWorthSeries series, Guid accountId, DateOnly from, DateOnly to) =>
        new(accountId, series.Currency.Code, from, to, series.ToDto(from, to).Points);

    private static decimal Round(decimal amount, int digits) => Math.Round(amount, digits, Domain.Currencies.Money.BookingRounding);
}
