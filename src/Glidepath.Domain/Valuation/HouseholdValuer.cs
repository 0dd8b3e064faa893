using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Results;
using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Valuation;

/// <summary>
/// Values positions, accounts and a household in any reporting currency on any date, from a
/// <see cref="PriceBook"/>. Point valuations take a <see cref="LedgerState"/> built as of the
/// same date (<see cref="LedgerBuilder.Build(IReadOnlyList{Account}, IReadOnlyList{Transaction}, DateOnly)"/>).
/// Amounts are not rounded; round for display with <see cref="Money.RoundToMinorUnits"/>.
/// </summary>
public sealed class HouseholdValuer
{
    private readonly PriceBook prices;
    private readonly Dictionary<Guid, Instrument> instruments;

    public HouseholdValuer(PriceBook prices, IEnumerable<Instrument> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        this.prices = prices ?? throw new ArgumentNullException(nameof(prices));
        this.instruments = instruments.ToDictionary(i => i.Id);
    }

    /// <summary>Quantity × close (instrument currency) × FX to <paramref name="reporting"/>.</summary>
    public Result<PositionValue> ValuePosition(Position position, Currency reporting, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (!instruments.TryGetValue(position.InstrumentId, out var instrument))
        {
            return ValuationProblems.From(ValuationErrorCodes.UnknownInstrument, $"Instrument {position.InstrumentId} is unknown.");
        }

        var close = prices.Close(instrument.Id, date);
        var rate = prices.Rate(instrument.Currency, reporting, date);
        if (!close.Found || !rate.Found)
        {
            return ValuationProblems.From(new[] { close.Error, rate.Error }.OfType<ValuationError>().ToList());
        }

        return new PositionValue(
            position.AccountId, instrument.Id, position.Quantity, close.Value, close.Date!.Value, instrument.Currency, position.Quantity * close.Value * rate.Value);
    }

    public Result<AccountValue> ValueAccount(Account account, LedgerState state, Currency reporting, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(state);
        var errors = new List<ValuationError>();
        var holdings = new List<PositionValue>();
        foreach (var position in state.Positions.Where(p => p.AccountId == account.Id))
        {
            if (ValuePosition(position, reporting, date).TryGet(out var valued, out var problem))
            {
                holdings.Add(valued);
            }
            else
            {
                errors.AddRange(problem.Errors());
            }
        }

        var cash = state.Cash.FirstOrDefault(c => c.AccountId == account.Id)?.Amount ?? 0m;
        var rate = prices.Rate(account.BaseCurrency, reporting, date);
        if (rate.Error is not null)
        {
            errors.Add(rate.Error);
        }

        return errors.Count > 0
            ? ValuationProblems.From(errors)
            : new AccountValue(account.Id, account.Type.IsLiability(), holdings, holdings.Sum(h => h.Value), cash * rate.Value);
    }

    public Result<HouseholdValue> ValueHousehold(IReadOnlyList<Account> accounts, LedgerState state, Currency reporting, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var valued = accounts.Select(a => ValueAccount(a, state, reporting, date)).ToList();
        var values = new List<AccountValue>(valued.Count);
        foreach (var account in valued)
        {
            if (account.TryGet(out var value, out _))
            {
                values.Add(value);
            }
        }

        return values.Count == valued.Count ? new HouseholdValue(date, reporting, values) : ValuationProblems.Combine(valued.Select(v => v.Problem));
    }

    /// <summary>
    /// Net worth at the close of each day from <paramref name="from"/> to <paramref name="to"/>
    /// inclusive, replaying the history once along the dates. Equals <see cref="ValueHousehold"/>
    /// on a state built as of each day (up to the last of decimal's 28 digits: the series sums
    /// per currency before converting).
    /// </summary>
    public Result<NetWorthSeries> NetWorthSeries(
        IReadOnlyList<Account> accounts, IReadOnlyList<Transaction> transactions, Currency reporting, DateOnly from, DateOnly to) =>
        new NetWorthSeriesCalculator(prices, instruments, accounts, reporting).Compute(transactions, from, to);
}
