namespace Glidepath.Quant.MonteCarlo;

/// <summary>Everything one Monte Carlo run needs; amounts in nominal currency units at month 0.</summary>
public sealed record SimulationInput
{
    public required double StartBalance { get; init; }

    /// <summary>Months simulated (1..1200).</summary>
    public required int HorizonMonths { get; init; }

    /// <summary>Annual inflation, used for indexed flows and for "today's money" outputs.</summary>
    public double Inflation { get; init; }

    /// <summary>Annual fee (expense ratio) taken as a monthly drag of (1 - fee)^(1/12).</summary>
    public double AnnualFee { get; init; }

    public required IReturnModel Returns { get; init; }

    public required Allocation Allocation { get; init; }

    public IReadOnlyList<CashFlow> CashFlows { get; init; } = [];

    public SpendingPolicy? Spending { get; init; }

    /// <summary>Number of paths (ignored by models with a fixed path count).</summary>
    public int Paths { get; init; } = 10_000;

    public ulong Seed { get; init; } = 1;

    /// <summary>Pair each path with one that uses the negated normal draws.</summary>
    public bool Antithetic { get; init; }

    /// <summary>Account types, tax tables, withdrawal order, RMDs and conversions; null plans in after-tax dollars.</summary>
    public TaxSettings? Taxes { get; init; }
}

/// <summary>How a run executes; none of these change its numbers.</summary>
public sealed record SimulationOptions
{
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Fraction done, reported after each simulated year.</summary>
    public IProgress<double>? Progress { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>Whether the one-pass kernel may serve the run (same bits as the general path; tests turn it off to show that).</summary>
    internal bool Fuse { get; init; } = true;
}
