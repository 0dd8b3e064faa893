using System.Text;

namespace Glidepath.Domain.Categories;

/// <summary>
/// Payee normalisation (docs/statements.md, "Payees"): a statement's raw payee ("AMZN Mktp US*2K3AB1", "SQ *BLUE BOTTLE
/// 0142", "POS PURCHASE SHELL OIL 57442") to the merchant's name ("Amazon", "Blue Bottle", "Shell"). Card processors'
/// prefixes and the reference, store and terminal numbers after the name are dropped; a shipped dictionary, written for
/// this product from merchants' public names (no personal data), maps known spellings to one name; anything else keeps
/// its cleaned words in title case. Pure: no I/O.
/// </summary>
public static class PayeeNames
{
    /// <summary>Words a card network or bank puts before the merchant.</summary>
    private static readonly string[] Prefixes =
    [
        "POS PURCHASE ", "POS DEBIT ", "POS ", "DEBIT CARD PURCHASE ", "CHECKCARD ", "CHECK CARD ", "CARD PURCHASE ", "PURCHASE AUTHORIZED ON ",
        "RECURRING PAYMENT ", "PREAUTHORIZED DEBIT ", "ACH DEBIT ", "ACH CREDIT ", "VISA ", "SQ *", "SQ*", "TST* ", "TST*", "SP * ", "SP *", "PAYPAL *", "PP*",
    ];

    /// <summary>The shipped dictionary: a raw payee starting with the key (upper case, after the prefixes) is the value.</summary>
    private static readonly (string Starts, string Name)[] Known =
    [
        ("AMZN MKTP", "Amazon"), ("AMZN DIGITAL", "Amazon"), ("AMZN PRIME", "Amazon"), ("AMAZON.COM", "Amazon"), ("AMAZON MKTPL", "Amazon"),
        ("AMAZON PRIME", "Amazon"), ("AMAZON", "Amazon"), ("AMZN", "Amazon"), ("UBER EATS", "Uber Eats"), ("UBER *EATS", "Uber Eats"),
        ("UBER", "Uber"), ("LYFT", "Lyft"), ("STARBUCKS", "Starbucks"), ("NETFLIX", "Netflix"), ("SPOTIFY", "Spotify"), ("APPLE.COM/BILL", "Apple"),
        ("APPLE.COM", "Apple"), ("GOOGLE *YOUTUBE", "YouTube"), ("GOOGLE *", "Google"), ("WAL-MART", "Walmart"), ("WALMART", "Walmart"),
        ("WM SUPERCENTER", "Walmart"), ("TARGET", "Target"), ("COSTCO", "Costco"), ("SHELL OIL", "Shell"), ("SHELL", "Shell"),
        ("CHEVRON", "Chevron"), ("EXXONMOBIL", "ExxonMobil"), ("EXXON", "ExxonMobil"), ("MCDONALD'S", "McDonald's"), ("MCDONALDS", "McDonald's"),
        ("WHOLEFDS", "Whole Foods"), ("WHOLE FOODS", "Whole Foods"), ("TRADER JOE", "Trader Joe's"), ("KROGER", "Kroger"), ("SAFEWAY", "Safeway"),
        ("CVS", "CVS"), ("WALGREENS", "Walgreens"), ("HOME DEPOT", "The Home Depot"), ("THE HOME DEPOT", "The Home Depot"), ("LOWE'S", "Lowe's"),
        ("LOWES", "Lowe's"), ("IKEA", "IKEA"), ("BEST BUY", "Best Buy"), ("BESTBUY", "Best Buy"), ("EBAY", "eBay"), ("ETSY", "Etsy"),
        ("DOORDASH", "DoorDash"), ("DD *DOORDASH", "DoorDash"), ("GRUBHUB", "Grubhub"), ("AIRBNB", "Airbnb"), ("DELTA AIR", "Delta Air Lines"),
        ("UNITED AIRLINES", "United Airlines"), ("SOUTHWEST", "Southwest Airlines"), ("TESCO", "Tesco"), ("SAINSBURY", "Sainsbury's"),
        ("LIDL", "Lidl"), ("ALDI", "Aldi"), ("REWE", "REWE"), ("EDEKA", "EDEKA"), ("MIGROS", "Migros"), ("COOP", "Coop"),
    ];

    /// <summary>The merchant's name for a raw payee; empty for an empty one.</summary>
    public static string Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "";
        }

        var text = Squeeze(raw.ToUpperInvariant());
        foreach (var prefix in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length)
            {
                text = text[prefix.Length..].TrimStart();
                break;
            }
        }

        foreach (var (starts, name) in Known)
        {
            // A whole word: "SHELL OIL 57442" is Shell, "SHELLY'S DINER" is not.
            if (text.StartsWith(starts, StringComparison.Ordinal) && (text.Length == starts.Length || !char.IsLetter(starts[^1]) || !char.IsLetter(text[starts.Length])))
            {
                return name;
            }
        }

        return TitleCase(Clean(text));
    }

    /// <summary>The words before the first reference: a '*' code, a '#' number, or a word of digits.</summary>
    private static string Clean(string text)
    {
        var words = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var star = word.IndexOf('*', StringComparison.Ordinal);
            var kept = star >= 0 ? word[..star] : word;
            if (kept.StartsWith('#') || (kept.Length > 0 && kept.All(c => char.IsAsciiDigit(c) || c is '-' or '/' or '.')))
            {
                break;
            }

            if (kept.Length > 0)
            {
                words.Add(kept);
            }

            if (star >= 0 || word.Contains('#', StringComparison.Ordinal))
            {
                break;
            }
        }

        return words.Count > 0 ? string.Join(' ', words) : text;
    }

    private static string TitleCase(string text)
    {
        var result = new StringBuilder(text.Length);
        var start = true;
        foreach (var c in text)
        {
            result.Append(start ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            start = c is ' ' or '-' or '/' or '.' or '&';
        }

        return result.ToString();
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
