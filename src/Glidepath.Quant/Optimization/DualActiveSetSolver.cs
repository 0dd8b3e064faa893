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

    public static QpResult Solve(QuadraticProgram problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var n = problem.Variables;
        var constraints = problem.Constraints;
        var j = InverseTransposedCholesky(problem.Hessian);

        // Unconstrained minimum x = -G⁻¹c = -J Jᵀ c.
        var x = new double[n];
        var jc = MultiplyTransposed(j, problem.Linear);
        for (var r = 0; r < n; r++)
        {
            var sum = 0.0;
            for (var k = 0; k < n; k++)
            {
                sum += j[r, k] * jc[k];
            }

            x[r] = -sum;
        }

        var active = new List<int>();
        var sign = new double[constraints.Count];
        Array.Fill(sign, 1.0);
        var u = new List<double>();
        var rMat = new double[n, n];
        var d = new double[n];
        var z = new double[n];
        var rDir = new double[n];
        var maxIterations = 10 * (n + constraints.Count) + 100;
        var iterations = 0;

        while (true)
        {
            var p = MostViolated(constraints, active, sign, x);
            if (p < 0)
            {
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
                ComputeD(j, constraints[p], sign[p], d);
                double d2 = 0, dAll = 0;
                for (var k = 0; k < n; k++)
                {
                    dAll += d[k] * d[k];
                    d2 += k >= q ? d[k] * d[k] : 0.0;
                }

                var dependent = d2 <= DependenceTolerance * DependenceTolerance * dAll;
                if (!dependent)
                {
                    for (var row = 0; row < n; row++)
                    {
                        var sum = 0.0;
                        for (var k = q; k < n; k++)
                        {
                            sum += j[row, k] * d[k];
                        }

                        z[row] = sum;
                    }
                }

                BackSubstitute(rMat, d, q, rDir);

                // Partial (dual) step: the first active inequality whose multiplier reaches zero.
                var t1 = double.PositiveInfinity;
                var drop = -1;
                for (var k = 0; k < q; k++)
                {
                    if (!constraints[active[k]].IsEquality && rDir[k] > 0.0 && u[k] / rDir[k] < t1)
                    {
                        t1 = u[k] / rDir[k];
                        drop = k;
                    }
                }

                var slack = sign[p] * (constraints[p].Evaluate(x) - constraints[p].Rhs);
                var t2 = dependent ? double.PositiveInfinity : -slack / d2;
                var t = Math.Min(t1, t2);
                if (double.IsPositiveInfinity(t))
                {
                    var conflict = new List<string> { constraints[p].Name };
                    for (var k = 0; k < q; k++)
                    {
                        if (Math.Abs(rDir[k]) > DependenceTolerance)
                        {
                            conflict.Add(constraints[active[k]].Name);
                        }
                    }

                    return Finish(QpStatus.Infeasible, problem, x, active, conflict, iterations);
                }

                if (!dependent)
                {
                    for (var row = 0; row < n; row++)
                    {
                        x[row] += t * z[row];
                    }
                }

                for (var k = 0; k < q; k++)
                {
                    u[k] -= t * rDir[k];
                }

                uPlus += t;
                if (t == t2)
                {
                    AddConstraint(j, rMat, d, q);
                    active.Add(p);
                    u.Add(uPlus);
                    break;
                }

                DropConstraint(j, rMat, drop, q);
                active.RemoveAt(drop);
                u.RemoveAt(drop);
            }
        }
    }

    // Equalities first (flipped so they read as violated), then the inequality with the largest
    // scaled violation; -1 when every constraint holds within tolerance.
    private static int MostViolated(IReadOnlyList<LinearConstraint> constraints, List<int> active, double[] sign, double[] x)
    {
        var isActive = new bool[constraints.Count];
        foreach (var a in active)
        {
            isActive[a] = true;
        }

        for (var i = 0; i < constraints.Count; i++)
        {
            if (constraints[i].IsEquality && !isActive[i])
            {
                sign[i] = constraints[i].Evaluate(x) - constraints[i].Rhs > 0.0 ? -1.0 : 1.0;
                return i;
            }
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
            var slack = (c.Evaluate(x) - c.Rhs) / c.Scale(x);
            if (slack < -FeasibilityTolerance && slack < worstValue)
            {
                worstValue = slack;
                worst = i;
            }
        }

        return worst;
    }

    // d = Jᵀ n_p for a sparse normal: a sum of rows of J.
    private static void ComputeD(double[,] j, LinearConstraint c, double sign, double[] d)
    {
        Array.Clear(d);
        var n = d.Length;
        for (var k = 0; k < c.Indices.Length; k++)
        {
            var row = c.Indices[k];
            var a = sign * c.Coefficients[k];
            for (var col = 0; col < n; col++)
            {
                d[col] += a * j[row, col];
            }
        }
    }

    // Solves R r = d[0..q) for the upper-triangular R.
    private static void BackSubstitute(double[,] r, double[] d, int q, double[] result)
    {
        for (var i = q - 1; i >= 0; i--)
        {
            var sum = d[i];
            for (var k = i + 1; k < q; k++)
            {
                sum -= r[i, k] * result[k];
            }

            result[i] = sum / r[i, i];
        }
    }

    // Rotates d[q..n) into d[q] (from the bottom up), applying each rotation to J's columns, and
    // appends d[0..q] as R's new column q.
    private static void AddConstraint(double[,] j, double[,] r, double[] d, int q)
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
            RotateColumns(j, i - 1, i, c, s);
        }

        for (var k = 0; k <= q; k++)
        {
            r[k, q] = d[k];
        }
    }

    // Removes active column k from R and restores triangularity with rotations of adjacent rows,
    // applying the same rotations to J's columns.
    private static void DropConstraint(double[,] j, double[,] r, int k, int q)
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

            RotateColumns(j, col, col + 1, c, s);
        }
    }

    private static void RotateColumns(double[,] j, int a, int b, double c, double s)
    {
        var n = j.GetLength(0);
        for (var row = 0; row < n; row++)
        {
            double ja = j[row, a], jb = j[row, b];
            j[row, a] = c * ja + s * jb;
            j[row, b] = -s * ja + c * jb;
        }
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

    // J = L⁻ᵀ for G = LLᵀ.
    private static double[,] InverseTransposedCholesky(double[,] g)
    {
        var n = g.GetLength(0);
        var l = Cholesky.Factor(g)
                ?? throw new ArgumentException("The Hessian is not positive definite.", nameof(g));
        var j = new double[n, n];
        for (var col = 0; col < n; col++)
        {
            // Column col of L⁻¹ by forward substitution; it is row col of J.
            for (var i = col; i < n; i++)
            {
                var sum = i == col ? 1.0 : 0.0;
                for (var k = col; k < i; k++)
                {
                    sum -= l[i, k] * j[col, k];
                }

                j[col, i] = sum / l[i, i];
            }
        }

        return j;
    }

    private static double[] MultiplyTransposed(double[,] j, double[] v)
    {
        var n = v.Length;
        var result = new double[n];
        for (var row = 0; row < n; row++)
        {
            for (var k = 0; k < n; k++)
            {
                result[k] += j[row, k] * v[row];
            }
        }

        return result;
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
