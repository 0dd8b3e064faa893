using Glidepath.Quant.MonteCarlo;
using Glidepath.Quant.Taxes;

namespace Glidepath.Domain.Planning;

/// <summary>
/// Optional: plan with taxes (docs/monte-carlo.md, "Taxes"; docs/scenario-format.md). Absent, the
/// scenario runs in after-tax dollars exactly as before.
/// </summary>
public sealed record TaxesDocument
{
    /// <summary>Tax year of the federal table; default the newest shipped (2026).</summary>
    public int? Year { get; init; }

    public FilingStatus FilingStatus { get; init; } = FilingStatus.Single;

    /// <summary>Flat state income tax rate on federal taxable income.</summary>
    public double StateRate { get; init; }

    public required AccountsDocument Accounts { get; init; }

    public WithdrawalOrder WithdrawalOrder { get; init; } = WithdrawalOrder.TaxableFirst;

    /// <summary>With <c>fillBracket</c>: the ordinary rate whose bracket tax-deferred withdrawals fill first.</summary>
    public double FillBracketRate { get; init; } = 0.12;

    /// <summary>Account that receives net contributions (saving, income beyond spending).</summary>
    public AccountKind ContributionAccount { get; init; } = AccountKind.Taxable;

    /// <summary>Age at month 0 of the owner of the tax-deferred money; default the plan's first person.</summary>
    public double? OwnerAge { get; init; }

    /// <summary>Default: table year - ceil(ownerAge) (month 0 is 1 January of the table year).</summary>
    public int? OwnerBirthYear { get; init; }

    public RothConversionDocument? RothConversion { get; init; }

    /// <summary>Index bracket thresholds and the standard deduction by the scenario's inflation.</summary>
    public bool IndexThresholds { get; init; } = true;
}

/// <summary>Start balances by account type; they add up to the start balance.</summary>
public sealed record AccountsDocument
{
    public double Taxable { get; init; }

    /// <summary>Cost basis of the taxable account; default its balance (no unrealised gain).</summary>
    public double? TaxableBasis { get; init; }

    public double TaxDeferred { get; init; }

    public double TaxFree { get; init; }

    public double Hsa { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public double Total => Taxable + TaxDeferred + TaxFree + Hsa;
}

public sealed record RothConversionDocument
{
    public required ConversionKind Kind { get; init; }

    /// <summary>With <c>fixedAmount</c>: a year, in today's money.</summary>
    public double Amount { get; init; }

    /// <summary>With <c>fillToBracket</c>: the ordinary rate whose bracket is filled.</summary>
    public double BracketRate { get; init; } = 0.12;

    public required int StartMonth { get; init; }

    public required int EndMonth { get; init; }
}
