using System.Text.Json.Serialization;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;

namespace Glidepath.Domain.Planning;

/// <summary>
/// The scenario JSON (docs/scenario-format.md). The keys (startBalance, horizonMonths,
/// inflation, assets, correlations, allocation, cashFlows) are kept as they are so scenarios stay
/// portable; everything else is an optional extension.
/// </summary>
public sealed record ScenarioDocument
{
    /// <summary>Required unless <see cref="FromLedger"/> supplies it.</summary>
    public double? StartBalance { get; init; }

    /// <summary>Take the start balance (and optionally the weights) from the household's holdings (server only).</summary>
    public LedgerSourceDocument? FromLedger { get; init; }

    public required int HorizonMonths { get; init; }

    /// <summary>Annual; omitted, the server fills in CPI's trailing 10-year CAGR when it stores CPI, else 0 (docs/monte-carlo.md).</summary>
    public double? Inflation { get; init; }

    public required IReadOnlyList<AssetDocument> Assets { get; init; }

    /// <summary>Correlations of the monthly log returns; identity when omitted.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Correlations { get; init; }

    public required AllocationDocument Allocation { get; init; }

    public IReadOnlyList<CashFlowDocument> CashFlows { get; init; } = [];

    public double AnnualFee { get; init; }

    public int Paths { get; init; } = 10_000;

    public ulong Seed { get; init; } = 1;

    public bool Antithetic { get; init; }

    public ReturnModelDocument? ReturnModel { get; init; }

    public SpendingDocument? Spending { get; init; }

    /// <summary>A household plan, expanded into cash flows before simulation.</summary>
    public PlanDocument? Plan { get; init; }

    /// <summary>Account types and taxes; absent, the plan is in after-tax dollars.</summary>
    public TaxesDocument? Taxes { get; init; }

    /// <summary>Success probability a solve aims for.</summary>
    public double TargetSuccess { get; init; } = 0.85;
}

/// <param name="AssetClasses">With <c>fromLedger.allocation</c>: the ledger's asset classes this asset stands for.</param>
public sealed record AssetDocument(string Name, double ExpectedReturn, double Volatility, IReadOnlyList<AssetClass>? AssetClasses = null);

/// <summary>
/// Where the ledger start comes from: the value at the close of <see cref="AsOf"/> (default: today,
/// UTC) of the accounts of <see cref="AccountTypes"/> (default: the investment accounts), and with
/// <see cref="Allocation"/> the starting weights from the holdings' asset classes.
/// </summary>
public sealed record LedgerSourceDocument
{
    public DateOnly? AsOf { get; init; }

    public IReadOnlyList<AccountType>? AccountTypes { get; init; }

    public bool Allocation { get; init; }
}

public enum RebalanceRule
{
    Monthly,
    Annually,
    Never,
}

public sealed record AllocationDocument
{
    public required IReadOnlyList<double> Weights { get; init; }

    public RebalanceRule Rebalance { get; init; } = RebalanceRule.Monthly;

    /// <summary>Target weights by month or by the first person's age, interpolated linearly and rebalanced monthly.</summary>
    public IReadOnlyList<GlidePointDocument>? GlidePath { get; init; }
}

public sealed record GlidePointDocument
{
    public int? Month { get; init; }

    public double? Age { get; init; }

    public required IReadOnlyList<double> Weights { get; init; }
}

public enum FlowKind
{
    Contribution,
    Withdrawal,
}

public enum FlowFrequency
{
    Monthly,
    Annual,
    Once,
}

/// <summary>What a solve may change: saving flows scale with the saving lever, spending flows with the spending lever.</summary>
public enum FlowRole
{
    Saving,
    Spending,
    Income,
    Goal,
}

public sealed record CashFlowDocument
{
    public required FlowKind Kind { get; init; }

    public required double Amount { get; init; }

    public required int StartMonth { get; init; }

    public required int EndMonth { get; init; }

    public FlowFrequency Frequency { get; init; } = FlowFrequency.Monthly;

    public bool InflationIndexed { get; init; }

    /// <summary>Default: contribution = saving, withdrawal = spending, once = goal.</summary>
    public FlowRole? Role { get; init; }

    /// <summary>Goal this flow funds (per-goal success), with its priority (1 = first).</summary>
    public string? Goal { get; init; }

    public int Priority { get; init; } = 1;

    /// <summary>With taxes: how a contribution counts as income (default none: after-tax money).</summary>
    public Quant.MonteCarlo.IncomeTaxation? TaxAs { get; init; }

    /// <summary>Role, defaulted: contribution = saving, withdrawal = spending, once = goal.</summary>
    [JsonIgnore]
    public FlowRole EffectiveRole => Role ?? (Frequency == FlowFrequency.Once ? FlowRole.Goal : Kind == FlowKind.Contribution ? FlowRole.Saving : FlowRole.Spending);
}

public enum ReturnModelKind
{
    Normal,
    StudentT,
    Bootstrap,
    Historical,
}

public sealed record ReturnModelDocument
{
    public required ReturnModelKind Kind { get; init; }

    public int DegreesOfFreedom { get; init; } = 5;

    public int BlockMonths { get; init; } = 12;

    public SeriesDocument? Series { get; init; }
}

public enum SeriesUnits
{
    Fraction,
    Percent,
}

public enum SeriesReturns
{
    Simple,
    Log,
}

/// <summary>
/// A monthly return series, one column per asset, from exactly one source: <see cref="File"/> (a CSV
/// the CLI reads, relative to the scenario), <see cref="Dataset"/> (a series shipped with the server,
/// docs/scenario-format.md) or <see cref="MonthlyReturns"/> (the numbers inline, one array per asset).
/// </summary>
public sealed record SeriesDocument
{
    public string? File { get; init; }

    public string? Dataset { get; init; }

    /// <summary>monthlyReturns[asset][month], in <see cref="Units"/> and <see cref="Returns"/>.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? MonthlyReturns { get; init; }

    /// <summary>With a file or dataset: the column of each asset.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    public SeriesUnits Units { get; init; } = SeriesUnits.Fraction;

    public SeriesReturns Returns { get; init; } = SeriesReturns.Simple;

    /// <summary>Added to every return after unit conversion (e.g. a T-bill rate to an excess-return series).</summary>
    public double MonthlyOffset { get; init; }
}

public enum SpendingRuleKind
{
    ConstantReal,
    PercentOfPortfolio,
    GuytonKlinger,
    Vpw,
}

public sealed record SpendingDocument
{
    public required SpendingRuleKind Rule { get; init; }

    public required double AnnualAmount { get; init; }

    public required int StartMonth { get; init; }

    public required int EndMonth { get; init; }

    public double Rate { get; init; } = 0.04;

    public double Floor { get; init; }

    public double? Ceiling { get; init; }

    public double Guardrail { get; init; } = 0.20;

    public double Adjustment { get; init; } = 0.10;

    public double ExpectedRealReturn { get; init; } = 0.035;
}
