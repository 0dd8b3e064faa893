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
            for (var i = 0; i < count; i += Vector512<float>.Count)
            {
                for (var a = 0; a < n; a++)
                {
                    var x = Vector512.Create(Unsafe.Add(ref mu, a));
                    for (var b = 0; b <= a; b++)
                    {
                        var zb = Vector512.LoadUnsafe(ref z0, (nuint)((b * count) + i));
                        x = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref l, (a * n) + b)), zb, x);
                    }

                    VectorMath.Exp(x).StoreUnsafe(ref g0, (nuint)((a * count) + i));
                }
            }
        }
    }
}
