using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.Transactions;

/// <summary>
/// One entry in an account's history. Positions, lots, cash and realised gains are all
/// derived from these; nothing else is the source of truth.
/// Sign convention: Quantity, Price, Fees and Amount are non-negative; the type says the direction.
/// </summary>
public sealed class Transaction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid AccountId { get; set; }

    public TransactionType Type { get; set; }

    public DateOnly TradeDate { get; set; }

    public DateOnly SettlementDate { get; set; }

    /// <summary>The security traded; null for cash-only entries (deposit, withdrawal, interest, fee).</summary>
    public Guid? InstrumentId { get; set; }

    /// <summary>Units bought, sold, reinvested or transferred.</summary>
    public decimal Quantity { get; set; }

    /// <summary>Price per unit in <see cref="Currency"/>.</summary>
    public decimal Price { get; set; }

    /// <summary>Commissions and fees in <see cref="Currency"/>; added to a buy's basis, taken from a sale's proceeds.</summary>
    public decimal Fees { get; set; }

    /// <summary>Cash amount in <see cref="Currency"/> for deposits, withdrawals, dividends, interest, fees and cash in lieu.</summary>
    public decimal Amount { get; set; }

    /// <summary>Currency the transaction was made in.</summary>
    public Currency Currency { get; set; } = Currency.Usd;

    /// <summary>Units of the account's base currency per unit of <see cref="Currency"/> on the trade date (1 when they are the same).</summary>
    public decimal FxRate { get; set; } = 1m;

    /// <summary>New units per <see cref="SplitDenominator"/> old units (2 and 1 for a 2-for-1 split; 1 and 10 for a 1-for-10 reverse split).</summary>
    public decimal SplitNumerator { get; set; }

    public decimal SplitDenominator { get; set; }

    /// <summary>Pairs a TransferOut with its TransferIn.</summary>
    public Guid? TransferId { get; set; }

    /// <summary>For specific identification: the lots (by the id of the transaction that opened them) and quantities relieved.</summary>
    public List<LotSelection> LotSelections { get; set; } = [];

    /// <summary>Stable de-duplication key: a broker's own id, or a hash of the imported row.</summary>
    public string? ExternalId { get; set; }

    public string? Memo { get; set; }
}

/// <summary>A lot (named by the transaction that opened it) and the units a sale takes from it.</summary>
public sealed record LotSelection(Guid LotId, decimal Quantity);
