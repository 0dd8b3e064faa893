namespace Glidepath.Quant.Performance;

/// <summary>Outcome of an XIRR solve; only <see cref="Solved"/> carries a rate.</summary>
public enum XirrStatus
{
    /// <summary>Exactly one root was found; <see cref="XirrResult.Rate"/> holds it.</summary>
    Solved,

    /// <summary>All flows have the same sign (or are zero): no rate can make the NPV zero.</summary>
    NoSignChange,

    /// <summary>The flows change sign but the NPV has no root in the searched range.</summary>
    NoRoot,

    /// <summary>The NPV has several roots; all found are listed and none is chosen.</summary>
    MultipleRoots,
}

/// <summary>Result of <see cref="Xirr.Solve"/>.</summary>
/// <param name="Status">Whether a unique rate exists.</param>
/// <param name="Rate">The annual rate when <paramref name="Status"/> is Solved, otherwise NaN.</param>
/// <param name="Roots">Every root found (one when solved, several when ambiguous).</param>
public sealed record XirrResult(XirrStatus Status, double Rate, IReadOnlyList<double> Roots);
