namespace Glidepath.Domain.Ledger;

/// <summary>The stable codes of <see cref="LedgerError"/>; clients may switch on them.</summary>
public static class LedgerErrorCodes
{
    /// <summary>A field is invalid (see <see cref="Transactions.TransactionValidator"/>) or the combination makes no sense.</summary>
    public const string InvalidTransaction = "invalid-transaction";

    public const string DuplicateTransaction = "duplicate-transaction";

    public const string UnknownAccount = "unknown-account";

    /// <summary>A sale, transfer or lot selection takes more units than are held.</summary>
    public const string InsufficientQuantity = "insufficient-quantity";

    /// <summary>A lot selection names a lot that is not open in the account and instrument.</summary>
    public const string UnknownLot = "unknown-lot";

    /// <summary>A transfer out without its transfer in (or the reverse), or a transfer in dated before its transfer out.</summary>
    public const string UnpairedTransfer = "unpaired-transfer";

    /// <summary>The two halves of a transfer disagree on instrument or quantity.</summary>
    public const string TransferMismatch = "transfer-mismatch";
}
