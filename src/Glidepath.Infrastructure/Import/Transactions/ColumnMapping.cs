using System.Text.Json.Serialization;
using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// How to read a CSV no preset knows (docs/import.md, "Column mappings"): which header names the date,
/// action, symbol or ISIN, quantity, price, amount, fees and currency, how dates and numbers are written,
/// and which of the file's action words are which transaction type. The same JSON for the API and the CLI
/// (<c>--mapping FILE</c>). Amounts may be signed: the mapped type gives the direction.
/// </summary>
public sealed record ColumnMapping
{
    public required string Date { get; init; }

    public required string Action { get; init; }

    public string? Symbol { get; init; }

    public string? Isin { get; init; }

    public string? Quantity { get; init; }

    public string? Price { get; init; }

    public string? Amount { get; init; }

    public string? Fees { get; init; }

    public string? Currency { get; init; }

    /// <summary>The date's format, e.g. <c>dd.MM.yyyy</c> or <c>MM/dd/yyyy</c> (invariant culture); a time after a space is dropped.</summary>
    public string DateFormat { get; init => field = value ?? "yyyy-MM-dd"; } = "yyyy-MM-dd";

    /// <summary><c>.</c> (1,234.56) or <c>,</c> (1.234,56).</summary>
    public char DecimalSeparator { get; init; } = '.';

    /// <summary>
    /// The file's action words (any case) and the transaction type each one is; a word not listed is a row the mapping
    /// does not import. A JSON <c>null</c> here (or for <see cref="DateFormat"/>) reads as absent, not as a null to trip over later.
    /// </summary>
    public Dictionary<string, TransactionType> Actions { get; init => field = value ?? []; } = [];

    /// <summary>The problems of the mapping itself (not of a file), or none.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Date) || string.IsNullOrWhiteSpace(Action))
        {
            problems.Add("Name the columns of the date and of the action.");
        }

        if (Actions.Count == 0)
        {
            problems.Add("Map at least one action word to a transaction type.");
        }

        if (Actions.Values.Any(t => t is TransactionType.TransferIn or TransactionType.TransferOut || !Enum.IsDefined(t)))
        {
            problems.Add("Transfers between accounts cannot be imported from one account's file.");
        }

        if (DecimalSeparator is not ('.' or ','))
        {
            problems.Add("The decimal separator is '.' or ','.");
        }

        if (!NamesADay(DateFormat))
        {
            problems.Add($"'{DateFormat}' is not a date format that names a day (e.g. yyyy-MM-dd, dd.MM.yyyy, MM/dd/yyyy).");
        }

        return problems;
    }

    /// <summary>Has day, month and year, and reads back what it writes.</summary>
    private static bool NamesADay(string format)
    {
        if (!format.Contains('d', StringComparison.Ordinal) || !format.Contains('M', StringComparison.Ordinal) || !format.Contains('y', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var day = new DateOnly(2024, 11, 23);
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            return DateOnly.TryParseExact(day.ToString(format, invariant), format, invariant, System.Globalization.DateTimeStyles.None, out var back) && back == day;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The most characters of a stored mapping's JSON (200 action words of 200 characters fit).</summary>
    public const int MaxJsonLength = 64_000;

    /// <summary>The most action words one mapping lists.</summary>
    public const int MaxActions = 200;

    /// <summary>The mapping as the CLI's <c>--mapping FILE</c> and the API read it (camelCase, types by name, empty columns left out).</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Written);

    /// <summary>Each named column and its JSON field, for checks that go through every column.</summary>
    [JsonIgnore]
    public IEnumerable<(string Field, string? Column)> NamedColumns =>
    [
        ("date", Date), ("action", Action), ("symbol", Symbol), ("isin", Isin), ("quantity", Quantity),
        ("price", Price), ("amount", Amount), ("fees", Fees), ("currency", Currency),
    ];

    private static readonly System.Text.Json.JsonSerializerOptions Written = new(Json)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The mapping JSON (camelCase names, action types by name), or the reason it cannot be read.</summary>
    public static (ColumnMapping? Mapping, string? Error) FromJson(string json)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<ColumnMapping>(json, Json) is { } mapping
                ? mapping.Problems() is { Count: > 0 } problems ? (null, string.Join(" ", problems)) : (mapping, null)
                : (null, "The mapping is empty.");
        }
        catch (System.Text.Json.JsonException e)
        {
            return (null, "The mapping is not valid JSON for a column mapping: " + e.Message);
        }
    }

    [JsonIgnore]
    internal string[] Columns => [.. new[] { Date, Action, Symbol, Isin, Quantity, Price, Amount, Fees, Currency }.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!)];
}
