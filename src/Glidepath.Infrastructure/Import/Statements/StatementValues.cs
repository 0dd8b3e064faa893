using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Glidepath.Domain.Text;

namespace Glidepath.Infrastructure.Import.Statements;

/// <summary>Value parsing shared by the statement formats (docs/statements.md, "Conventions").</summary>
internal static partial class StatementValues
{
    /// <summary>
    /// An OFX date-time (<c>YYYYMMDD[HHMMSS[.XXX]][[±H[.MM]][:TZ]]</c>, OFX 2.1.1 section 3.2.8.2): its
    /// date as written, with no time-zone shift (a bank's posting date is the day it prints).
    /// </summary>
    public static DateOnly? OfxDate(string? text)
    {
        if (text is null || OfxDateTime().Match(text.Trim()) is not { Success: true } m)
        {
            return null;
        }

        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>An OFX amount: optional sign, digits, '.' or ',' as the decimal separator (OFX 2.1.1 section 3.2.9.1), no thousands separators.</summary>
    public static decimal? OfxAmount(string? text)
    {
        if (text is null || !OfxNumber().IsMatch(text.Trim()))
        {
            return null;
        }

        return decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>
    /// A QIF amount: optional sign, digits with optional ',' thousands separators, '.' decimal point (Quicken's US export;
    /// a file written with a decimal comma is refused, not guessed).
    /// </summary>
    public static decimal? QifAmount(string text)
    {
        var t = text.Trim();
        if (!QifNumber().IsMatch(t) || !t.Any(char.IsAsciiDigit))
        {
            return null;
        }

        return decimal.TryParse(t.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>A statement's transaction id as the de-duplication key: itself when it fits the column, else its hash (stable).</summary>
    public static string ExternalId(string fitId) =>
        fitId.Length <= TextLimits.ExternalId
            ? fitId
            : "fitid:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fitId)));

    /// <summary>The memo a statement line books with: the payee, then the memo when it says more (docs/statements.md).</summary>
    public static string? Memo(string? payee, string? memo)
    {
        var p = Squeeze(payee);
        var m = Squeeze(memo);
        var text = p.Length == 0 ? m
            : m.Length == 0 || m.Equals(p, StringComparison.OrdinalIgnoreCase) ? p
            : m.StartsWith(p, StringComparison.OrdinalIgnoreCase) ? m
            : p + " — " + m;
        return text.Length == 0 ? null : text.Length > TextLimits.Memo ? text[..TextLimits.Memo] : text;
    }

    /// <summary>Runs of white space as one space (Fidelity pads its names with spaces).</summary>
    public static string Squeeze(string? text) => text is null ? "" : Spaces().Replace(text.Trim(), " ");

    [GeneratedRegex(@"^(\d{4})(\d{2})(\d{2})(\d{2}(\d{2}(\d{2}(\.\d{1,3})?)?)?)?(\[\s*[+-]?\d{1,2}(\.\d{1,2})?(:[A-Za-z]{1,10})?\s*\])?$")]
    private static partial Regex OfxDateTime();

    [GeneratedRegex(@"^[+-]?(\d{1,32}([.,]\d{0,28})?|[.,]\d{1,28})$")]
    private static partial Regex OfxNumber();

    [GeneratedRegex(@"^[+-]?(\d{1,3}(,\d{3})+|\d{1,30})?(\.\d{0,28})?$")]
    private static partial Regex QifNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
