using Glidepath.Domain.Transactions;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots;

namespace Glidepath.Application.Transactions;

public sealed record TransactionDto(
    Guid Id,
    Guid AccountId,
    TransactionType Type,
    DateOnly TradeDate,
    DateOnly SettlementDate,
    Guid? InstrumentId,
    decimal Quantity,
    decimal Price,
    decimal Fees,
    decimal Amount,
    string Currency,
    decimal FxRate,
    decimal? SplitNumerator,
    decimal? SplitDenominator,
    Guid? TransferId,
    IReadOnlyList<LotSelectionDto> LotSelections,
    string? ExternalId,
    string? Memo);

public sealed record LotSelectionDto(Guid LotId, decimal Quantity);

/// <summary>
/// A transaction to book. Omitted numbers are zero; an omitted currency is the account's; an
/// omitted settlement date is the trade date. <paramref name="ExternalId"/> makes a retry safe:
/// a second POST with the same (account, external id) returns the first booking.
/// </summary>
public sealed record TransactionRequest(
    Guid AccountId,
    TransactionType Type,
    DateOnly TradeDate,
    DateOnly? SettlementDate,
    Guid? InstrumentId,
    decimal? Quantity,
    decimal? Price,
    decimal? Fees,
    decimal? Amount,
    string? Currency,
    decimal? FxRate,
    decimal? SplitNumerator,
    decimal? SplitDenominator,
    Guid? TransferId,
    IReadOnlyList<LotSelectionDto>? LotSelections,
    string? ExternalId,
    string? Memo);

/// <summary>Several transactions booked together: all of them or none.</summary>
public sealed record TransactionBatchRequest(IReadOnlyList<TransactionRequest>? Transactions);

/// <summary>What a POST booked; <paramref name="Replayed"/> counts the ones an earlier request had already booked.</summary>
public sealed record TransactionBatchResult(IReadOnlyList<TransactionDto> Transactions, int Created, int Replayed);

public static class TransactionMapping
{
    public static TransactionDto ToDto(this Transaction t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id, t.AccountId, t.Type, t.TradeDate, t.SettlementDate, t.InstrumentId, t.Quantity, t.Price, t.Fees, t.Amount,
            t.Currency.Code, t.FxRate,
            t.Type == TransactionType.Split ? t.SplitNumerator : null,
            t.Type == TransactionType.Split ? t.SplitDenominator : null,
            t.TransferId,
            [.. t.LotSelections.Select(s => new LotSelectionDto(s.LotId, s.Quantity))],
            t.ExternalId,
            t.Memo);
    }
}

/// <summary>One lot a sell would relieve: its share of the proceeds and basis, and the gain (before any wash-sale disallowance).</summary>
public sealed record RelievedLotDto(
    Guid LotId, DateOnly AcquiredDate, decimal Quantity, decimal CostBasis, decimal Proceeds, decimal Gain, HoldingTerm Term, decimal DisallowedLoss);

/// <summary>What a sell would do under <paramref name="ReliefMethod"/> (the account's), lot by lot; nothing is stored.</summary>
public sealed record SellPreviewDto(
    LotReliefMethod ReliefMethod, IReadOnlyList<RelievedLotDto> Lots, decimal Quantity, decimal Proceeds, decimal CostBasis, decimal Gain);
