using Glidepath.Domain.Households;
using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Ledger;

/// <summary>Replays a household's transaction history into lots, positions, cash and realised gains.</summary>
public static class LedgerBuilder
{
    /// <summary>
    /// Replays <paramref name="transactions"/> (any order; they are sorted by trade date, then a
    /// stable in-day order) for the given accounts. A history that is impossible (selling more
    /// than is held, a transfer in without its transfer out) yields errors, not a state.
    /// </summary>
    public static LedgerResult Build(IReadOnlyList<Account> accounts, IReadOnlyList<Transaction> transactions) =>
        throw new NotImplementedException("The ledger engine is being written.");
}

/// <summary>Either a state or the errors that made the history impossible.</summary>
public sealed record LedgerResult(LedgerState? State, IReadOnlyList<LedgerError> Errors)
{
    public bool Succeeded => State is not null && Errors.Count == 0;
}

/// <summary>Why a transaction could not be applied; <paramref name="Code"/> is stable (e.g. "insufficient-quantity").</summary>
public sealed record LedgerError(Guid TransactionId, string Code, string Message);
