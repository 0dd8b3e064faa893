using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.Households;

/// <summary>The unit that owns people, accounts and plans; every query is scoped to one.</summary>
public sealed class Household
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    /// <summary>Currency that net worth and reports are shown in unless another is asked for.</summary>
    public Currency ReportingCurrency { get; set; } = Currency.Usd;

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>Where the household's prices come from when that needs saying (the demo's re-dated closes); shown beside valuations.</summary>
    public string? PriceNote { get; set; }

    /// <summary>Optimistic-concurrency version, bumped on every change to the aggregate.</summary>
    public long Version { get; set; }

    public List<Person> People { get; set; } = [];

    public List<Account> Accounts { get; set; } = [];
}
