namespace Glidepath.Quant.Covariance;

/// <summary>
/// Ledoit-Wolf shrinkage of the sample covariance towards a structured target, with the
/// optimal intensity estimated from the data. Both papers use the demeaned sample covariance
/// with divisor T, S = Y'Y / T, and so does the shrunk estimate returned here.
/// </summary>
public static class LedoitWolf
{
    /// <summary>
    /// Target: constant correlation, F_ii = s_ii, F_ij = r̄ sqrt(s_ii s_jj) with r̄ the mean
    /// off-diagonal sample correlation. Intensity δ = max(0, min(1, (π̂ - ρ̂) / (γ̂ T))) from
    /// Ledoit and Wolf (2004), "Honey, I shrunk the sample covariance matrix", J. Portfolio
    /// Management 30(4), with π̂, ρ̂, γ̂ as defined there (and in their covCor.m).
    /// </summary>
    public static ShrinkageEstimate ConstantCorrelation(double[,] returns)
    {
        var y = DataColumns.From(returns, demean: true);
        int t = y.Observations, n = y.Assets;
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2, nameof(returns));
        var s = y.Gram(t);
        var sd = new double[n];
        for (var i = 0; i < n; i++)
        {
            sd[i] = Math.Sqrt(s[i, i]);
        }

        var correlationSum = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                correlationSum += i == j ? 0.0 : s[i, j] / (sd[i] * sd[j]);
            }
        }

        var rBar = correlationSum / (n * (n - 1.0));
        var target = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                target[i, j] = i == j ? s[i, i] : rBar * sd[i] * sd[j];
            }
        }

        // π̂ = Σ_ij [mean_t(y_ti² y_tj²) - s_ij²] = mean_t (Σ_i y_ti²)² - ||S||², an O(NT) form.
        // ρ̂ = Σ_i π̂_ii + r̄ Σ_{i≠j} (sd_j / sd_i) θ̂_ij with θ̂_ij = mean_t(y_ti³ y_tj) - s_ii s_ij;
        // the sum over j of sd_j y_tj is formed once per period (v_t) to keep it O(NT).
        var rowSquares = new double[t];
        var v = new double[t];
        for (var j = 0; j < n; j++)
        {
            var c = y.Columns[j];
            for (var k = 0; k < t; k++)
            {
                rowSquares[k] += c[k] * c[k];
                v[k] += sd[j] * c[k];
            }
        }

        var pi = rowSquares.Sum(q => q * q) / t - FrobeniusSquared(s);
        double piDiagonal = 0, thetaWeighted = 0;
        for (var i = 0; i < n; i++)
        {
            var c = y.Columns[i];
            double fourth = 0, cubeV = 0, sSd = 0;
            for (var k = 0; k < t; k++)
            {
                var c3 = c[k] * c[k] * c[k];
                fourth += c3 * c[k];
                cubeV += c3 * v[k];
            }

            for (var j = 0; j < n; j++)
            {
                sSd += s[i, j] * sd[j];
            }

            piDiagonal += fourth / t - s[i, i] * s[i, i];
            thetaWeighted += (cubeV / t - s[i, i] * sSd) / sd[i];
        }

        var rho = piDiagonal + rBar * (thetaWeighted - piDiagonal);
        var gamma = FrobeniusSquared(Subtract(target, s));
        var intensity = gamma == 0.0 ? 0.0 : Math.Clamp((pi - rho) / gamma / t, 0.0, 1.0);
        return new ShrinkageEstimate(Blend(intensity, target, s), intensity, target);
    }

    /// <summary>
    /// Target: scaled identity m·I with m = tr(S)/N. Intensity δ = b² / d² from Ledoit and Wolf
    /// (2004), "A well-conditioned estimator for large-dimensional covariance matrices", J.
    /// Multivariate Analysis 88: d² = ||S - mI||², b̄² = T⁻² Σ_t ||y_t y_t' - S||², b² = min(b̄², d²),
    /// with the paper's norm ||A||² = tr(AA')/N.
    /// </summary>
    public static ShrinkageEstimate ScaledIdentity(double[,] returns)
    {
        var y = DataColumns.From(returns, demean: true);
        int t = y.Observations, n = y.Assets;
        var s = y.Gram(t);
        var m = 0.0;
        for (var i = 0; i < n; i++)
        {
            m += s[i, i];
        }

        m /= n;
        var target = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            target[i, i] = m;
        }

        var d2 = FrobeniusSquared(Subtract(s, target)) / n;

        // Σ_t ||y_t y_t' - S||² = Σ_t ||y_t||⁴ - T ||S||², because Σ_t y_t' S y_t = T tr(S²).
        var rowSquares = new double[t];
        foreach (var c in y.Columns)
        {
            for (var k = 0; k < t; k++)
            {
                rowSquares[k] += c[k] * c[k];
            }
        }

        var b2Bar = (rowSquares.Sum(q => q * q) - t * FrobeniusSquared(s)) / ((double)t * t * n);
        var intensity = d2 == 0.0 ? 0.0 : Math.Min(b2Bar, d2) / d2;
        return new ShrinkageEstimate(Blend(intensity, target, s), intensity, target);
    }

    private static double FrobeniusSquared(double[,] a)
    {
        var sum = 0.0;
        foreach (var x in a)
        {
            sum += x * x;
        }

        return sum;
    }

    private static double[,] Subtract(double[,] a, double[,] b)
    {
        var n = a.GetLength(0);
        var d = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                d[i, j] = a[i, j] - b[i, j];
            }
        }

        return d;
    }

    private static double[,] Blend(double delta, double[,] target, double[,] sample)
    {
        var n = sample.GetLength(0);
        var r = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                r[i, j] = delta * target[i, j] + (1.0 - delta) * sample[i, j];
            }
        }

        return r;
    }
}
