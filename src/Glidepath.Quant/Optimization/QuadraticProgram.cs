namespace Glidepath.Quant.Optimization;

/// <summary>
/// A convex quadratic program: minimise ½ xᵀGx + cᵀx subject to named sparse linear equalities and
/// inequalities. G must be symmetric positive definite.
/// </summary>
public sealed class QuadraticProgram
{
    private readonly List<LinearConstraint> _constraints = [];

    public QuadraticProgram(double[,] hessian, double[] linear)
    {
        ArgumentNullException.ThrowIfNull(hessian);
        ArgumentNullException.ThrowIfNull(linear);
        if (hessian.GetLength(0) != linear.Length || hessian.GetLength(1) != linear.Length)
        {
            throw new ArgumentException("The Hessian must be n × n for n linear coefficients.", nameof(hessian));
        }

        Hessian = hessian;
        Linear = linear;
    }

    public double[,] Hessian { get; }

    public double[] Linear { get; }

    public int Variables => Linear.Length;

    public IReadOnlyList<LinearConstraint> Constraints => _constraints;

    /// <summary>Σ_k coefficients[k]·x[indices[k]] = rhs.</summary>
    public void AddEquality(string name, int[] indices, double[] coefficients, double rhs) =>
        Add(new LinearConstraint(name, indices, coefficients, rhs, IsEquality: true));

    /// <summary>Σ_k coefficients[k]·x[indices[k]] ≥ rhs.</summary>
    public void AddGreaterOrEqual(string name, int[] indices, double[] coefficients, double rhs) =>
        Add(new LinearConstraint(name, indices, coefficients, rhs, IsEquality: false));

    /// <summary>Σ_k coefficients[k]·x[indices[k]] ≤ rhs, stored as its negation.</summary>
    public void AddLessOrEqual(string name, int[] indices, double[] coefficients, double rhs) =>
        Add(new LinearConstraint(name, indices, [.. coefficients.Select(v => -v)], -rhs, IsEquality: false));

    private void Add(LinearConstraint c)
    {
        if (c.Indices.Length != c.Coefficients.Length || c.Indices.Any(i => i < 0 || i >= Variables))
        {
            throw new ArgumentException($"Constraint '{c.Name}' has mismatched or out-of-range indices.");
        }

        _constraints.Add(c);
    }
}

/// <summary>A sparse row aᵀx ≥ b (or = b), named for error messages.</summary>
public sealed record LinearConstraint(string Name, int[] Indices, double[] Coefficients, double Rhs, bool IsEquality)
{
    internal double Evaluate(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var k = 0; k < Indices.Length; k++)
        {
            sum += Coefficients[k] * x[Indices[k]];
        }

        return sum;
    }

    internal double Scale(ReadOnlySpan<double> x)
    {
        var sum = Math.Abs(Rhs);
        for (var k = 0; k < Indices.Length; k++)
        {
            sum += Math.Abs(Coefficients[k] * x[Indices[k]]);
        }

        return 1.0 + sum;
    }
}

/// <summary>Outcome of a solve.</summary>
public enum QpStatus
{
    Optimal,
    Infeasible,
    IterationLimit,
}

/// <summary>
/// Solution (when optimal), objective value, the names of the constraints active at the
/// solution, and for an infeasible program the names of a set of constraints that cannot hold
/// together.
/// </summary>
public sealed record QpResult(
    QpStatus Status,
    double[] Solution,
    double Objective,
    IReadOnlyList<string> ActiveConstraints,
    IReadOnlyList<string> ConflictingConstraints,
    int Iterations);
