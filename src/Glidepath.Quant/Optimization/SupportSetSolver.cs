namespace Glidepath.Quant.Optimization;

/// <summary>
/// Solves a <see cref="QuadraticProgram"/> whose variables mostly sit at a lower bound (a long-only
/// portfolio holds few of its candidate assets) by solving it on a working support: variables
/// outside the support are fixed at their lower bound and removed, the much smaller program is
/// solved with <see cref="DualActiveSetSolver"/>, and the full Karush-Kuhn-Tucker conditions are
/// checked; excluded variables whose bound multiplier (reduced cost) would be negative join the
/// support and the program is solved again. This is the working-set ("column generation") idea of
/// active-set methods applied to the bound constraints (Nocedal and Wright, Numerical Optimization,
/// 2nd ed., §16.5); the answer is the full program's unique optimum, not an approximation.
/// </summary>
/// <remarks>
/// A variable can be excluded when some row reads coefficient·x_j ≥ rhs with coefficient &gt; 0 and
/// nothing else (its lower bound b_j = rhs/coefficient). When the reduced program is infeasible or
/// a constant row is violated, the support grows (next candidates in the caller's priority order,
/// or the row's own variables); once it holds every variable the full program is solved, so
/// infeasibility and its conflicting constraints are always reported from the full program.
/// </remarks>
internal static class SupportSetSolver
{
    // Relative tolerance on a negative reduced cost before a variable is brought in: rounding in
    // the multipliers is about 1e-15 relative, so anything below this is noise.
    private const double ReducedCostTolerance = 1e-11;
    private const double ConstantRowTolerance = 1e-12;
    private const int MaxRounds = 64;

    /// <param name="problem">The full program.</param>
    /// <param name="priority">Variables in the order they should join the support (best first); variables not listed join last.</param>
    /// <param name="initialSize">How many excludable variables the first support holds.</param>
    public static QpResult Solve(QuadraticProgram problem, IReadOnlyList<int> priority, int initialSize)
    {
        var n = problem.Variables;
        var constraints = problem.Constraints;
        var boundRow = new int[n];
        Array.Fill(boundRow, -1);
        var bound = new double[n];
        for (var r = 0; r < constraints.Count; r++)
        {
            var c = constraints[r];
            if (!c.IsEquality && c.Uniform == 0.0 && c.Indices.Length == 1 && c.Coefficients[0] > 0.0)
            {
                var j = c.Indices[0];
                var b = c.Rhs / c.Coefficients[0];
                if (boundRow[j] < 0 || b > bound[j])
                {
                    boundRow[j] = r;
                    bound[j] = b;
                }
            }
        }

        var order = PriorityOrder(priority, n, boundRow);
        var inSupport = new bool[n];
        for (var j = 0; j < n; j++)
        {
            inSupport[j] = boundRow[j] < 0;
        }

        var next = 0;
        next = Grow(order, inSupport, next, Math.Max(initialSize, 1));
        var iterations = 0;
        for (var round = 0; round < MaxRounds && next < order.Length; round++)
        {
            var reduced = Reduce(problem, inSupport, boundRow, bound, out var violatedRow);
            if (reduced is null)
            {
                // A row on excluded variables alone fails at their bounds: bring its variables in.
                var row = constraints[violatedRow];
                var before = CountIn(inSupport);
                foreach (var j in row.Indices)
                {
                    inSupport[j] = true;
                }

                if (CountIn(inSupport) == before)
                {
                    next = Grow(order, inSupport, next, order.Length);
                }

                continue;
            }

            var multipliers = new double[reduced.Program.Constraints.Count];
            var qp = DualActiveSetSolver.Solve(reduced.Program, multipliers);
            iterations += qp.Iterations;
            if (qp.Status != QpStatus.Optimal)
            {
                next = Grow(order, inSupport, next, Math.Max(CountCandidatesIn(order, inSupport), 8));
                continue;
            }

            var x = reduced.Expand(qp.Solution, bound);
            var entering = Entering(problem, x, inSupport, boundRow, reduced, multipliers);
            if (entering.Count == 0)
            {
                return Finish(problem, x, qp, inSupport, boundRow, iterations);
            }

            foreach (var j in entering)
            {
                inSupport[j] = true;
            }

            next = SkipIncluded(order, inSupport, next);
        }

        var full = DualActiveSetSolver.Solve(problem);
        return full with { Iterations = full.Iterations + iterations };
    }

    // Excludable variables in the caller's order, then the rest in index order.
    private static int[] PriorityOrder(IReadOnlyList<int> priority, int n, int[] boundRow)
    {
        var seen = new bool[n];
        var order = new List<int>(n);
        foreach (var j in priority)
        {
            if (j >= 0 && j < n && !seen[j] && boundRow[j] >= 0)
            {
                seen[j] = true;
                order.Add(j);
            }
        }

        for (var j = 0; j < n; j++)
        {
            if (!seen[j] && boundRow[j] >= 0)
            {
                order.Add(j);
            }
        }

        return [.. order];
    }

    private static int Grow(int[] order, bool[] inSupport, int next, int count)
    {
        next = SkipIncluded(order, inSupport, next);
        for (var added = 0; added < count && next < order.Length; added++)
        {
            inSupport[order[next]] = true;
            next = SkipIncluded(order, inSupport, next);
        }

        return next;
    }

    private static int SkipIncluded(int[] order, bool[] inSupport, int next)
    {
        while (next < order.Length && inSupport[order[next]])
        {
            next++;
        }

        return next;
    }

    private static int CountIn(bool[] inSupport) => inSupport.Count(b => b);

    private static int CountCandidatesIn(int[] order, bool[] inSupport) => order.Count(j => inSupport[j]);

    private static ReducedProgram? Reduce(QuadraticProgram problem, bool[] inSupport, int[] boundRow, double[] bound, out int violatedRow)
    {
        violatedRow = -1;
        var n = problem.Variables;
        var k = problem.UniformVariables;
        var map = new int[n];
        var variables = new List<int>();
        var uniform = 0;
        for (var j = 0; j < n; j++)
        {
            map[j] = -1;
            if (inSupport[j])
            {
                map[j] = variables.Count;
                variables.Add(j);
                uniform += j < k ? 1 : 0;
            }
        }

        // Uniform coefficients act on the leading K variables, which stay leading after removal.
        var size = variables.Count;
        var g = problem.Hessian;
        var hessian = new double[size, size];
        var linear = new double[size];
        for (var a = 0; a < size; a++)
        {
            var ja = variables[a];
            var ca = problem.Linear[ja];
            for (var j = 0; j < n; j++)
            {
                if (map[j] < 0 && bound[j] != 0.0)
                {
                    ca += g[ja, j] * bound[j];
                }
            }

            linear[a] = ca;
            for (var b = 0; b < size; b++)
            {
                hessian[a, b] = g[ja, variables[b]];
            }
        }

        var excludedUniformSum = 0.0;
        for (var j = 0; j < k; j++)
        {
            excludedUniformSum += map[j] < 0 ? bound[j] : 0.0;
        }

        var reduced = new QuadraticProgram(hessian, linear, uniform);
        var rows = new List<int>();
        var constraints = problem.Constraints;
        for (var r = 0; r < constraints.Count; r++)
        {
            var c = constraints[r];
            if (c.Indices.Length == 1 && map[c.Indices[0]] < 0 && boundRow[c.Indices[0]] == r)
            {
                continue; // an excluded variable's own bound, active by construction
            }

            var constant = c.Uniform * excludedUniformSum;
            var indices = new List<int>(c.Indices.Length);
            var coefficients = new List<double>(c.Indices.Length);
            for (var e = 0; e < c.Indices.Length; e++)
            {
                var j = c.Indices[e];
                if (map[j] >= 0)
                {
                    indices.Add(map[j]);
                    coefficients.Add(c.Coefficients[e]);
                }
                else
                {
                    constant += c.Coefficients[e] * bound[j];
                }
            }

            var rhs = c.Rhs - constant;
            if (indices.Count == 0 && (c.Uniform == 0.0 || uniform == 0))
            {
                var scale = 1.0 + Math.Abs(c.Rhs) + Math.Abs(constant);
                if (c.IsEquality ? Math.Abs(rhs) > ConstantRowTolerance * scale : rhs > ConstantRowTolerance * scale)
                {
                    violatedRow = r;
                    return null;
                }

                continue;
            }

            if (c.IsEquality)
            {
                reduced.AddEquality(c.Name, [.. indices], [.. coefficients], rhs, c.Uniform);
            }
            else
            {
                reduced.AddGreaterOrEqual(c.Name, [.. indices], [.. coefficients], rhs, c.Uniform);
            }

            rows.Add(r);
        }

        return new ReducedProgram(reduced, [.. variables], [.. rows], map);
    }

    // Excluded variables with a negative reduced cost, most negative first: for x_j at its bound,
    // the bound's multiplier must be (Gx + c)_j - Σ_r λ_r a_rj ≥ 0.
    private static List<int> Entering(QuadraticProgram problem, double[] x, bool[] inSupport, int[] boundRow, ReducedProgram reduced, double[] multipliers)
    {
        var n = problem.Variables;
        var k = problem.UniformVariables;
        var g = problem.Hessian;
        var nonzero = new List<int>();
        for (var j = 0; j < n; j++)
        {
            if (x[j] != 0.0)
            {
                nonzero.Add(j);
            }
        }

        var dual = new double[n];
        var dualScale = new double[n];
        var uniformDual = 0.0;
        var uniformScale = 0.0;
        for (var r = 0; r < multipliers.Length; r++)
        {
            var lambda = multipliers[r];
            if (lambda == 0.0)
            {
                continue;
            }

            var c = problem.Constraints[reduced.Rows[r]];
            uniformDual += lambda * c.Uniform;
            uniformScale += Math.Abs(lambda * c.Uniform);
            for (var e = 0; e < c.Indices.Length; e++)
            {
                dual[c.Indices[e]] += lambda * c.Coefficients[e];
                dualScale[c.Indices[e]] += Math.Abs(lambda * c.Coefficients[e]);
            }
        }

        var entering = new List<(int Variable, double Cost)>();
        for (var j = 0; j < n; j++)
        {
            if (inSupport[j] || boundRow[j] < 0)
            {
                continue;
            }

            double gradient = problem.Linear[j], scale = Math.Abs(problem.Linear[j]);
            foreach (var i in nonzero)
            {
                var term = g[j, i] * x[i];
                gradient += term;
                scale += Math.Abs(term);
            }

            var cost = gradient - dual[j] - (j < k ? uniformDual : 0.0);
            scale += dualScale[j] + (j < k ? uniformScale : 0.0);
            if (cost < -ReducedCostTolerance * scale)
            {
                entering.Add((j, cost));
            }
        }

        return [.. entering.OrderBy(e => e.Cost).Select(e => e.Variable)];
    }

    private static QpResult Finish(QuadraticProgram problem, double[] x, QpResult qp, bool[] inSupport, int[] boundRow, int iterations)
    {
        var n = problem.Variables;
        var g = problem.Hessian;
        var objective = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (x[i] == 0.0)
            {
                continue;
            }

            var gx = 0.0;
            for (var j = 0; j < n; j++)
            {
                gx += x[j] == 0.0 ? 0.0 : g[i, j] * x[j];
            }

            objective += x[i] * (0.5 * gx + problem.Linear[i]);
        }

        var active = new List<string>(qp.ActiveConstraints);
        for (var j = 0; j < n; j++)
        {
            if (!inSupport[j] && boundRow[j] >= 0)
            {
                active.Add(problem.Constraints[boundRow[j]].Name);
            }
        }

        return new QpResult(QpStatus.Optimal, x, objective, active, [], iterations);
    }

    private sealed record ReducedProgram(QuadraticProgram Program, int[] Variables, int[] Rows, int[] Map)
    {
        public double[] Expand(double[] solution, double[] bound)
        {
            var x = new double[Map.Length];
            for (var j = 0; j < x.Length; j++)
            {
                x[j] = Map[j] >= 0 ? solution[Map[j]] : bound[j];
            }

            return x;
        }
    }
}
