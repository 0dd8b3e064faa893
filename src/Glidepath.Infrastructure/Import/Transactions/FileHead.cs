using System.Text;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// The first bytes of an uploaded file, read once to pick its layout: as text and as its first CSV
/// records. <see cref="ReadAsync"/> gives back a stream that replays them before the rest, so the
/// file is still streamed, never held (an HTTP body cannot seek).
/// </summary>
internal sealed class FileHead
{
    private const int Size = 64 * 1024;
    private const int MaxRecords = 16;

    private FileHead(string text, IReadOnlyList<string[]> records)
    {
        Text = text;
        Records = records;
    }

    /// <summary>Up to 64 KiB of the file as UTF-8, without a byte-order mark.</summary>
    public string Text { get; }

    /// <summary>The first CSV records (trimmed cells), a title line or blank lines included.</summary>
    public IReadOnlyList<string[]> Records { get; }

    /// <summary>True when one of the first <paramref name="lines"/> records has every one of <paramref name="columns"/> (any case).</summary>
    public bool HasHeader(int lines, params string[] columns) =>
        Records.Take(lines).Any(r => columns.All(c => r.Contains(c, StringComparer.OrdinalIgnoreCase)));

    public static async Task<(FileHead Head, Stream File)> ReadAsync(Stream file, CancellationToken cancellationToken)
    {
        var buffer = new byte[Size];
        var length = 0;
        int read;
        while (length < Size && (read = await file.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        var text = new UTF8Encoding(false, false).GetString(buffer, 0, length).TrimStart('\uFEFF');
        return (new FileHead(text, ParseRecords(text)), new PrefixedStream(buffer.AsMemory(0, length), file));
    }

    /// <summary>For tests and the parser fuzzer: the head of a text already in memory.</summary>
    public static FileHead Of(string text) => new(text, ParseRecords(text));

    private static List<string[]> ParseRecords(string text)
    {
        var records = new List<string[]>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var reader = CsvCells.Open(stream, new ImportErrors(0));
        while (records.Count < MaxRecords && reader.Read())
        {
            records.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => (reader.GetString(i) ?? "").Trim())]);
        }

        return records;
    }

    /// <summary>The bytes already read, then the rest of the underlying stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
            {
                return rest.Read(buffer);
            }

            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_prefix.IsEmpty)
            {
                return rest.ReadAsync(buffer, cancellationToken);
            }

            return ValueTask.FromResult(Read(buffer.Span));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
