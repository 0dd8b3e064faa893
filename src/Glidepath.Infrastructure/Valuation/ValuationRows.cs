using Glidepath.Domain.Currencies;

namespace Glidepath.Infrastructure.Valuation;

/// <summary>Read model: a household's accounts on one day in one currency (positions at their instrument's close plus cash), before conversion.</summary>
public sealed record ValuationDayRow(Guid HouseholdId, DateOnly Date, Currency Currency, decimal Amount);

/// <summary>Read model: a day on which a held instrument had no close on or before it.</summary>
public sealed record ValuationGapRow(Guid HouseholdId, DateOnly Date, Guid InstrumentId);

/// <summary>Read model: one account on one day in one currency (its positions at their instrument's close plus its cash), before conversion.</summary>
public sealed record AccountValuationDayRow(Guid HouseholdId, Guid AccountId, DateOnly Date, Currency Currency, decimal Amount);

/// <summary>Read model: a day on which an instrument the account held had no close on or before it.</summary>
public sealed record AccountValuationGapRow(Guid HouseholdId, Guid AccountId, DateOnly Date, Guid InstrumentId);

/// <summary>
/// Read model bookkeeping per household: <see cref="StaleFrom"/> is the first day whose stored rows may be
/// wrong (null: all are current); <see cref="LastDate"/> the last stored day, after which nothing changes
/// (no later trade or close), null without history. No row: never projected, stale from the start.
/// </summary>
public sealed class ValuationSeriesState
{
    public Guid HouseholdId { get; set; }

    public DateOnly? StaleFrom { get; set; }

    public DateOnly? LastDate { get; set; }

    /// <summary>The household's last trade date (null without history): positions on or after it are the ledger cache's.</summary>
    public DateOnly? LastTradeDate { get; set; }

    /// <summary>
    /// Bumped in the same transaction as every change a portfolio read can show: ledger writes and projections
    /// (in code), a close of an instrument the household traded (<see cref="ValuationProjector.MarkInstrumentStaleAsync"/>),
    /// and, by database triggers, its accounts, manual items and their values, and its own FX rates. Read caches key on it.
    /// </summary>
    public long Version { get; set; }
}

/// <summary>
/// One row (id 1) whose <see cref="Version"/> database triggers bump on every change to shared data a portfolio read
/// can show (shared FX rates, instruments): read caches key on it together with <see cref="ValuationSeriesState.Version"/>.
/// </summary>
public sealed class SharedDataVersion
{
    public int Id { get; set; }

    public long Version { get; set; }
}
