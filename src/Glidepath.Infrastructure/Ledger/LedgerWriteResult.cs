using Glidepath.Domain.Ledger;

namespace Glidepath.Infrastructure.Ledger;

/// <summary>What a write to the ledger did: how many transactions it added, or why it added none.</summary>
public sealed record LedgerWriteResult(int Added, IReadOnlyList<LedgerError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static LedgerWriteResult Ok(int added) => new(added, []);

    public static LedgerWriteResult Failed(IReadOnlyList<LedgerError> errors) => new(0, errors);
}
