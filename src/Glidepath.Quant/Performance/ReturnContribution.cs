namespace Glidepath.Quant.Performance;

/// <summary>
/// Contribution to return by holding (and by group, e.g. asset class) over several periods,
/// linked with Cariño's logarithmic smoothing (Cariño 1999, "Combining attribution effects over
/// time", J. Performance Measurement 3(4)): the contributions add up exactly to the compounded
/// portfolio return.
/// </summary>
/// <remarks>
/// Period t: c_it = w_it r_it with w_it the weight at the start of the period, so Σ_i c_it = r_t.
/// Linking: C_i = Σ_t (k_t / k) c_it with k_t = ln(1 + r_t) / r_t and k = ln(1 + R) / R,
/// R = Π(1 + r_t) - 1 (k_t = 1 when r_t = 0, k = 1 when R = 0).
/// </remarks>
public static class ReturnContribution
{
    /// <summary>Linked contribution of each holding; rows are periods, columns holdings.</summary>
    public static double[] ByHolding(double[,] startWeights, double[,] returns)
    {
        int periods = returns.GetLength(0), n = returns.GetLength(1);
        if (startWeights.GetLength(0) != periods || startWeights.GetLength(1) != n)
        {
            throw new ArgumentException("Weights and returns must have the same shape.", nameof(startWeights));
        }

        var portfolio = new double[periods];
        for (var t = 0; t < periods; t++)
        {
            for (var i = 0; i < n; i++)
            {
                portfolio[t] += startWeights[t, i] * returns[t, i];
            }
        }

        var k = Smoothing(TimeWeightedReturn.Link(portfolio));
        var contribution = new double[n];
        for (var t = 0; t < periods; t++)
        {
            var scale = Smoothing(portfolio[t]) / k;
            for (var i = 0; i < n; i++)
            {
                contribution[i] += scale * startWeights[t, i] * returns[t, i];
            }
        }

        return contribution;
    }

    /// <summary>Sums holding contributions by group; <paramref name="groupOfHolding"/>[i] names holding i's group.</summary>
    public static IReadOnlyDictionary<string, double> ByGroup(double[,] startWeights, double[,] returns, IReadOnlyList<string> groupOfHolding)
    {
        var byHolding = ByHolding(startWeights, returns);
        var groups = new Dictionary<string, double>();
        for (var i = 0; i < byHolding.Length; i++)
        {
            groups[groupOfHolding[i]] = groups.GetValueOrDefault(groupOfHolding[i]) + byHolding[i];
        }

        return groups;
    }

    private static double Smoothing(double r) => r == 0.0 ? 1.0 : Math.Log(1.0 + r) / r;
}
