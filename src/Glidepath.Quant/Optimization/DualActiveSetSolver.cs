using System.Numerics;

namespace Glidepath.Quant.Optimization;

/// <summary>
/// Dense strictly convex QP solver: the dual active-set method of Goldfarb and Idnani (1983),
/// "A numerically stable dual method for solving strictly convex quadratic programs",
/// Math. Programming 27, 1-33 — the method of R's quadprog.
/// </summary>
/// <remarks>
/// Starts at the unconstrained minimum and adds the most violated constraint (equalities first)
/// until none is violated, dropping constraints whose multipliers would turn negative; every
/// iterate is optimal for the constraints active so far. Factorisations are updated, not
/// recomputed: with G = LLᵀ, J = L⁻ᵀQ and JᵀN_A = [R; 0], additions and deletions apply Givens
/// rotations to J and R. When a violated constraint is linearly dependent on the active ones and
/// no active multiplier can shrink, the program is infeasible; that constraint and the active
/// constraints it depends on form the reported conflicting set (a Farkas certificate).
/// </remarks>
public static class DualActiveSetSolver
{
    private const double DependenceTolerance = 1e-11;
    private const double FeasibilityTolerance = 1e-12;

    public static QpResult Solve(QuadraticProgram problem) => Solve(problem, multipliers: null);

    /// <summary>
    /// As <see cref="Solve(QuadraticProgram)"/>; when optimal, also fills <paramref name="multipliers"/>
    /// (length m, one per constraint) with the Lagrange multipliers λ of Gx + c = Σ λ_i a_i: zero for
    /// inactive rows, ≥ 0 for active inequalities (rows as stored, i.e. aᵀx ≥ b).
    /// </summary>
    internal static QpResult Solve(QuadraticProgram problem, double[]? multipliers)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var n = problem.Variables;
        var k = problem.UniformVariables;
        var constraints = problem.Constraints;
        var jt = InverseTransposedCholeskyColumns(problem.Hessian);

        // v = Jᵀ1_K, rotated with J, makes Jᵀa an O(n) sum for uniform rows.
        var v = new double[n];
        for (var col = 0; col < n; col++)
        {
            v[col] = Sum(jt[col].AsSpan(0, k));
        }

        // Unconstrained minimum x = -G⁻¹c = -J Jᵀ c.
        var x = new double[n];
        for (var col = 0; col < n; col++)
        {
            Axpy(-Dot(jt[col], problem.Linear), jt[col], x);
        }

        var active = new List<int>();
        var sign = new double[constraints.Count];
        Array.Fill(sign, 1.0);
        var redundant = new bool[constraints.Count];
        var u = new List<double>();
        var rMat = new double[n, n];
        var d = new double[n];
        var z = new double[n];
        var rDir = new double[n];
        var maxIterations = 10 * (n + constraints.Count) + 100;
        var iterations = 0;

        while (true)
        {
            var p = MostViolated(constraints, active, redundant, sign, x, k);
            if (p < 0)
            {
                if (multipliers is not null)
                {
                    Array.Clear(multipliers);
                    for (var i = 0; i < active.Count; i++)
                    {
                        multipliers[active[i]] = sign[active[i]] * u[i];
                    }
                }

                return Finish(QpStatus.Optimal, problem, x, active, [], iterations);
            }

            var uPlus = 0.0;
            while (true)
            {
                if (++iterations > maxIterations)
                {
                    return Finish(QpStatus.IterationLimit, problem, x, active, [], iterations);
                }

                var q = active.Count;
                ComputeD(jt, v, constraints[p], sign[p], d);
                double d2 = 0, dAll = 0;
                for (var i = 0; i < n; i++)
                {
                    dAll += d[i] * d[i];
                    d2 += i >= q ? d[i] * d[i] : 0.0;
                }

                // z = J₂d₂, the primal step direction.
                var dependent = d2 <= DependenceTolerance * DependenceTolerance * dAll;
                Array.Clear(z);
                if (!dependent)
                {
                    for (var col = q; col < n; col++)
                    {
                        Axpy(d[col], jt[col], z);
                    }
                }

                BackSubstitute(rMat, d, q, rDir);

                // Partial (dual) step: the first active inequality whose multiplier reaches zero.
                var t1 = double.PositiveInfinity;
                var drop = -1;
                for (var i = 0; i < q; i++)
                {
                    if (!constraints[active[i]].IsEquality && rDir[i] > 0.0 && u[i] / rDir[i] < t1)
                    {
                        t1 = u[i] / rDir[i];
                        drop = i;
                    }
                }

                var slack = sign[p] * (constraints[p].Evaluate(x, UniformSum(x, k)) - constraints[p].Rhs);
                var t2 = dependent ? double.PositiveInfinity : -slack / d2;
                if (dependent && uPlus == 0.0 && constraints[p].IsEquality
                    && Math.Abs(slack) <= FeasibilityTolerance * constraints[p].Scale(x, AbsSum(x, k)))
                {
                    // Implied by the active set and already met (e.g. μᵀw = c when all means are c):
                    // set aside; MostViolated re-checks it at every pass.
                    redundant[p] = true;
                    break;
                }

                var t = Math.Min(t1, t2);
                if (double.IsPositiveInfinity(t))
                {
                    var conflict = new List<string> { constraints[p].Name };
                    for (var i = 0; i < q; i++)
                    {
                        if (Math.Abs(rDir[i]) > DependenceTolerance)
                        {
                            conflict.Add(constraints[active[i]].Name);
                        }
                    }

                    return Finish(QpStatus.Infeasible, problem, x, active, conflict, iterations);
                }

                if (!dependent)
                {
                    Axpy(t, z, x);
                }

                for (var i = 0; i < q; i++)
                {
                    u[i] -= t * rDir[i];
                }

                uPlus += t;
                if (t == t2)
                {
                    AddConstraint(jt, v, rMat, d, q);
                    active.Add(p);
                    u.Add(uPlus);
                    break;
                }

                DropConstraint(jt, v, rMat, drop, q);
                active.RemoveAt(drop);
                u.RemoveAt(drop);
            }
        }
    }

    // Equalities first (flipped so they read as violated), then the inequality with the largest
    // scaled violation; -1 when every constraint holds within tolerance.
    private static int MostViolated(IReadOnlyList<LinearConstraint> constraints, List<int> active, bool[] redundant, double[] sign, double[] x, int k)
    {
        var isActive = new bool[constraints.Count];
        foreach (var a in active)
        {
            isActive[a] = true;
        }

        var sum = UniformSum(x, k);
        var absSum = AbsSum(x, k);
        for (var i = 0; i < constraints.Count; i++)
        {
            var c = constraints[i];
            if (!c.IsEquality || isActive[i])
            {
                continue;
            }

            var residual = c.Evaluate(x, sum) - c.Rhs;
            if (redundant[i] && Math.Abs(residual) <= FeasibilityTolerance * c.Scale(x, absSum))
            {
                continue;
            }

            redundant[i] = false;
            sign[i] = residual > 0.0 ? -1.0 : 1.0;
            return i;
        }

        var worst = -1;
        var worstValue = 0.0;
        for (var i = 0; i < constraints.Count; i++)
        {
            if (isActive[i])
            {
                continue;
            }

            var c = constraints[i];
            var slack = (c.Evaluate(x, sum) - c.Rhs) / c.Scale(x, absSum);
            if (slack < -FeasibilityTolerance && slack < worstValue)
            {
                worstValue = slack;
                worst = i;
            }
        }

        return worst;
    }

    private static double UniformSum(double[] x, int k) => Sum(x.AsSpan(0, k));

    private static double AbsSum(double[] x, int k)
    {
        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            sum += Math.Abs(x[i]);
        }

        return sum;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    // d = Jᵀa: one gather per sparse entry plus the uniform part from v = Jᵀ1_K.
    private static void ComputeD(double[][] jt, double[] v, LinearConstraint c, double sign, double[] d)
    {
        for (var col = 0; col < d.Length; col++)
        {
            var column = jt[col];
            var sum = c.Uniform * v[col];
            for (var i = 0; i < c.Indices.Length; i++)
            {
                sum += c.Coefficients[i] * column[c.Indices[i]];
            }

            d[col] = sign * sum;
        }
    }

    // Solves R r = d[0..q) for the upper-triangular R.
    private static void BackSubstitute(double[,] r, double[] d, int q, double[] result)
    {
        for (var i = q - 1; i >= 0; i--)
        {
            var sum = d[i];
            for (var m = i + 1; m < q; m++)
            {
                sum -= r[i, m] * result[m];
            }

            result[i] = sum / r[i, i];
        }
    }

    // Rotates d[q..n) into d[q] (from the bottom up), applying each rotation to J's columns, and
    // appends d[0..q] as R's new column q.
    private static void AddConstraint(double[][] jt, double[] v, double[,] r, double[] d, int q)
    {
        var n = d.Length;
        for (var i = n - 1; i > q; i--)
        {
            if (d[i] == 0.0)
            {
                continue;
            }

            var h = Hypot(d[i - 1], d[i]);
            double c = d[i - 1] / h, s = d[i] / h;
            d[i - 1] = h;
            d[i] = 0.0;
            RotateColumns(jt, v, i - 1, i, c, s);
        }

        for (var i = 0; i <= q; i++)
        {
            r[i, q] = d[i];
        }
    }

    // Removes active column k from R and restores triangularity with rotations of adjacent rows,
    // applying the same rotations to J's columns.
    private static void DropConstraint(double[][] jt, double[] v, double[,] r, int k, int q)
    {
        for (var col = k; col < q - 1; col++)
        {
            for (var row = 0; row < q; row++)
            {
                r[row, col] = r[row, col + 1];
            }
        }

        for (var row = 0; row < q; row++)
        {
            r[row, q - 1] = 0.0;
        }

        for (var col = k; col < q - 1; col++)
        {
            double a = r[col, col], b = r[col + 1, col];
            if (b == 0.0)
            {
                continue;
            }

            var h = Hypot(a, b);
            double c = a / h, s = b / h;
            for (var m = col; m < q - 1; m++)
            {
                double top = r[col, m], bottom = r[col + 1, m];
                r[col, m] = c * top + s * bottom;
                r[col + 1, m] = -s * top + c * bottom;
            }

            RotateColumns(jt, v, col, col + 1, c, s);
        }
    }

    // J ← JQ on columns a, b (stored contiguously), and v = Jᵀ1 alike.
    private static void RotateColumns(double[][] jt, double[] v, int a, int b, double c, double s)
    {
        Span<double> ja = jt[a], jb = jt[b];
        var width = Vector<double>.Count;
        var i = 0;
        for (; i <= ja.Length - width; i += width)
        {
            var va = new Vector<double>(ja[i..]);
            var vb = new Vector<double>(jb[i..]);
            (c * va + s * vb).CopyTo(ja[i..]);
            (c * vb - s * va).CopyTo(jb[i..]);
        }

        for (; i < ja.Length; i++)
        {
            double x = ja[i], y = jb[i];
            ja[i] = c * x + s * y;
            jb[i] = -s * x + c * y;
        }

        double va0 = v[a], vb0 = v[b];
        v[a] = c * va0 + s * vb0;
        v[b] = -s * va0 + c * vb0;
    }

    private static void Axpy(double alpha, double[] x, double[] y)
    {
        Span<double> target = y;
        var width = Vector<double>.Count;
        var i = 0;
        for (; i <= x.Length - width; i += width)
        {
            (new Vector<double>(target[i..]) + alpha * new Vector<double>(x, i)).CopyTo(target[i..]);
        }

        for (; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        var big = Math.Max(x, y);
        if (big == 0.0)
        {
            return 0.0;
        }

        double sx = x / big, sy = y / big;
        return big * Math.Sqrt(sx * sx + sy * sy);
    }

    // Columns of J = L⁻ᵀ for G = LLᵀ: column k of J is row k of L⁻¹.
    private static double[][] InverseTransposedCholeskyColumns(double[,] g)
    {
        var n = g.GetLength(0);
        var l = Cholesky.Factor(g)
                ?? throw new ArgumentException("The Hessian is not positive definite.", nameof(g));
        var inverse = new double[n][];
        for (var row = 0; row < n; row++)
        {
            inverse[row] = new double[n];
        }

        var y = new double[n];
        for (var col = 0; col < n; col++)
        {
            // Column col of L⁻¹ by forward substitution into a contiguous buffer, then scattered.
            for (var i = col; i < n; i++)
            {
                var sum = i == col ? 1.0 : 0.0;
                for (var m = col; m < i; m++)
                {
                    sum -= l[i, m] * y[m];
                }

                y[i] = sum / l[i, i];
                inverse[i][col] = y[i];
            }
        }

        return inverse;
    }

    private static QpResult Finish(QpStatus status, QuadraticProgram problem, double[] x, List<int> active, List<string> conflict, int iterations)
    {
        var n = x.Length;
        var objective = 0.0;
        for (var i = 0; i < n; i++)
        {
            var gx = 0.0;
            for (var k = 0; k < n; k++)
            {
                gx += problem.Hessian[i, k] * x[k];
            }

            objective += x[i] * (0.5 * gx + problem.Linear[i]);
        }

        var names = active.Select(a => problem.Constraints[a].Name).ToArray();
        return status == QpStatus.Optimal
            ? new QpResult(status, x, objective, names, [], iterations)
            : new QpResult(status, [], double.NaN, names, conflict, iterations);
    }
}
