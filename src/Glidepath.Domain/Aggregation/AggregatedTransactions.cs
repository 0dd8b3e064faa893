using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Aggregation;

/// <summary>
/// One transaction as an aggregation service reports it (Plaid's <c>transactions/sync</c> shape): its id, the
/// provider's account, the amount with the provider's sign (positive = money out of the account), the posted
/// date, the description and merchant, and whether it is still pending.
/// </summary>
public sealed record ProviderTransaction(
    string TransactionId,
    string AccountId,
    decimal Amount,
    string? Currency,
    DateOnly Date,
    string? Name,
    string? MerchantName,
    bool Pending);

/// <summary>
/// The booking rules of aggregated transactions (docs/aggregation.md, "Mapping rules"): positive amounts (money
/// out, Plaid's convention) book as withdrawals, negative ones as deposits, of the absolute amount; the memo is the
/// merchant name, else the description; the external id is <c>plaid:</c> and the provider's transaction id, so a
/// re-sync finds what it booked. Pending transactions and zero amounts are not booked.
/// </summary>
public static class AggregatedTransactions
{
    /// <summary>The prefix of every external id an aggregated transaction carries.</summary>
    public const string ExternalIdPrefix = "plaid:";

    public static string ExternalId(string providerTransactionId) => ExternalIdPrefix + providerTransactionId;

    /// <summary>Whether the transaction books at all: posted (not pending) and not zero.</summary>
    public static bool Books(ProviderTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return !transaction.Pending && transaction.Amount != 0m;
    }

    /// <summary>The ledger's direction for the provider's signed amount.</summary>
    public static TransactionType TypeOf(decimal providerAmount) => providerAmount > 0m ? TransactionType.Withdrawal : TransactionType.Deposit;

    /// <summary>The memo: the merchant's name, else the statement description, at most <paramref name="maxLength"/> characters.</summary>
    public static string? MemoOf(ProviderTransaction transaction, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var text = !string.IsNullOrWhiteSpace(transaction.MerchantName) ? transaction.MerchantName.Trim() : transaction.Name?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length <= maxLength ? text : text[..maxLength];
    }
}
