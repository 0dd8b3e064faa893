namespace Glidepath.Infrastructure.Import;

/// <summary>A problem with one cell or row. Row counts the file's records from 1 (the header is row 1); Column is null for a whole-row problem.</summary>
public sealed record ImportError(int Row, string? Column, string Reason)
{
    public override string ToString() => Column is null ? $"row {Row}: {Reason}" : $"row {Row}, column {Column}: {Reason}";
}

/// <summary>
/// What an import did. When <see cref="Rejected"/> is true nothing was written and
/// <see cref="Errors"/> says why; otherwise Errors lists the rows that skip-invalid mode left out.
/// </summary>
public sealed record ImportResult(
    string Layout,
    int Imported,
    int DuplicatesSkipped,
    IReadOnlyList<ImportError> Errors,
    IReadOnlyList<string> CreatedInstruments,
    bool Rejected)
{
    public bool Succeeded => !Rejected && Errors.Count == 0;

    /// <summary>Rows the layout does not import, each with its reason, left out deliberately (<see cref="ImportOptions.SkipUnmapped"/>).</summary>
    public IReadOnlyList<Transactions.UnmappedRow> Unmapped { get; init; } = [];

    /// <summary>
    /// When the ledger refused sales of units the file never bought (a history that starts mid-way):
    /// per security, the units missing at its first short sale. Give them as <see cref="ImportOptions.OpeningLots"/>.
    /// </summary>
    public IReadOnlyList<OpeningLotRequest> OpeningLotsNeeded { get; init; } = [];

    /// <summary>A dry run's (<see cref="ImportOptions.DryRun"/>) first rows as they would be booked; nothing was written.</summary>
    public IReadOnlyList<PreviewRow> Preview { get; init; } = [];

    /// <summary>
    /// A statement import's rows that look like stored transactions (docs/statements.md, "De-duplication"), each waiting for the
    /// user: skip it (<see cref="ImportOptions.SkipRows"/>) or keep it (<see cref="ImportOptions.KeepRows"/>). An import that is
    /// not a dry run is rejected while one is undecided.
    /// </summary>
    public IReadOnlyList<PossibleDuplicate> PossibleDuplicates { get; init; } = [];

    internal static ImportResult Reject(string layout, IReadOnlyList<ImportError> errors) => new(layout, 0, 0, errors, [], Rejected: true);
}

public sealed record ImportOptions
{
    /// <summary>Import the good rows and report the rest, instead of rejecting the whole file.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>
    /// An unknown symbol creates an instrument (type Stock, asset class Unclassified, the row's currency;
    /// listed in <see cref="ImportResult.CreatedInstruments"/> so the user sets its class). False: such rows are errors.
    /// </summary>
    public bool CreateMissingInstruments { get; init; } = true;

    /// <summary>
    /// The household whose private instruments the import resolves (before the shared ones) and creates.
    /// Null only for an operator's price import, which writes shared reference data. A household's price
    /// import may not write the closes of a shared instrument.
    /// </summary>
    public Guid? HouseholdId { get; init; }

    /// <summary>New instruments one household import may create (docs/security.md: Instruments:MaxNewPerImport).</summary>
    public int MaxNewInstruments { get; init; } = InstrumentCaps.DefaultMaxNewPerImport;

    /// <summary>Private instruments a household may hold in all (Instruments:MaxPerHousehold).</summary>
    public int MaxHouseholdInstruments { get; init; } = InstrumentCaps.DefaultMaxPerHousehold;

    /// <summary>Price rows per write batch (transactions are written together once the file is valid: the replay holds them anyway).</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>The layout to read the file with (docs/import.md), instead of detecting it.</summary>
    public string? Layout { get; init; }

    /// <summary>Read the file through this column mapping (docs/import.md, "Column mappings") instead of a preset.</summary>
    public Transactions.ColumnMapping? Mapping { get; init; }

    /// <summary>
    /// The mapping to read the file through when no preset detects it and neither <see cref="Layout"/> nor
    /// <see cref="Mapping"/> is given: the account's saved mapping (the CLI passes it; the result's layout then is <c>mapping</c>).
    /// </summary>
    public Transactions.ColumnMapping? FallbackMapping { get; init; }

    /// <summary>Validate, map and replay everything, then roll back: the result previews the rows and every error, and nothing is written.</summary>
    public bool DryRun { get; init; }

    /// <summary>Leave out the rows the layout does not import (listed with their reason in <see cref="ImportResult.Unmapped"/>) instead of rejecting the file.</summary>
    public bool SkipUnmapped { get; init; }

    /// <summary>Holdings bought before the file starts, booked as opening buys (docs/import.md, "Opening lots").</summary>
    public IReadOnlyList<OpeningLot> OpeningLots { get; init; } = [];

    /// <summary>Errors kept in the result; a file with more reports the first ones and a count.</summary>
    public int MaxErrors { get; init; } = 1000;

    /// <summary>
    /// Read the file as a bank, card or broker statement (OFX, QFX, QIF; docs/statements.md): only those
    /// layouts are detected, and rows that may repeat a stored one (same amount, dates at most 3 days apart,
    /// similar payee) are <see cref="ImportResult.PossibleDuplicates"/> the user must decide on.
    /// </summary>
    public bool Statement { get; init; }

    /// <summary>Rows the user confirmed as duplicates of stored ones: not imported (counted in <see cref="ImportResult.DuplicatesSkipped"/>).</summary>
    public IReadOnlySet<int> SkipRows { get; init; } = new HashSet<int>();

    /// <summary>Rows the user confirmed as new although they look like stored ones: imported.</summary>
    public IReadOnlySet<int> KeepRows { get; init; } = new HashSet<int>();
}

/// <summary>The documented defaults of the caps on household-private instruments (docs/security.md).</summary>
public static class InstrumentCaps
{
    public const int DefaultMaxNewPerImport = 200;

    public const int DefaultMaxPerHousehold = 2000;
}

/// <summary>
/// Units held before the file starts: booked as a buy on <paramref name="Date"/> for <paramref name="Cost"/>
/// in all (account currency). Cost null: the basis is unknown, booked as zero and flagged on the
/// realised-gains report (Form 8949 box B/E: basis not reported) until the user corrects it.
/// </summary>
public sealed record OpeningLot(string Symbol, DateOnly Date, decimal Quantity, decimal? Cost)
{
    public const string Format = "SYMBOL:yyyy-MM-dd:QUANTITY[:COST]";

    /// <summary>Reads <see cref="Format"/> (CLI --opening-lot, API openingLot): no COST means an unknown basis.</summary>
    public static OpeningLot? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (parts.Length is not (3 or 4) || parts[0].Trim().Length is 0 or > Domain.Text.TextLimits.Symbol
            || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", invariant, System.Globalization.DateTimeStyles.None, out var date)
            || !Domain.Calendar.ValidDates.Contains(date)
            || !decimal.TryParse(parts[2], System.Globalization.NumberStyles.AllowDecimalPoint, invariant, out var quantity) || quantity <= 0m)
        {
            return null;
        }

        if (parts.Length == 3)
        {
            return new OpeningLot(parts[0].Trim(), date, quantity, null);
        }

        return decimal.TryParse(parts[3], System.Globalization.NumberStyles.AllowDecimalPoint, invariant, out var cost)
            ? new OpeningLot(parts[0].Trim(), date, quantity, cost)
            : null;
    }
}

/// <summary>What an import needs to book a sale of units bought before the file: at least <paramref name="Quantity"/> held on <paramref name="Before"/>.</summary>
public sealed record OpeningLotRequest(string Symbol, DateOnly Before, decimal Quantity);

/// <summary>One row as an import would book it (a dry run's preview), in the row's currency.</summary>
public sealed record PreviewRow(
    int Row, Domain.Transactions.TransactionType Type, DateOnly Date, string? Symbol, decimal Quantity, decimal Price, decimal Fees, decimal Amount, string Currency,
    string? Memo = null, string? Category = null);

/// <summary>
/// A file row that may be a stored transaction again: the same type and amount, dates at most 3 days apart and a similar payee
/// (docs/statements.md). Never merged silently: the user decides.
/// </summary>
public sealed record PossibleDuplicate(
    int Row, DateOnly Date, Domain.Transactions.TransactionType Type, decimal Amount, string? Memo,
    Guid ExistingTransactionId, DateOnly ExistingDate, string? ExistingMemo);
