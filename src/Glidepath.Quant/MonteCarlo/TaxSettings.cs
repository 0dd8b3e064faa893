using Glidepath.Quant.Taxes;

namespace Glidepath.Quant.MonteCarlo;

public enum AccountKind
{
    /// <summary>Brokerage money: withdrawals realise long-term gains on the share above cost basis.</summary>
    Taxable,

    /// <summary>Traditional IRA / 401(k): withdrawals, RMDs and conversions are ordinary income.</summary>
    TaxDeferred,

    /// <summary>Roth: withdrawals are tax-free.</summary>
    TaxFree,

    /// <summary>Health savings account: tax-free, spent last (taken to pay qualified medical costs).</summary>
    Hsa,
}

public enum WithdrawalOrder
{
    /// <summary>Taxable, then tax-deferred, then tax-free, then HSA.</summary>
    TaxableFirst,

    /// <summary>From every account in proportion to its balance.</summary>
    Proportional,

    /// <summary>Tax-deferred until the year's ordinary income fills the bracket, then taxable first.</summary>
    FillBracket,
}

public enum ConversionKind
{
    /// <summary>A fixed amount a year in today's money.</summary>
    FixedAmount,

    /// <summary>Whatever fills ordinary taxable income to the top of a bracket.</summary>
    FillToBracket,
}

/// <summary>Roth conversions at each year start in months StartMonth..EndMonth (docs/monte-carlo.md, "Taxes").</summary>
/// <param name="Amount">FixedAmount: a year, today's money (indexed by inflation).</param>
/// <param name="BracketRate">FillToBracket: the ordinary rate whose bracket is filled (e.g. 0.22).</param>
public sealed record RothConversion(ConversionKind Kind, int StartMonth, int EndMonth, double Amount = 0, double BracketRate = 0.12);

/// <summary>
/// Taxes in the simulation: the start balance split into account types, the tax tables, the
/// withdrawal order, RMDs and Roth conversions. Absent, the engine plans as if every dollar were
/// after tax (and gives the same numbers as before taxes existed).
/// </summary>
public sealed record TaxSettings
{
    public required FederalTaxTable Table { get; init; }

    public FilingStatus FilingStatus { get; init; } = FilingStatus.Single;

    /// <summary>Flat state rate on federal taxable income.</summary>
    public double StateRate { get; init; }

    /// <summary>Start balances by account; they must add up to <see cref="SimulationInput.StartBalance"/>.</summary>
    public double Taxable { get; init; }

    /// <summary>Cost basis of the taxable account at the start.</summary>
    public double TaxableBasis { get; init; }

    public double TaxDeferred { get; init; }

    public double TaxFree { get; init; }

    public double Hsa { get; init; }

    public WithdrawalOrder Order { get; init; } = WithdrawalOrder.TaxableFirst;

    /// <summary>FillBracket: the ordinary rate whose bracket tax-deferred withdrawals fill first.</summary>
    public double FillBracketRate { get; init; } = 0.12;

    /// <summary>Where net contributions go.</summary>
    public AccountKind ContributionAccount { get; init; } = AccountKind.Taxable;

    /// <summary>Age of the owner of the tax-deferred money at month 0 (1 January of the table's year).</summary>
    public required double OwnerAge { get; init; }

    /// <summary>Birth year of that owner: sets the RMD start age (73, or 75 from 1960).</summary>
    public required int OwnerBirthYear { get; init; }

    public RothConversion? Conversion { get; init; }

    /// <summary>Index bracket thresholds and the standard deduction by the run's inflation (true) or keep the table's dollars.</summary>
    public bool IndexThresholds { get; init; } = true;
}

/// <summary>Taxes paid in one simulated tax year, over all paths (a failed path pays nothing).</summary>
/// <param name="Year">1-based; the tax of year k is paid at the start of year k + 1 (the last year's at the horizon).</param>
public sealed record YearTaxes(int Year, double MeanNominal, double MeanReal);

/// <summary>Taxes paid by year and over the whole horizon.</summary>
/// <param name="LifetimeReal">Percentiles over paths of the sum of taxes paid, each in today's money at its payment month.</param>
public sealed record TaxSummary(IReadOnlyList<YearTaxes> Years, Percentiles LifetimeReal, double MeanLifetimeReal);
