namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// One broker's statement format (docs/import.md lists them): recognises its files by header and
/// content, turns each record into ledger rows, and names what it does not import with a reason
/// (<see cref="RowParse.NotMapped"/>) instead of guessing. One class per broker, so a broker's format
/// change touches one file.
/// </summary>
internal interface IBrokerStatementLayout
{
    /// <summary>The stable name: what <c>--layout</c> and the API's <c>layout</c> take, and what a result reports.</summary>
    string Name { get; }

    /// <summary>True when the file's first lines are this layout's.</summary>
    bool Detect(FileHead head);

    /// <summary>Every record of the file in order, streamed. Errors in the file's structure (e.g. bad quoting) go to <paramref name="errors"/>.</summary>
    IAsyncEnumerable<RowParse> ReadAsync(Stream file, ImportErrors errors, CancellationToken cancellationToken);

    /// <summary>The file's column for a <see cref="Domain.Transactions.Transaction"/> property, to name it in errors.</summary>
    string ColumnFor(string property);
}
