namespace Glidepath.Infrastructure.Import.Statements;

/// <summary>Reads a statement whole, up to <see cref="OfxDocument.MaxBytes"/>.</summary>
internal static class StatementFile
{
    public static async Task<(byte[] Bytes, bool TooLarge)> ReadAllAsync(Stream file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > OfxDocument.MaxBytes)
            {
                return ([], true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), false);
    }
}
