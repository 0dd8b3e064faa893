using Glidepath.Quant.Optimization;
using Glidepath.Quant.Tests.Fixtures;

namespace Glidepath.Quant.Tests.Optimization;

public class DualActiveSetSolverTests
{
    // The example of R quadprog's solve.QP help page: min -(0,5,0)ᵀb + ½bᵀb subject to
    // -4b₁ - 3b₂ ≥ -8, 2b₁ + b₂ ≥ 2, -2b₂ + b₃ ≥ 0; documented solution (0.4761905, 1.0476190, 2.0952381),
    // value -2.380952 (exactly 10/21, 22/21, 44/21 and -50/21).
    [Fact]
    public void Solve_QuadprogDocumentationExample_MatchesDocumentedSolution()
    {
        var qp = new QuadraticProgram(new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, [0, -5, 0]);
        qp.AddGreaterOrEqual("c1", [0, 1], [-4, -3], -8);
        qp.AddGreaterOrEqual("c2", [0, 1], [2, 1], 2);
        qp.AddGreaterOrEqual("c3", [1, 2], [-2, 1], 0);

        var result = DualActiveSetSolver.Solve(qp);

        Assert.Equal(QpStatus.Optimal, result.Status);
        Tolerance.Close([10.0 / 21, 22.0 / 21, 44.0 / 21], result.Solution, rel: 1e-14);
        Tolerance.Close(-50.0 / 21, result.Objective, rel: 1e-14);
        Assert.Equal(["c2", "c3"], result.ActiveConstraints.Order());
    }

    [Fact]
    public void Solve_EqualityOnly_MatchesClosedForm()
    {
        // min ½(x² + y²) subject to x + y = 2: x = y = 1.
        var qp = new QuadraticProgram(new double[,] { { 1, 0 }, { 0, 1 } }, [0, 0]);
        qp.AddEquality("sum", [0, 1], [1, 1], 2);

        var result = DualActiveSetSolver.Solve(qp);

        Tolerance.Close([1.0, 1.0], result.Solution, rel: 1e-15);
    }

    [Fact]
    public void Solve_ImpliedEquality_IsSkippedNotReportedInfeasible()
    {
        // x + y = 2 twice (the second scaled): consistent, linearly dependent.
        var qp = new QuadraticProgram(new double[,] { { 1, 0 }, { 0, 1 } }, [0, 0]);
        qp.AddEquality("sum", [0, 1], [1, 1], 2);
        qp.AddEquality("sum again", [0, 1], [2, 2], 4);

        var result = DualActiveSetSolver.Solve(qp);

        Assert.Equal(QpStatus.Optimal, result.Status);
        Tolerance.Close([1.0, 1.0], result.Solution, rel: 1e-15);
    }

    [Fact]
    public void Solve_ContradictoryBounds_NamesTheConflict()
    {
        var qp = new QuadraticProgram(new double[,] { { 1, 0 }, { 0, 1 } }, [0, 0]);
        qp.AddGreaterOrEqual("x ≥ 2", [0], [1], 2);
        qp.AddLessOrEqual("x ≤ 1", [0], [1], 1);
        qp.AddGreaterOrEqual("y ≥ 0", [1], [1], 0);

        var result = DualActiveSetSolver.Solve(qp);

        Assert.Equal(QpStatus.Infeasible, result.Status);
        Assert.Equal(["x ≤ 1", "x ≥ 2"], result.ConflictingConstraints.Order());
    }
}
