using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Storage;

namespace Glidepath.Infrastructure.Ledger;

/// <summary>
/// A database transaction for one ledger write, or a pass-through when the caller (the importer)
/// already opened one: then the caller commits or rolls back, and this scope does neither.
/// Disposing an uncommitted owned transaction rolls it back.
/// </summary>
internal sealed class LedgerTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private LedgerTransaction(IDbContextTransaction? owned) => _owned = owned;

    public static async Task<LedgerTransaction> BeginAsync(GlidepathDbContext db, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null
            ? new LedgerTransaction(null)
            : new LedgerTransaction(await db.Database.BeginTransactionAsync(cancellationToken));

    public Task CommitAsync(CancellationToken cancellationToken) => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public Task RollbackAsync(CancellationToken cancellationToken) => _owned?.RollbackAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
