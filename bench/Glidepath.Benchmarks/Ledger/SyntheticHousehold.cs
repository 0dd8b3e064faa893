using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.Transactions;

namespace Glidepath.Benchmarks.Ledger;

/// <summary>
/// SYNTHETIC data, generated from a fixed seed; no real prices. A household of 20 accounts
/// holding 10 instruments each (200 positions; 40 of the instruments and 2 accounts in EUR),
/// weekday closes as a random walk for 10 years, and a history of monthly buys, quarterly
/// reinvested dividends, sales, splits and transfers.
/// </summary>
public sealed class SyntheticHousehold
{
    public const int Seed = 20_260_101;
    private const int AccountCount = 20;
    private const int PerAccount = 10;

    private readonly Random random = new(Seed);
    private readonly Dictionary<(Guid, Guid), decimal> held = [];
    private readonly Dictionary<(Guid, DateOnly), decimal> closeOn = [];

    public SyntheticHousehold(DateOnly start, int years)
    {
        Start = start;
        End = start.AddYears(years).AddDays(-1);
        Instruments = Enumerable.Range(0, AccountCount * PerAccount)
            .Select(i => new Instrument { Symbol = $"SYN{i:000}", Currency = i % 5 == 0 ? Currency.Eur : Currency.Usd })
            .ToList();
        Accounts = Enumerable.Range(0, AccountCount)
            .Select(i => new Account
            {
                Name = $"Synthetic {i}",
                BaseCurrency = i < 2 ? Currency.Eur : Currency.Usd,
                ReliefMethod = Enum.GetValues<LotReliefMethod>()[i % 5],
            })
            .ToList();
        GeneratePrices();
        GenerateHistory();
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public List<Account> Accounts { get; }

    public List<Instrument> Instruments { get; }

    public List<PriceClose> Closes { get; } = [];

    public List<FxRate> Rates { get; } = [];

    public List<Transaction> Transactions { get; } = [];

    private void GeneratePrices()
    {
        var prices = Instruments.Select(_ => 20m + random.Next(0, 300)).ToArray();
        var eurUsd = 1.10m;
        for (var day = Start; day <= End; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            for (var i = 0; i < Instruments.Count; i++)
            {
                prices[i] = Math.Max(1m, Math.Round(prices[i] * (1m + (decimal)((random.NextDouble() - 0.49) * 0.03)), 4));
                Closes.Add(new PriceClose(Instruments[i].Id, day, prices[i]));
                closeOn[(Instruments[i].Id, day)] = prices[i];
            }

            eurUsd = Math.Round(eurUsd * (1m + (decimal)((random.NextDouble() - 0.5) * 0.01)), 5);
            Rates.Add(new FxRate(Currency.Eur, Currency.Usd, day, eurUsd));
        }
    }

    private void GenerateHistory()
    {
        for (var a = 0; a < Accounts.Count; a++)
        {
            var account = Accounts[a];
            var holdings = Instruments.Skip(a * PerAccount).Take(PerAccount).ToList();
            Add(account, TransactionType.Deposit, Weekday(Start), amount: 500_000m);
            foreach (var instrument in holdings)
            {
                Trade(account, instrument, TransactionType.Buy, Weekday(Start.AddDays(random.Next(0, 20))), random.Next(50, 500));
            }

            for (var month = 1; month < 120; month++)
            {
                var day = Weekday(Start.AddMonths(month).AddDays(random.Next(0, 20)));
                var instrument = holdings[random.Next(PerAccount)];
                Trade(account, instrument, TransactionType.Buy, day, random.Next(1, 100));
                if (month % 3 == 0)
                {
                    Trade(account, instrument, TransactionType.DividendReinvested, day.AddDays(1), random.Next(1, 400) / 100m);
                }

                var sold = holdings[random.Next(PerAccount)];
                var quantity = decimal.Floor(held.GetValueOrDefault((account.Id, sold.Id)) * random.Next(1, 30) / 100m);
                if (quantity > 0m)
                {
                    Trade(account, sold, TransactionType.Sell, day.AddDays(2), quantity);
                }

                if (month == 60)
                {
                    Split(account, holdings[0], Weekday(day.AddDays(5)));
                }

                // Even USD accounts send half of one holding to the next account, arriving two days later.
                if (month == 84 && a >= 2 && a % 2 == 0)
                {
                    Transfer(account, Accounts[a + 1], holdings[1], Weekday(day.AddDays(5)));
                }
            }
        }
    }

    private void Split(Account account, Instrument instrument, DateOnly day)
    {
        var split = Add(account, TransactionType.Split, day, instrument);
        split.SplitNumerator = 2m;
        split.SplitDenominator = 1m;
        held[(account.Id, instrument.Id)] *= 2m;
    }

    private void Transfer(Account from, Account to, Instrument instrument, DateOnly day)
    {
        var quantity = decimal.Floor(held[(from.Id, instrument.Id)] / 2m);
        var transferId = Guid.NewGuid();
        Add(from, TransactionType.TransferOut, day, instrument, quantity).TransferId = transferId;
        Add(to, TransactionType.TransferIn, Weekday(day.AddDays(2)), instrument, quantity).TransferId = transferId;
        held[(from.Id, instrument.Id)] -= quantity;
    }

    private void Trade(Account account, Instrument instrument, TransactionType type, DateOnly day, decimal quantity)
    {
        day = Weekday(day);
        var price = closeOn[(instrument.Id, day)];
        var transaction = Add(account, type, day, instrument, quantity);
        transaction.Price = price;
        transaction.Fees = type == TransactionType.DividendReinvested ? 0m : 1m;
        transaction.Amount = type == TransactionType.DividendReinvested ? quantity * price : 0m;
        transaction.Currency = instrument.Currency;
        transaction.FxRate = instrument.Currency == account.BaseCurrency ? 1m
            : instrument.Currency == Currency.Eur ? EurUsd(day) : 1m / EurUsd(day);
        held[(account.Id, instrument.Id)] = held.GetValueOrDefault((account.Id, instrument.Id)) + (type == TransactionType.Sell ? -quantity : quantity);
    }

    private Transaction Add(Account account, TransactionType type, DateOnly day, Instrument? instrument = null, decimal quantity = 0m, decimal amount = 0m)
    {
        var transaction = new Transaction
        {
            AccountId = account.Id,
            Type = type,
            TradeDate = day,
            SettlementDate = day,
            InstrumentId = instrument?.Id,
            Quantity = quantity,
            Amount = amount,
            Currency = account.BaseCurrency,
        };
        Transactions.Add(transaction);
        return transaction;
    }

    private decimal EurUsd(DateOnly day) => Rates.Last(r => r.Date <= day).Rate;

    private DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day > End ? End : day,
    };
}
