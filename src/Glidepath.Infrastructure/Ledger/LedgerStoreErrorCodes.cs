namespace Glidepath.Infrastructure.Ledger;

/// <summary>Codes the store adds to <see cref="Domain.Ledger.LedgerErrorCodes"/>; stable like those.</summary>
public static class LedgerStoreErrorCodes
{
    public const string UnknownHousehold = "unknown-household";

    public const string UnknownInstrument = "unknown-instrument";

    public const string UnknownTransaction = "unknown-transaction";

    /// <summary>The account already has a transaction with this external id (or the batch repeats one).</summary>
    public const string DuplicateExternalId = "duplicate-external-id";
}
