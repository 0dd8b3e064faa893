using Glidepath.Domain.Currencies;
using Glidepath.Domain.TaxLots;

namespace Glidepath.Domain.Households;

public sealed class Account
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    /// <summary>The person who owns the account; null for joint accounts.</summary>
    public Guid? OwnerId { get; set; }

    public required string Name { get; set; }

    public AccountType Type { get; set; }

    /// <summary>Currency the account's cash and cost basis are kept in.</summary>
    public Currency BaseCurrency { get; set; } = Currency.Usd;

    public string Institution { get; set; } = "";

    public AccountNumber? Number { get; set; }

    /// <summary>The access token an aggregation service (Plaid-shaped) issued for this account; a secret, never shown.</summary>
    public string? AggregationToken { get; set; }

    /// <summary>Free-text notes about the account.</summary>
    public string? Notes { get; set; }

    /// <summary>Which lots a sale relieves when the sale names none.</summary>
    public LotReliefMethod ReliefMethod { get; set; } = LotReliefMethod.Fifo;

    /// <summary>Whether trades must be in whole units (the rebalancer rounds down); false allows fractional shares.</summary>
    public bool WholeSharesOnly { get; set; }

    /// <summary>Which broker executes the account's orders (<c>paper</c>, the default, or <c>ibkr</c>; docs/orders.md).</summary>
    public string Broker { get; set; } = "paper";

    /// <summary>The account's id at its broker (e.g. Interactive Brokers' <c>U1234567</c>); null for the paper broker.</summary>
    public string? BrokerAccountId { get; set; }

    /// <summary>
    /// The share of a dividend the account's country of residence withholds at source (0 to 1, e.g. 0.15): proposed
    /// dividends from data book the gross amount and this share of it as a withholding <c>Fee</c> (docs/import.md).
    /// </summary>
    public decimal DividendWithholdingRate { get; set; }

    /// <summary>Optimistic-concurrency version, bumped on every change.</summary>
    public long Version { get; set; }
}
