using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// Multivariate Student-t log returns with v degrees of freedom, scaled to the same covariance as
/// the normal model: x = L z sqrt((v-2)/W), W ~ chi-square(v) drawn as a sum of v squared
/// normals, so Var(x_i) = 1 (the t variance v/(v-2) times (v-2)/v) and the tails are fatter.
/// One W per path and month is shared by all assets (the multivariate t; Demarta and McNeil,
/// "The t copula and related copulas", 2005).
/// </summary>
public sealed class StudentTReturns : NormalReturns
{
    private readonly int _degreesOfFreedom;

    public StudentTReturns(IReadOnlyList<MonthlyLogNormal> assets, double[,] correlation, int degreesOfFreedom)
        : base(assets, correlation)
    {
        if (degreesOfFreedom is < 3 or > 200)
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "must be an integer in [3, 200] (the variance is finite only above 2)");
        }

        _degreesOfFreedom = degreesOfFreedom;
    }

    protected override int ExtraDraws => _degreesOfFreedom;

    // Hot loop: compile fully optimised at once rather than after tiering (a CLI run is one shot).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void ScaleShocks(Span<float> z, int count)
    {
        var n = AssetCount;
        ref var z0 = ref MemoryMarshal.GetReference(z);
        var vMinus2 = Vector512.Create((float)(_degreesOfFreedom - 2));
        for (var i = 0; i < count; i += Vector512<float>.Count)
        {
            var w = Vector512<float>.Zero;
            for (var k = 0; k < _degreesOfFreedom; k++)
            {
                var e = Vector512.LoadUnsafe(ref Unsafe.Add(ref z0, ((n + k) * count) + i));
                w = Vector512.FusedMultiplyAdd(e, e, w);
            }

            var scale = Vector512.Sqrt(vMinus2 / w);
            for (var a = 0; a < n; a++)
            {
                ref var slot = ref Unsafe.Add(ref z0, (a * count) + i);
                (Vector512.LoadUnsafe(ref slot) * scale).StoreUnsafe(ref slot);
            }
        }
    }
}
