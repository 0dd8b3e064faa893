using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Categories;

/// <summary>Money in or out of an account.</summary>
public enum Direction
{
    Inflow,
    Outflow,
}

/// <summary>
/// The cash a transaction moves in its account, signed (in positive, out negative), in the transaction's currency:
/// deposits, interest, dividends and cash transferred in add; withdrawals, fees and cash transferred out take away; a buy
/// takes quantity × price + fees, a sell gives quantity × price − fees. Splits and reinvested dividends move no cash.
/// </summary>
public static class CashFlow
{
    public static decimal SignedAmount(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var t = transaction;
        return t.Type switch
        {
            TransactionType.Deposit or TransactionType.Interest or TransactionType.Dividend => t.Amount,
            TransactionType.Withdrawal or TransactionType.Fee => -t.Amount,
            TransactionType.TransferIn => t.InstrumentId is null ? t.Amount : 0m,
            TransactionType.TransferOut => t.InstrumentId is null ? -t.Amount : 0m,
            TransactionType.Buy => -((t.Quantity * t.Price) + t.Fees),
            TransactionType.Sell => (t.Quantity * t.Price) - t.Fees,
            _ => 0m,
        };
    }

    public static Direction DirectionOf(Transaction transaction) => SignedAmount(transaction) < 0m ? Direction.Outflow : Direction.Inflow;

    /// <summary>The payee part of a memo: the text before " — " (statements write "payee — memo"), normalised (<see cref="PayeeNames"/>).</summary>
    public static string PayeeOf(string? memo)
    {
        if (string.IsNullOrWhiteSpace(memo))
        {
            return "";
        }

        var cut = memo.IndexOf(" — ", StringComparison.Ordinal);
        return PayeeNames.Normalise(cut > 0 ? memo[..cut] : memo);
    }
}
