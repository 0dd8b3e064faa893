using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Infrastructure.Tests.Ledger;

/// <summary>A stored household with a taxable (FIFO) and an IRA (HIFO) account and three instruments.</summary>
internal sealed class LedgerTestHousehold
{
    public Household Household { get; } = new() { Name = "Okafor", CreatedUtc = DateTimeOffset.UnixEpoch };

    public Account Taxable { get; } = new() { Name = "Brokerage", Type = AccountType.TaxableBrokerage, ReliefMethod = LotReliefMethod.Fifo };

    public Account Ira { get; } = new() { Name = "IRA", Type = AccountType.TraditionalIra, ReliefMethod = LotReliefMethod.Hifo };

    public Instrument[] Instruments { get; } =
    [
        new() { Symbol = "VTI", Type = InstrumentType.Etf, AssetClass = AssetClass.UsEquity },
        new() { Symbol = "VXUS", Type = InstrumentType.Etf, AssetClass = AssetClass.InternationalEquity },
        new() { Symbol = "BND", Type = InstrumentType.Etf, AssetClass = AssetClass.Bonds },
    ];

    public static async Task<LedgerTestHousehold> StoreAsync(GlidepathDbContext db)
    {
        var data = new LedgerTestHousehold();
        data.Household.Accounts.AddRange([data.Taxable, data.Ira]);
        db.Add(data.Household);
        db.AddRange(data.Instruments);
        await db.SaveChangesAsync();
        return data;
    }

    public static Transaction Deposit(Account account, DateOnly date, decimal amount) =>
        new() { AccountId = account.Id, Type = TransactionType.Deposit, TradeDate = date, SettlementDate = date, Amount = amount };

    public static Transaction Withdrawal(Account account, DateOnly date, decimal amount) =>
        new() { AccountId = account.Id, Type = TransactionType.Withdrawal, TradeDate = date, SettlementDate = date, Amount = amount };

    public static Transaction Trade(Account account, TransactionType type, Instrument instrument, DateOnly date, decimal quantity, decimal price) => new()
    {
        AccountId = account.Id,
        Type = type,
        TradeDate = date,
        SettlementDate = date.AddDays(1),
        InstrumentId = instrument.Id,
        Quantity = quantity,
        Price = price,
        Fees = 0.35m,
    };
}
