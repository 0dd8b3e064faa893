namespace Glidepath.Domain.Households;

public enum AccountType
{
    TaxableBrokerage,
    TraditionalIra,
    RothIra,
    Plan401K,
    Hsa,
    Plan529,
    Checking,
    Savings,
    CreditCard,
    Loan,
}

public static class AccountTypeExtensions
{
    /// <summary>Whether gains realised in the account are taxed when realised (the lot rules matter).</summary>
    public static bool IsTaxable(this AccountType type) => type is AccountType.TaxableBrokerage;

    /// <summary>Liabilities: their balance counts negatively in net worth.</summary>
    public static bool IsLiability(this AccountType type) => type is AccountType.CreditCard or AccountType.Loan;
}
