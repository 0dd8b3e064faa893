using Glidepath.Domain.Currencies;
using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// One ledger transaction read from a file, in layout-neutral form, before its symbol or ISIN becomes
/// an instrument. Amounts are non-negative. <paramref name="FxRate"/> null: the file gives no rate, so
/// a row in another currency than the account's takes the stored rate of its trade date.
/// </summary>
internal sealed record ImportedRow(
    int Row,
    TransactionType Type,
    DateOnly TradeDate,
    DateOnly SettlementDate,
    string Symbol,
    string Description,
    decimal Quantity,
    decimal Price,
    decimal Fees,
    decimal Amount,
    Currency? Currency,
    decimal? FxRate,
    decimal SplitNumerator,
    decimal SplitDenominator,
    string? Memo,
    string? ExternalId,
    string? Isin = null)
{
    /// <summary>The statement's category for the row (QIF <c>L</c>), when it has one; shown in a preview.</summary>
    public string? Category { get; init; }

    /// <summary>The statement's split lines (QIF <c>S</c>/<c>E</c>/<c>$</c>), which add up to the row's signed amount.</summary>
    public IReadOnlyList<Statements.StatementSplit> Splits { get; init; } = [];
}

/// <summary>A record the layout understood but does not import, and why (journals, option events, unknown actions).</summary>
public sealed record UnmappedRow(int Row, string Action, string Reason)
{
    public override string ToString() => $"row {Row} ({Action}): {Reason}";
}

/// <summary>
/// A layout's verdict on one record: ledger rows (one record may give several, e.g. a dividend and
/// its withholding tax), errors (a malformed record: the file is rejected), a row not imported with
/// its reason, or nothing (a line without meaning, e.g. a totals line or a blank line).
/// </summary>
internal readonly record struct RowParse(IReadOnlyList<ImportedRow> Rows, IReadOnlyList<ImportError> Errors, UnmappedRow? Unmapped = null)
{
    public static RowParse Ignored => new([], []);

    public static RowParse Of(params ImportedRow[] rows) => new(rows, []);

    public static RowParse Failed(IReadOnlyList<ImportError> errors) => new([], errors);

    public static RowParse NotMapped(int row, string action, string reason) => new([], [], new UnmappedRow(row, action, reason));

    /// <summary>A layout's parse of one record, with arithmetic on hostile numbers (e.g. an amount over a tiny quantity) an error of the row, not an exception.</summary>
    public static RowParse Guard(int row, Func<RowParse> parse)
    {
        try
        {
            return parse();
        }
        catch (OverflowException)
        {
            return Failed([new ImportError(row, null, "A number in this row is too large to compute with.")]);
        }
    }

    /// <summary>The rows, or the cells' errors when there are any.</summary>
    public static RowParse From(RowCells cells, params ImportedRow[] rows) => cells.Errors.Count > 0 ? Failed(cells.Errors) : Of(rows);
}
