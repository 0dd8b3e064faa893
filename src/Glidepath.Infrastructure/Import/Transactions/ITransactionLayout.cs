using CsvHelper;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>One CSV transaction layout: recognises its header and turns records into rows.</summary>
internal interface ITransactionLayout
{
    string Name { get; }

    bool Matches(IReadOnlyDictionary<string, int> header);

    RowParse Parse(CsvReader reader, IReadOnlyDictionary<string, int> header);

    /// <summary>The file's column for a <see cref="Domain.Transactions.Transaction"/> property, to name it in errors.</summary>
    string ColumnFor(string property);
}
