using System.Globalization;

namespace Glidepath.Domain.Text;

/// <summary>One free-text field the API or an import stores, and its most characters.</summary>
public sealed record TextLimit(string Resource, string Field, int MaxLength);

/// <summary>
/// The length limits of every free-text field, in one place: the API validators, the CSV importers and
/// the EF Core column sizes all read these constants, and <see cref="Fields"/> is the table in
/// docs/security.md ("Text length limits"), which a test compares with it. A value past its limit is
/// refused before anything is stored (400 from the API, a row error from an import), so it never
/// reaches a <c>varchar</c> column it does not fit.
/// </summary>
public static class TextLimits
{
    /// <summary>Names of households, accounts, people, instruments, manual assets, plans and model portfolios.</summary>
    public const int Name = 200;

    public const int Institution = 200;

    public const int Symbol = 32;

    public const int Exchange = 32;

    public const int Isin = 12;

    /// <summary>An account number (stored encrypted).</summary>
    public const int AccountNumber = 64;

    /// <summary>A person's tax id (stored encrypted).</summary>
    public const int TaxId = 32;

    /// <summary>A state or province code.</summary>
    public const int State = 8;

    /// <summary>Notes on an account or a person (stored encrypted).</summary>
    public const int Notes = 4000;

    /// <summary>A transaction's memo (stored encrypted), from the API or an import's Memo/Description column.</summary>
    public const int Memo = 1000;

    public const int ExternalId = 128;

    /// <summary>An account's id at its broker (Interactive Brokers' <c>U1234567</c>).</summary>
    public const int BrokerAccountId = 64;

    public const int Description = 2000;

    /// <summary>The prefix of generated model portfolio names (a suffix such as " 10" follows, within <see cref="Name"/>).</summary>
    public const int NamePrefix = 180;

    /// <summary>A shared instrument's symbol at its market-data provider (<c>msft.us</c>).</summary>
    public const int ProviderSymbol = 64;

    /// <summary>A column name or action word of a saved import mapping (each of them).</summary>
    public const int ImportMappingText = 200;

    /// <summary>An e-mail address (RFC 5321's path limit).</summary>
    public const int Email = 254;

    /// <summary>A category's name (docs/categories.md).</summary>
    public const int CategoryName = 100;

    /// <summary>A rule's payee or memo pattern (text or regular expression).</summary>
    public const int RulePattern = 200;

    /// <summary>One tag of a transaction or a rule, and how many tags one may carry.</summary>
    public const int Tag = 40;

    public const int MaxTags = 10;

    /// <summary>Every limited field, by resource and JSON field name (import columns use the same limits).</summary>
    public static IReadOnlyList<TextLimit> Fields { get; } =
    [
        new("household", "name", Name),
        new("account", "name", Name),
        new("account", "institution", Institution),
        new("account", "number", AccountNumber),
        new("account", "notes", Notes),
        new("account", "brokerAccountId", BrokerAccountId),
        new("person", "name", Name),
        new("person", "state", State),
        new("person", "taxId", TaxId),
        new("person", "notes", Notes),
        new("instrument", "symbol", Symbol),
        new("instrument", "name", Name),
        new("instrument", "exchange", Exchange),
        new("instrument", "isin", Isin),
        new("instrument market data", "symbol", ProviderSymbol),
        new("manual asset", "name", Name),
        new("plan", "name", Name),
        new("model portfolio", "name", Name),
        new("model portfolio", "description", Description),
        new("model portfolio generation", "namePrefix", NamePrefix),
        new("transaction", "memo", Memo),
        new("transaction", "externalId", ExternalId),
        new("advisor grant", "advisorEmail", Email),
        new("advisor profile", "displayName", Name),
        new("advisor profile", "credentials", Description),
        new("advisor profile", "feeNote", Name),
        new("advisor profile", "bio", Notes),
        new("consultation review", "comment", Description),
        new("registration", "email", Email),
        new("import mapping", "date", ImportMappingText),
        new("import mapping", "actions", ImportMappingText),
        new("category", "name", CategoryName),
        new("rule", "name", Name),
        new("rule", "payeePattern", RulePattern),
        new("rule", "memoPattern", RulePattern),
    ];

    /// <summary>Whether <paramref name="value"/> (null counts as empty) fits <paramref name="maxLength"/> characters.</summary>
    public static bool Fits(string? value, int maxLength) => value is null || value.Length <= maxLength;

    /// <summary>The message for a value past its limit; names the limit.</summary>
    public static string TooLong(int maxLength, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"At most {maxLength:N0} characters ({length:N0} given).");
}
