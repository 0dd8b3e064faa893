using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Glidepath.Infrastructure.Encryption;

/// <summary>Marks the converters that encrypt, so key rotation can find every protected column in the model.</summary>
public interface IProtectedValueConverter
{
    /// <summary>The column's stable name, bound into each value's associated data.</summary>
    string Column { get; }
}

/// <summary>
/// Encrypts a property on its way to the database and decrypts it on the way back (AES-256-GCM,
/// <see cref="FieldKeyRing"/>). Nulls stay null. Protected columns cannot be searched or compared in SQL:
/// each write uses a fresh nonce, so equal plaintexts differ in the database.
/// </summary>
internal sealed class ProtectedValueConverter<T>(FieldKeyRing ring, string column, Func<T, string> toText, Func<string, T> fromText)
    : ValueConverter<T, string>(
        value => ring.Protect(toText(value), column),
        stored => fromText(ring.Unprotect(stored, column))),
    IProtectedValueConverter
{
    public string Column { get; } = column;
}
