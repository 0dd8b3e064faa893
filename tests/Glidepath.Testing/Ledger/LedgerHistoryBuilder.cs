using Glidepath.Domain.Results;
using System.Globalization;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.Transactions;

namespace Glidepath.Testing.Ledger;

/// <summary>
/// Builds a household's accounts, instruments and transactions fluently for tests. Ids are
/// sequential, so transactions of the same type on the same day replay in the order they were
/// added (the ledger breaks in-day ties by id).
/// </summary>
public sealed class LedgerHistoryBuilder
{
    private int lastId;

    public Guid HouseholdId { get; } = Guid.Parse("00000000-0000-0000-0000-00000000a001");

    public List<Account> Accounts { get; } = [];

    public List<Instrument> Instruments { get; } = [];

    public List<Transaction> Transactions { get; } = [];

    /// <summary>Parses an ISO date (yyyy-MM-dd).</summary>
    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The next sequential id: ids sort in creation order.</summary>
    public Guid NextId()
    {
        lastId++;
        return new Guid(lastId, 0, 0, new byte[8]);
    }

    public Account Account(
        string name,
        LotReliefMethod relief = LotReliefMethod.Fifo,
        Currency? currency = null,
        AccountType type = AccountType.TaxableBrokerage)
    {
        var account = new Account
        {
            Id = NextId(),
            HouseholdId = HouseholdId,
            Name = name,
            Type = type,
            BaseCurrency = currency ?? Currency.Usd,
            ReliefMethod = relief,
        };
        Accounts.Add(account);
        return account;
    }

    public Instrument Instrument(string symbol, Currency? currency = null)
    {
        var instrument = new Instrument { Id = NextId(), Symbol = symbol, Name = symbol, Currency = currency ?? Currency.Usd };
        Instruments.Add(instrument);
        return instrument;
    }

    public Transaction Deposit(Account account, DateOnly date, decimal amount) => Cash(TransactionType.Deposit, account, date, amount);

    public Transaction Withdraw(Account account, DateOnly date, decimal amount) => Cash(TransactionType.Withdrawal, account, date, amount);

    public Transaction Interest(Account account, DateOnly date, decimal amount) => Cash(TransactionType.Interest, account, date, amount);

    public Transaction Fee(Account account, DateOnly date, decimal amount) => Cash(TransactionType.Fee, account, date, amount);

    /// <summary>A buy in the instrument's currency; <paramref name="fxRate"/> converts it to the account's.</summary>
    public Transaction Buy(Account account, Instrument instrument, DateOnly date, decimal quantity, decimal price, decimal fees = 0m, decimal fxRate = 1m) =>
        Add(Trade(TransactionType.Buy, account, instrument, date, quantity, price, fees, fxRate));

    public Transaction Sell(
        Account account, Instrument instrument, DateOnly date, decimal quantity, decimal price, decimal fees = 0m, decimal fxRate = 1m,
        params LotSelection[] selections)
    {
        var sale = Trade(TransactionType.Sell, account, instrument, date, quantity, price, fees, fxRate);
        sale.LotSelections.AddRange(selections);
        return Add(sale);
    }

    public Transaction Dividend(Account account, Instrument instrument, DateOnly date, decimal amount)
    {
        var dividend = Cash(TransactionType.Dividend, account, date, amount);
        dividend.InstrumentId = instrument.Id;
        dividend.Currency = instrument.Currency;
        return dividend;
    }

    /// <summary>A dividend of quantity × price reinvested at price.</summary>
    public Transaction Reinvest(Account account, Instrument instrument, DateOnly date, decimal quantity, decimal price)
    {
        var reinvested = Trade(TransactionType.DividendReinvested, account, instrument, date, quantity, price, 0m, 1m);
        reinvested.Amount = quantity * price;
        return Add(reinvested);
    }

    /// <summary>A split of numerator new units per denominator old units, with optional cash in lieu of the fraction.</summary>
    public Transaction Split(Account account, Instrument instrument, DateOnly date, decimal numerator, decimal denominator, decimal cashInLieu = 0m)
    {
        var split = Trade(TransactionType.Split, account, instrument, date, 0m, 0m, 0m, 1m);
        split.SplitNumerator = numerator;
        split.SplitDenominator = denominator;
        split.Amount = cashInLieu;
        return Add(split);
    }

    /// <summary>Moves units with their lots; they arrive on <paramref name="arrives"/> (the same day if omitted).</summary>
    public (Transaction Out, Transaction In) Transfer(
        Account from, Account to, Instrument instrument, DateOnly date, decimal quantity, DateOnly? arrives = null, params LotSelection[] selections)
    {
        var transferId = NextId();
        var transferOut = Trade(TransactionType.TransferOut, from, instrument, date, quantity, 0m, 0m, 1m);
        transferOut.TransferId = transferId;
        transferOut.LotSelections.AddRange(selections);
        var transferIn = Trade(TransactionType.TransferIn, to, instrument, arrives ?? date, quantity, 0m, 0m, 1m);
        transferIn.TransferId = transferId;
        transferIn.Currency = from.BaseCurrency;
        return (Add(transferOut), Add(transferIn));
    }

    public (Transaction Out, Transaction In) TransferCash(Account from, Account to, DateOnly date, decimal amount)
    {
        var transferId = NextId();
        var transferOut = Cash(TransactionType.TransferOut, from, date, amount);
        transferOut.TransferId = transferId;
        var transferIn = Cash(TransactionType.TransferIn, to, date, amount);
        transferIn.TransferId = transferId;
        return (transferOut, transferIn);
    }

    public Transaction Add(Transaction transaction)
    {
        Transactions.Add(transaction);
        return transaction;
    }

    public Result<LedgerState> Build() => LedgerBuilder.Build(Accounts, Transactions);

    /// <summary>Builds and fails loudly with the ledger's errors if the history is impossible.</summary>
    public LedgerState BuildState() => Build().Expect("Ledger build failed");

    private Transaction Cash(TransactionType type, Account account, DateOnly date, decimal amount) => Add(new Transaction
    {
        Id = NextId(),
        AccountId = account.Id,
        Type = type,
        TradeDate = date,
        SettlementDate = date,
        Amount = amount,
        Currency = account.BaseCurrency,
    });

    private Transaction Trade(
        TransactionType type, Account account, Instrument instrument, DateOnly date, decimal quantity, decimal price, decimal fees, decimal fxRate) => new()
        {
            Id = NextId(),
            AccountId = account.Id,
            Type = type,
            TradeDate = date,
            SettlementDate = date,
            InstrumentId = instrument.Id,
            Quantity = quantity,
            Price = price,
            Fees = fees,
            Currency = fxRate == 1m ? account.BaseCurrency : instrument.Currency,
            FxRate = fxRate,
        };
}
