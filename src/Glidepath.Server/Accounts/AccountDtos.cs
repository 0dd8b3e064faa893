using Glidepath.Domain.Households;
using Glidepath.Domain.TaxLots;

namespace Glidepath.Server.Accounts;

/// <summary>An account as the API shows it: the number only ever masked; the aggregation token never.</summary>
public sealed record AccountDto(
    Guid Id,
    Guid HouseholdId,
    Guid? OwnerId,
    string Name,
    AccountType Type,
    string BaseCurrency,
    string Institution,
    string? NumberMasked,
    LotReliefMethod ReliefMethod,
    bool IsLiability,
    long Version,
    string? Notes,
    bool WholeSharesOnly = false,
    string Broker = "paper",
    string? BrokerAccountId = null,
    decimal DividendWithholdingRate = 0m);

internal static class AccountMapping
{
    public static AccountDto ToDto(this Account account) =>
        new(account.Id, account.HouseholdId, account.OwnerId, account.Name, account.Type, account.BaseCurrency.Code,
            account.Institution, account.Number?.Masked, account.ReliefMethod, account.Type.IsLiability(), account.Version, account.Notes, account.WholeSharesOnly,
            account.Broker, account.BrokerAccountId, account.DividendWithholdingRate);
}
