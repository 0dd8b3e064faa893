namespace Glidepath.Infrastructure.Encryption;

/// <summary>The key ring is missing or malformed; raised at start so the host stops with a clear message.</summary>
public sealed class FieldEncryptionConfigurationException : Exception
{
    public FieldEncryptionConfigurationException()
    {
    }

    public FieldEncryptionConfigurationException(string message)
        : base(message)
    {
    }

    public FieldEncryptionConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
