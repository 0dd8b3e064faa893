using System.Runtime.CompilerServices;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// A CSV statement: a header line (after at most <see cref="MaxLinesBeforeHeader"/> title or blank
/// lines, which are skipped) and one record per row. Blank records are ignored; everything else goes to <see cref="Parse"/>.
/// </summary>
internal abstract class CsvStatementLayout : IBrokerStatementLayout
{
    public abstract string Name { get; }

    protected virtual int MaxLinesBeforeHeader => 2;

    /// <summary>The columns whose presence identifies the layout's header.</summary>
    protected abstract string[] HeaderColumns { get; }

    public virtual bool Detect(FileHead head) => head.Records.Take(MaxLinesBeforeHeader + 1).Any(r => IsHeader(Index(r)));

    /// <summary>True for the layout's header line.</summary>
    protected virtual bool IsHeader(IReadOnlyDictionary<string, int> header) => HeaderColumns.All(header.ContainsKey);

    public async IAsyncEnumerable<RowParse> ReadAsync(Stream file, ImportErrors errors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = CsvCells.Open(file, errors);
        Dictionary<string, int>? header = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (header is null)
            {
                var candidate = CsvCells.IndexHeader(reader);
                if (IsHeader(candidate))
                {
                    header = candidate;
                }
                else if (CsvCells.Row(reader) > MaxLinesBeforeHeader)
                {
                    yield return RowParse.Failed([new ImportError(CsvCells.Row(reader), null, $"No {Name} header: expected the columns {string.Join(", ", HeaderColumns)}.")]);
                    yield break;
                }

                continue;
            }

            var cells = new RowCells(reader, header);
            if (IsEnd(cells))
            {
                yield break;
            }

            yield return IsBlank(reader) ? RowParse.Ignored : RowParse.Guard(cells.Row, () => Parse(cells));
        }
    }

    public virtual string ColumnFor(string property) => property;

    protected abstract RowParse Parse(RowCells cells);

    /// <summary>True for the first line after the rows (e.g. a disclaimer that is not valid CSV): reading stops before the rest.</summary>
    protected virtual bool IsEnd(RowCells cells) => false;

    private static Dictionary<string, int> Index(string[] record)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < record.Length; i++)
        {
            index.TryAdd(record[i], i);
        }

        return index;
    }

    private static bool IsBlank(CsvHelper.CsvReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (!string.IsNullOrWhiteSpace(reader.GetString(i)))
            {
                return false;
            }
        }

        return true;
    }
}
