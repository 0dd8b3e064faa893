namespace Glidepath.Infrastructure.Encryption;

/// <summary>
/// A stored protected value could not be read: unknown format, a key the ring lacks, or a failed
/// GCM authentication. The message names the column and key id, never key material or the value.
/// </summary>
public sealed class FieldDecryptionException : Exception
{
    public FieldDecryptionException()
    {
    }

    public FieldDecryptionException(string message)
        : base(message)
    {
    }

    public FieldDecryptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FieldDecryptionException(string column, uint? keyId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Column = column;
        KeyId = keyId;
    }

    /// <summary>The protected column's stable name, e.g. <c>accounts.account_number</c>.</summary>
    public string? Column { get; }

    /// <summary>The key id the value names, when it could be read.</summary>
    public uint? KeyId { get; }
}
