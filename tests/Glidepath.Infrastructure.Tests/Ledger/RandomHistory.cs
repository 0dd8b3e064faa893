using Glidepath.Domain.Households;
using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Tests.Ledger;

/// <summary>
/// A seeded, always-valid random history: deposits, buys, sells of at most what is held,
/// dividends, splits and transfers between the two accounts, in date order.
/// </summary>
internal sealed class RandomHistory(LedgerTestHousehold household, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<(Guid Account, Guid Instrument), decimal> _held = [];
    private DateOnly _date = new(2015, 1, 2);

    public List<Transaction> Next(int count)
    {
        var batch = new List<Transaction>();
        while (batch.Count < count)
        {
            _date = _date.AddDays(_random.Next(0, 4));
            var account = _random.Next(2) == 0 ? household.Taxable : household.Ira;
            var instrument = household.Instruments[_random.Next(household.Instruments.Length)];
            var key = (account.Id, instrument.Id);
            var held = _held.GetValueOrDefault(key);
            var price = Math.Round(20m + (decimal)_random.NextDouble() * 200m, 4);
            switch (_random.Next(10))
            {
                case 0:
                    batch.Add(LedgerTestHousehold.Deposit(account, _date, 5000m));
                    break;
                case < 5:
                    var bought = Math.Round((decimal)_random.NextDouble() * 10m + 0.001m, 3);
                    batch.Add(LedgerTestHousehold.Trade(account, TransactionType.Buy, instrument, _date, bought, price));
                    _held[key] = held + bought;
                    break;
                case < 7 when held > 0m:
                    var sold = Math.Round(held * (decimal)_random.NextDouble(), 3);
                    if (sold > 0m)
                    {
                        batch.Add(LedgerTestHousehold.Trade(account, TransactionType.Sell, instrument, _date, sold, price));
                        _held[key] = held - sold;
                    }

                    break;
                case 7:
                    batch.Add(new Transaction
                    {
                        AccountId = account.Id,
                        Type = TransactionType.Dividend,
                        TradeDate = _date,
                        SettlementDate = _date,
                        InstrumentId = instrument.Id,
                        Amount = 12.34m,
                    });
                    break;
                case 8 when held > 0m:
                    // A split replays first within its day: give it a day of its own so earlier picks stay valid.
                    _date = _date.AddDays(1);
                    batch.Add(new Transaction
                    {
                        AccountId = account.Id,
                        Type = TransactionType.Split,
                        TradeDate = _date,
                        SettlementDate = _date,
                        InstrumentId = instrument.Id,
                        SplitNumerator = 3m,
                        SplitDenominator = 2m,
                    });
                    _held[key] = held * 3m / 2m;
                    break;
                case 9 when held >= 2m: // half, rounded down, is at least one unit
                    batch.AddRange(Transfer(account, instrument.Id, Math.Floor(held / 2m)));
                    break;
            }
        }

        return batch;
    }

    private IEnumerable<Transaction> Transfer(Account from, Guid instrumentId, decimal quantity)
    {
        var to = from == household.Taxable ? household.Ira : household.Taxable;
        var transferId = Guid.NewGuid();
        _held[(from.Id, instrumentId)] -= quantity;
        _held[(to.Id, instrumentId)] = _held.GetValueOrDefault((to.Id, instrumentId)) + quantity;
        foreach (var (account, type) in new[] { (from, TransactionType.TransferOut), (to, TransactionType.TransferIn) })
        {
            yield return new Transaction
            {
                AccountId = account.Id,
                Type = type,
                TradeDate = _date,
                SettlementDate = _date,
                InstrumentId = instrumentId,
                Quantity = quantity,
                TransferId = transferId,
            };
        }
    }
}
