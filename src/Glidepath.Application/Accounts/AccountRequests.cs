using Glidepath.Application.Validation;
using Glidepath.Domain.Households;
using Glidepath.Domain.TaxLots;

namespace Glidepath.Application.Accounts;

public sealed record CreateAccountRequest(
    string? Name,
    AccountType Type,
    string? BaseCurrency,
    string? Institution,
    string? Number,
    Guid? OwnerId,
    LotReliefMethod? ReliefMethod,
    string? Notes = null,
    bool WholeSharesOnly = false,
    string? Broker = null,
    string? BrokerAccountId = null);

/// <summary>
/// Edits the account's descriptive fields; <paramref name="Version"/> guards against lost updates. A null
/// field keeps its value; <paramref name="Notes"/> "" clears the notes. <paramref name="WholeSharesOnly"/>: the
/// rebalancer trades whole units only in this account (null keeps it). <paramref name="Broker"/>: <c>paper</c> or
/// <c>ibkr</c> executes the account's orders from now on (null keeps it); <paramref name="BrokerAccountId"/> "" clears it.
/// <paramref name="DividendWithholdingRate"/>: the share of a dividend withheld at source, 0 to 1 (null keeps it).
/// </summary>
public sealed record UpdateAccountRequest(
    string? Name, string? Institution, LotReliefMethod? ReliefMethod, long Version, string? Notes = null, bool? WholeSharesOnly = null,
    string? Broker = null, string? BrokerAccountId = null, decimal? DividendWithholdingRate = null) : IVersionedRequest
{
    public IVersionedRequest WithVersion(long version) => this with { Version = version };
}
