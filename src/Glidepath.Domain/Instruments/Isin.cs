namespace Glidepath.Domain.Instruments;

/// <summary>
/// International Securities Identification Number (ISO 6166): two letters (country), nine
/// alphanumerics, one check digit. The check digit is the Luhn digit of the code with letters
/// written as numbers (A = 10 … Z = 35).
/// </summary>
public static class Isin
{
    public static bool IsValid(string? text)
    {
        if (text is not { Length: 12 } || !char.IsAsciiLetterUpper(text[0]) || !char.IsAsciiLetterUpper(text[1]) || !char.IsAsciiDigit(text[11]))
        {
            return false;
        }

        var digits = new List<int>(24);
        foreach (var c in text.AsSpan(0, 11))
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Add(c - '0');
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                var value = c - 'A' + 10;
                digits.Add(value / 10);
                digits.Add(value % 10);
            }
            else
            {
                return false;
            }
        }

        // Luhn: double every second digit from the right of the payload (the check digit comes after it).
        var sum = 0;
        for (var i = 0; i < digits.Count; i++)
        {
            var d = digits[digits.Count - 1 - i];
            if (i % 2 == 0)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10 == text[11] - '0';
    }

    /// <summary>Looks like an ISIN (shape only), so a symbol column holding one is read as one.</summary>
    public static bool HasShape(string? text) =>
        text is { Length: 12 } && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]) && text.All(char.IsAsciiLetterOrDigit);
}
