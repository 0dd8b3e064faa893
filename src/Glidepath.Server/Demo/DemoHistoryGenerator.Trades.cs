using Glidepath.Domain.Households;
using Glidepath.Domain.Transactions;

namespace Glidepath.Server.Demo;

/// <summary>Sales, transfers and the booking primitives every story step goes through.</summary>
internal sealed partial class DemoHistoryGenerator
{
    // Illustrative annual dividend yields of the 1990s; Microsoft paid no dividend before 2003.
    private static readonly Dictionary<string, decimal> DividendYields = new(StringComparer.Ordinal)
    {
        ["KO"] = 0.015m,
        ["JNJ"] = 0.018m,
        ["GE"] = 0.022m,
        ["WMT"] = 0.008m,
        ["PG"] = 0.02m,
        ["IBM"] = 0.01m,
        ["MRK"] = 0.02m,
        ["XOM"] = 0.03m,
        ["INTC"] = 0.003m,
        ["HD"] = 0.004m,
        ["DIS"] = 0.006m,
        ["MMM"] = 0.025m,
        ["MO"] = 0.04m,
        ["JPM"] = 0.03m,
        ["BA"] = 0.015m,
        ["CAT"] = 0.02m,
        ["DD"] = 0.025m,
        ["UTX"] = 0.015m,
        ["MCD"] = 0.008m,
        ["HWP"] = 0.01m,
        ["C"] = 0.012m,
        ["AXP"] = 0.01m,
    };

    /// <summary>The yearly sales, each under its account's relief method, and the one in-kind transfer.</summary>
    private void Rebalance(DemoMonth month)
    {
        var (year, m) = (month.Year, month.Month);
        if (m == 12 && year >= 1995)
        {
            // Taxable: trim the biggest winner. Even years name the costliest lots (specific
            // identification, the tax-aware choice); odd years name none, so FIFO applies.
            TrimBiggestWinner(demo.Brokerage, month.Middle, 3, nameCostliestLots: year % 2 == 0);
        }

        if (year == 1999 && m == 3)
        {
            // A short-term sale: the newest taxable lot, named, sold within its first year.
            var newest = books[demo.Brokerage.Id].Lots.Where(l => l.Acquired < month.First).MaxBy(l => l.Acquired)!;
            Sell(demo.Brokerage, newest.InstrumentId, month.Middle, newest.Quantity, [new LotSelection(newest.Id, newest.Quantity)]);
        }

        if (m == 6 && year >= 1996)
        {
            // Traditional IRA (LIFO): sell the smallest holding and buy something else with the proceeds.
            var book = books[demo.TraditionalIra.Id];
            var smallest = book.Holdings.MinBy(i => book.Quantity(i) * prices.Close(i, month.Middle));
            Sell(demo.TraditionalIra, smallest, month.Middle, book.Quantity(smallest));
            Buy(demo.TraditionalIra, Pick(IraBasket), month.Middle, book.Cash - 100m);
        }

        if (year == 1998 && m == 12)
        {
            TrimBiggestWinner(demo.Plan401K, month.Middle, 4, nameCostliestLots: false); // average cost
        }

        if (year == 2000 && m == 9)
        {
            TrimBiggestWinner(demo.RothIra, month.Middle, 2, nameCostliestLots: false); // HIFO
        }

        if (year == 1999 && m == 7)
        {
            TransferAll(demo.Plan401K, demo.TraditionalIra, instrumentIds["GE"], month.First, "In-kind rollover of GE shares");
        }
    }

    private void TrimBiggestWinner(Account account, DateOnly day, int fraction, bool nameCostliestLots)
    {
        var book = books[account.Id];
        if (book.Lots.Count == 0)
        {
            return;
        }

        var winner = book.Holdings.MaxBy(i => book.Lots.Where(l => l.InstrumentId == i)
            .Sum(l => l.Quantity * (prices.Close(i, day) - l.CostPerUnit)));
        var quantity = Math.Floor(book.Quantity(winner) / fraction);
        if (quantity <= 0m)
        {
            return;
        }

        var named = new List<LotSelection>();
        var left = quantity;
        var costliestFirst = book.Lots.Where(l => l.InstrumentId == winner).OrderByDescending(l => l.CostPerUnit);
        foreach (var lot in nameCostliestLots ? costliestFirst : Enumerable.Empty<DemoLot>())
        {
            var take = Math.Min(lot.Quantity, left);
            named.Add(new LotSelection(lot.Id, take));
            left -= take;
            if (left == 0m)
            {
                break;
            }
        }

        Sell(account, winner, day, quantity, named);
    }

    private void PayDividends(Account account, DateOnly day)
    {
        var book = books[account.Id];
        foreach (var instrumentId in book.Holdings)
        {
            var price = prices.Close(instrumentId, day);
            var amount = Cents(book.Quantity(instrumentId) * price * DividendYields.GetValueOrDefault(symbols[instrumentId]) / 4);
            if (amount < 0.01m)
            {
                continue;
            }

            if (account.Type.IsTaxable())
            {
                Book(account, TransactionType.Dividend, day, t => (t.InstrumentId, t.Amount) = (instrumentId, amount));
                book.Cash += amount;
                continue;
            }

            // Retirement accounts reinvest: whole dividend into fractional units at the day's close.
            var units = Math.Round(amount / price, 4, MidpointRounding.ToZero);
            var reinvested = Book(account, TransactionType.DividendReinvested, day,
                t => (t.InstrumentId, t.Amount, t.Quantity, t.Price) = (instrumentId, amount, units, price));
            book.Lots.Add(new DemoLot { Id = reinvested.Id, InstrumentId = instrumentId, Acquired = day, Quantity = units, CostPerUnit = amount / units });
        }
    }

    private void Buy(Account account, string symbol, DateOnly day, decimal budget, int quantityDecimals = 0, decimal fees = Commission)
    {
        var instrumentId = instrumentIds[symbol];
        var price = prices.Close(instrumentId, day);
        var quantity = Math.Round((budget - fees) / price, quantityDecimals, MidpointRounding.ToZero);
        if (quantity <= 0m)
        {
            return;
        }

        var buy = Book(account, TransactionType.Buy, day, t => (t.InstrumentId, t.Quantity, t.Price, t.Fees) = (instrumentId, quantity, price, fees));
        var cost = (quantity * price) + fees;
        books[account.Id].Cash -= cost;
        books[account.Id].Lots.Add(new DemoLot { Id = buy.Id, InstrumentId = instrumentId, Acquired = day, Quantity = quantity, CostPerUnit = cost / quantity });
    }

    private void Sell(Account account, Guid instrumentId, DateOnly day, decimal quantity, IReadOnlyList<LotSelection>? named = null)
    {
        var price = prices.Close(instrumentId, day);
        var fees = account.Type.IsTaxable() ? Commission : 0m;
        Book(account, TransactionType.Sell, day, t =>
        {
            (t.InstrumentId, t.Quantity, t.Price, t.Fees) = (instrumentId, quantity, price, fees);
            t.LotSelections = [.. named ?? []];
        });
        books[account.Id].Relieve(instrumentId, quantity, named ?? []);
        books[account.Id].Cash += (quantity * price) - fees;
    }

    /// <summary>Moves a whole position; the lots keep their dates and basis (the ledger carries them).</summary>
    private void TransferAll(Account from, Account to, Guid instrumentId, DateOnly day, string memo)
    {
        var quantity = books[from.Id].Quantity(instrumentId);
        if (quantity == 0m)
        {
            return;
        }

        var price = prices.Close(instrumentId, day);
        var transferId = NewId();
        Book(from, TransactionType.TransferOut, day, t => (t.InstrumentId, t.Quantity, t.Price, t.TransferId, t.Memo) = (instrumentId, quantity, price, transferId, memo));
        Book(to, TransactionType.TransferIn, day, t => (t.InstrumentId, t.Quantity, t.Price, t.TransferId, t.Memo) = (instrumentId, quantity, price, transferId, memo));
        var moved = books[from.Id].Lots.Where(l => l.InstrumentId == instrumentId).ToList();
        books[from.Id].Lots.RemoveAll(moved.Contains);
        books[to.Id].Lots.AddRange(moved);
    }

    private void PayCard(DateOnly day)
    {
        var owed = -books[demo.CreditCard.Id].Cash;
        if (owed > 0m)
        {
            CashEntry(demo.Checking, TransactionType.Withdrawal, day, owed, "Credit card payment");
            CashEntry(demo.CreditCard, TransactionType.Deposit, day, owed, "Payment, thank you");
        }
    }

    private void MoveCash(Account from, Account to, DateOnly day, decimal amount)
    {
        CashEntry(from, TransactionType.Withdrawal, day, amount, "Transfer to " + to.Name);
        CashEntry(to, TransactionType.Deposit, day, amount, "Transfer from " + from.Name);
    }

    private void Interest(Account account, DateOnly day, decimal periodRate, string memo)
    {
        var amount = Cents(books[account.Id].Cash * periodRate);
        if (amount > 0m)
        {
            CashEntry(account, TransactionType.Interest, day, amount, memo);
        }
    }

    private void CashEntry(Account account, TransactionType type, DateOnly day, decimal amount, string memo)
    {
        Book(account, type, day, t => (t.Amount, t.Memo) = (amount, memo));
        var sign = type is TransactionType.Withdrawal or TransactionType.Fee ? -1m : 1m;
        books[account.Id].Cash += sign * amount;
    }

    private Transaction Book(Account account, TransactionType type, DateOnly day, Action<Transaction> fill)
    {
        var isTrade = type is TransactionType.Buy or TransactionType.Sell;
        var transaction = new Transaction
        {
            Id = NewId(),
            AccountId = account.Id,
            Type = type,
            TradeDate = day,
            SettlementDate = isTrade ? prices.After(day, day < TPlusThreeFrom ? 5 : 3) : day,
            Currency = account.BaseCurrency,
        };
        fill(transaction);
        history.Add(transaction);
        return transaction;
    }

    private Guid NewId() => DemoIds.Next(random);
}
