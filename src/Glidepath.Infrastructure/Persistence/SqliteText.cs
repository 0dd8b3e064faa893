using System.Buffers.Text;

namespace Glidepath.Infrastructure.Persistence;

/// <summary>
/// Microsoft.Data.Sqlite's text forms, written as UTF-8 without the general formatting engine (the
/// custom decimal format string was the import's most expensive managed call):
/// decimal as <c>0.0###########################</c> (at least one fraction digit, no trailing
/// zeros beyond it), DateOnly as <c>yyyy-MM-dd</c>, Guid in upper case "D" form.
/// </summary>
internal static class SqliteText
{
    private static ReadOnlySpan<byte> UpperHex => "0123456789ABCDEF"u8;

    /// <summary>Writes the decimal into <paramref name="buffer"/> (at least 40 bytes) and returns its length.</summary>
    public static int Format(decimal value, Span<byte> buffer)
    {
        // The invariant general form has no exponent and no group separators; it keeps the
        // value's scale ("1.50", "100"), which is then trimmed or extended to the custom form.
        if (!Utf8Formatter.TryFormat(value, buffer, out var written))
        {
            throw new InvalidOperationException($"Could not format {value}.");
        }

        var point = buffer[..written].IndexOf((byte)'.');
        if (point < 0)
        {
            buffer[written++] = (byte)'.';
            buffer[written++] = (byte)'0';
        }
        else
        {
            while (written > point + 2 && buffer[written - 1] == (byte)'0')
            {
                written--;
            }
        }

        // Negative zero ("-0.00") is "0.0" in the custom form, as any zero.
        return buffer[0] == (byte)'-' && value == 0m ? WriteZero(buffer) : written;
    }

    public static int Format(DateOnly value, Span<byte> buffer)
    {
        WriteDigits(buffer[..4], value.Year);
        buffer[4] = (byte)'-';
        WriteDigits(buffer.Slice(5, 2), value.Month);
        buffer[7] = (byte)'-';
        WriteDigits(buffer.Slice(8, 2), value.Day);
        return 10;
    }

    public static int Format(Guid value, Span<byte> buffer)
    {
        // "D" form from the big-endian (RFC 4122) bytes, upper-case hex: 8-4-4-4-12.
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        var at = 0;
        for (var i = 0; i < 16; i++)
        {
            if (i is 4 or 6 or 8 or 10)
            {
                buffer[at++] = (byte)'-';
            }

            buffer[at++] = UpperHex[bytes[i] >> 4];
            buffer[at++] = UpperHex[bytes[i] & 0xF];
        }

        return 36;
    }

    private static int WriteZero(Span<byte> buffer)
    {
        "0.0"u8.CopyTo(buffer);
        return 3;
    }

    private static void WriteDigits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
