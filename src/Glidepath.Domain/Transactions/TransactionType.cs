namespace Glidepath.Domain.Transactions;

public enum TransactionType
{
    /// <summary>Cash into the account from outside the household's ledger.</summary>
    Deposit,

    /// <summary>Cash out of the account to outside the household's ledger.</summary>
    Withdrawal,

    /// <summary>Buys Quantity units at Price plus Fees; opens a lot.</summary>
    Buy,

    /// <summary>Sells Quantity units at Price less Fees; relieves lots and realises gains.</summary>
    Sell,

    /// <summary>Cash dividend of Amount.</summary>
    Dividend,

    /// <summary>Dividend of Amount reinvested as Quantity units at Price; opens a lot.</summary>
    DividendReinvested,

    /// <summary>Cash interest of Amount.</summary>
    Interest,

    /// <summary>A fee of Amount charged to the account's cash.</summary>
    Fee,

    /// <summary>Split of SplitNumerator new units for every SplitDenominator old units; Amount is cash in lieu of fractions.</summary>
    Split,

    /// <summary>Units leave the account with their lots (acquisition date and basis kept); paired by TransferId.</summary>
    TransferOut,

    /// <summary>Units arrive with the lots of the paired TransferOut (same TransferId).</summary>
    TransferIn,
}
