using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// Multivariate log-normal returns: gross return of asset i is exp(mu_i + sigma_i x_i) with
/// x = L z, z independent standard normals and L the Cholesky factor of the correlation matrix.
/// </summary>
public class NormalReturns : IReturnModel
{
    private readonly float[] _mu;
    private readonly float[] _scaledCholesky; // row-major n x n, diag(sigma) L

    /// <summary>Builds the model; throws <see cref="InvalidInputException"/> naming the bad field.</summary>
    public NormalReturns(IReadOnlyList<MonthlyLogNormal> assets, double[,] correlation)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(correlation);
        if (correlation.GetLength(0) != assets.Count)
        {
            throw new InvalidInputException("correlations", $"correlations must be {assets.Count} x {assets.Count}, one row per asset");
        }

        var l = Cholesky.Decompose(correlation);
        var n = assets.Count;
        _mu = new float[n];
        _scaledCholesky = new float[n * n];
        for (var a = 0; a < n; a++)
        {
            _mu[a] = (float)assets[a].Mu;
            for (var b = 0; b <= a; b++)
            {
                _scaledCholesky[(a * n) + b] = (float)(assets[a].Sigma * l[a, b]);
            }
        }
    }

    public int AssetCount => _mu.Length;

    /// <summary>Monthly log-return means (single precision, as the kernels use them).</summary>
    internal ReadOnlySpan<float> Mu => _mu;

    /// <summary>diag(sigma) L, row-major, lower triangle (the GPU kernel's copy).</summary>
    internal ReadOnlySpan<float> ScaledCholesky => _scaledCholesky;

    public int? FixedPathCount => null;

    public bool NeedsPathState => false;

    /// <summary>Extra standard normals per path and month beyond one per asset.</summary>
    protected virtual int ExtraDraws => 0;

    public int ScratchLength(int count) => (AssetCount + ExtraDraws) * count;

    public void Generate(ReturnBlock block, Span<float> gross)
    {
        var z = block.Scratch;
        block.Random.FillNormals(block.FirstPath, block.Count, AssetCount + ExtraDraws, z, block.Antithetic);
        ScaleShocks(z, block.Count);
        Exponentiate(z, block.Count, gross);
    }

    /// <summary>mu_a + sum over b &lt;= a of (diag(sigma) L)_ab z_b for 16 paths.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> LogReturn(ref float z0, ref float mu, ref float l, int a, int n, int count, int i)
    {
        unchecked
        {
            var x = Vector512.Create(Unsafe.Add(ref mu, a));
            for (var b = 0; b <= a; b++)
            {
                var zb = Vector512.LoadUnsafe(ref z0, (nuint)((b * count) + i));
                x = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref l, (a * n) + b)), zb, x);
            }

            return x;
        }
    }

    /// <summary>Hook for mixtures: rescale the asset shocks in place (Student-t).</summary>
    protected virtual void ScaleShocks(Span<float> z, int count)
    {
    }

    // Hot loop: compile fully optimised at once rather than after tiering (a CLI run is one shot).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Exponentiate(ReadOnlySpan<float> z, int count, Span<float> gross)
    {
        var n = AssetCount;
        if (z.Length < n * count || gross.Length < n * count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        ref var z0 = ref MemoryMarshal.GetReference(z);
        ref var g0 = ref MemoryMarshal.GetReference(gross);
        ref var mu = ref MemoryMarshal.GetArrayDataReference(_mu);
        ref var l = ref MemoryMarshal.GetArrayDataReference(_scaledCholesky);
        unchecked
        {
            var bound = Vector512.Create(VectorMath.ExpSmallBound);
            for (var i = 0; i < count; i += Vector512<float>.Count)
            {
                // Small log returns (nearly all) by the short polynomial; any lane outside its range
                // is recomputed by the full exp, that lane only.
                var outside = Vector512<float>.Zero;
                for (var a = 0; a < n; a++)
                {
                    var x = LogReturn(ref z0, ref mu, ref l, a, n, count, i);
                    outside |= Vector512.GreaterThan(Vector512.Abs(x), bound);
                    VectorMath.ExpSmall(x).StoreUnsafe(ref g0, (nuint)((a * count) + i));
                }

                if (outside != Vector512<float>.Zero)
                {
                    for (var a = 0; a < n; a++)
                    {
                        var x = LogReturn(ref z0, ref mu, ref l, a, n, count, i);
                        var at = (nuint)((a * count) + i);
                        Vector512.ConditionalSelect(Vector512.GreaterThan(Vector512.Abs(x), bound), VectorMath.Exp(x), Vector512.LoadUnsafe(ref g0, at)).StoreUnsafe(ref g0, at);
                    }
                }
            }
        }
    }
}
