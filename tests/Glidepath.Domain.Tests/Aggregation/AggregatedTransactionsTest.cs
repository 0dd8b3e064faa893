using Glidepath.Domain.Aggregation;
using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Tests.Aggregation;

/// <summary>The booking rules of docs/aggregation.md ("Mapping rules", "The pending rule") on Plaid's sign convention.</summary>
public sealed class AggregatedTransactionsTest
{
    private static readonly ProviderTransaction Purchase = new("tx1", "acc1", 72.1m, "USD", new DateOnly(2023, 9, 24), "PURCHASE WM SUPERCENTER #1700", "Walmart", false);

    [Fact]
    public void PositiveIsMoneyOut_NegativeIsMoneyIn()
    {
        Assert.Equal(TransactionType.Withdrawal, AggregatedTransactions.TypeOf(72.1m));
        Assert.Equal(TransactionType.Deposit, AggregatedTransactions.TypeOf(-500m));
    }

    [Fact]
    public void PendingAndZero_DoNotBook()
    {
        Assert.True(AggregatedTransactions.Books(Purchase));
        Assert.False(AggregatedTransactions.Books(Purchase with { Pending = true }));
        Assert.False(AggregatedTransactions.Books(Purchase with { Amount = 0m }));
    }

    [Fact]
    public void Memo_IsTheMerchant_ElseTheDescription_Clipped()
    {
        Assert.Equal("Walmart", AggregatedTransactions.MemoOf(Purchase, 1000));
        Assert.Equal("PURCHASE WM SUPERCENTER #1700", AggregatedTransactions.MemoOf(Purchase with { MerchantName = " " }, 1000));
        Assert.Equal("PURCHASE", AggregatedTransactions.MemoOf(Purchase with { MerchantName = null }, 8));
        Assert.Null(AggregatedTransactions.MemoOf(Purchase with { MerchantName = null, Name = null }, 8));
        Assert.Equal("plaid:tx1", AggregatedTransactions.ExternalId("tx1"));
    }
}
