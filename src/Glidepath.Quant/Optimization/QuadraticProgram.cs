namespace Glidepath.Quant.Optimization;

/// <summary>
/// A convex quadratic program: minimise ½ xᵀGx + cᵀx subject to named sparse linear equalities and
/// inequalities. G must be symmetric positive definite. A row may also carry a uniform coefficient
/// on the first <see cref="UniformVariables"/> variables (a budget row Σw, or u·Σy - y_i), which
/// the solver evaluates in O(1) instead of as a dense row.
/// </summary>
public sealed class QuadraticProgram
{
    private readonly List<LinearConstraint> _constraints = [];

    public QuadraticProgram(double[,] hessian, double[] linear, int? uniformVariables = null)
    {
        ArgumentNullException.ThrowIfNull(hessian);
        ArgumentNullException.ThrowIfNull(linear);
        if (hessian.GetLength(0) != linear.Length || hessian.GetLength(1) != linear.Length)
        {
            throw new ArgumentException("The Hessian must be n × n for n linear coefficients.", nameof(hessian));
        }

        Hessian = hessian;
        Linear = linear;
        UniformVariables = uniformVariables ?? linear.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(UniformVariables, linear.Length, nameof(uniformVariables));
    }

    /// <summary>How many leading variables a constraint's uniform coefficient applies to.</summary>
    public int UniformVariables { get; }

    public double[,] Hessian { get; }

    public double[] Linear { get; }

    public int Variables => Linear.Length;

    public IReadOnlyList<LinearConstraint> Constraints => _constraints;

    /// <summary>Σ_k coefficients[k]·x[indices[k]] + uniform·Σ_{i&lt;K} x_i = rhs.</summary>
    public void AddEquality(string name, int[] indices, double[] coefficients, double rhs, double uniform = 0) =>
        Add(new LinearConstraint(name, indices, coefficients, rhs, IsEquality: true, uniform));

    /// <summary>Σ_k coefficients[k]·x[indices[k]] + uniform·Σ_{i&lt;K} x_i ≥ rhs.</summary>
    public void AddGreaterOrEqual(string name, int[] indices, double[] coefficients, double rhs, double uniform = 0) =>
        Add(new LinearConstraint(name, indices, coefficients, rhs, IsEquality: false, uniform));

    /// <summary>Σ_k coefficients[k]·x[indices[k]] + uniform·Σ_{i&lt;K} x_i ≤ rhs, stored as its negation.</summary>
    public void AddLessOrEqual(string name, int[] indices, double[] coefficients, double rhs, double uniform = 0) =>
        Add(new LinearConstraint(name, indices, [.. coefficients.Select(v => -v)], -rhs, IsEquality: false, -uniform));

    private void Add(LinearConstraint c)
    {
        if (c.Indices.Length != c.Coefficients.Length || c.Indices.Any(i => i < 0 || i >= Variables))
        {
            throw new ArgumentException($"Constraint '{c.Name}' has mismatched or out-of-range indices.");
        }

        _constraints.Add(c);
    }
}

/// <summary>
/// A row aᵀx ≥ b (or = b), named for error messages: a sparse part plus <paramref name="Uniform"/>
/// times the sum of the program's leading <see cref="QuadraticProgram.UniformVariables"/> variables.
/// </summary>
public sealed record LinearConstraint(string Name, int[] Indices, double[] Coefficients, double Rhs, bool IsEquality, double Uniform = 0)
{
    /// <param name="x">The point.</param>
    /// <param name="uniformSum">Σ_{i&lt;K} x_i.</param>
    internal double Evaluate(ReadOnlySpan<double> x, double uniformSum)
    {
        var sum = Uniform * uniformSum;
        for (var k = 0; k < Indices.Length; k++)
        {
            sum += Coefficients[k] * x[Indices[k]];
        }

        return sum;
    }

    /// <param name="x">The point.</param>
    /// <param name="uniformAbsSum">Σ_{i&lt;K} |x_i|.</param>
    internal double Scale(ReadOnlySpan<double> x, double uniformAbsSum)
    {
        var sum = Math.Abs(Rhs) + Math.Abs(Uniform) * uniformAbsSum;
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
