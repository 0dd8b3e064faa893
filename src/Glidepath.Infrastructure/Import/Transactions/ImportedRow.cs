using Glidepath.Domain.Currencies;
using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>One file row in layout-neutral form, before its symbol becomes an instrument. Amounts are non-negative.</summary>
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
    decimal FxRate,
    decimal SplitNumerator,
    decimal SplitDenominator,
    string? Memo,
    string? ExternalId);

/// <summary>A layout's verdict on one record: a row, errors, or nothing (a line the layout ignores, e.g. a totals line).</summary>
internal readonly record struct RowParse(ImportedRow? Row, IReadOnlyList<ImportError> Errors)
{
    public static RowParse Ignored => new(null, []);
}
