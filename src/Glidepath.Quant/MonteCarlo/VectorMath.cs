using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// Single-precision exp, log and normal pairs on 16-lane vectors. Built from plain IEEE
/// operations only (no hardware-specific approximations), so results are the same bits on any
/// machine, with or without AVX-512 (Vector512 falls back to software).
/// </summary>
internal static class VectorMath
{
    // Cephes expf coefficients and split of ln 2 (S. Moshier, Cephes Math Library; as in J. Pommier's sse_mathfun).
    // Internal: the GPU kernel's ScalarMath takes the same constants.
    internal const float Ln2Hi = 0.693359375f;
    internal const float Ln2Lo = -2.12194440e-4f;
    internal const float Log2E = 1.44269504088896341f;

    /// <summary>e^x for |x| &lt; 87; relative error about 2 ulp (Cephes expf).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(-87f)), Vector512.Create(88f));
        var n = Vector512.Floor(Vector512.FusedMultiplyAdd(x, Vector512.Create(Log2E), Vector512.Create(0.5f)));
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Hi), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Lo), r);
        var p = Vector512.Create(1.9875691500E-4f);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.3981999507E-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(8.3334519073E-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(4.1665795894E-2f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.6666665459E-1f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(5.0000001201E-1f));
        var y = Vector512.FusedMultiplyAdd(p, r * r, r) + Vector512<float>.One;
        var scale = (Vector512.ConvertToInt32(n) + Vector512.Create(127)) << 23;
        return y * scale.AsSingle();
    }

    /// <summary>Largest |x| that <see cref="ExpSmall"/> serves; outside it <see cref="Exp"/> does.</summary>
    public const float ExpSmallBound = 0.25f;

    /// <summary>
    /// e^x for |x| &lt;= 0.25 without range reduction: a degree-5 polynomial, the Chebyshev fit to e^x on
    /// [-0.25, 0.25] (near-minimax; relative error 1.1e-8 before and 2.7e-8 after rounding the coefficients
    /// to float, under a quarter of a float ulp), evaluated as (1 + x) + x^2 ((c2 + c3 x) + x^2 (c4 + c5 x))
    /// (Estrin's scheme: three dependent steps after x^2 where Horner's rule took five; the engine's month
    /// is a chain of dependent steps, so the shorter chain is faster): within 2 ulp of e^x in all
    /// (VectorMathTests). Monthly log returns are almost always this small (|x| &gt; 0.25 is a 4.8-sigma
    /// month at 18 % annual volatility), so the engine uses it and falls back to <see cref="Exp"/> lane by
    /// lane (a lane's value depends only on its own x).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ExpSmall(Vector512<float> x)
    {
        var x2 = x * x;
        var high = Vector512.FusedMultiplyAdd(Vector512.Create(ExpSmallC5), x, Vector512.Create(ExpSmallC4));
        var low = Vector512.FusedMultiplyAdd(Vector512.Create(ExpSmallC3), x, Vector512.Create(ExpSmallC2));
        return Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(high, x2, low), x2, x + Vector512<float>.One);
    }

    // ExpSmall's coefficients of x^5 .. x^2 (those of x and 1 are 1): mpmath.chebyfit(exp, [-0.25, 0.25], 6), rounded to float.
    internal const float ExpSmallC5 = 0.008351952768862247f;
    internal const float ExpSmallC4 = 0.04179703816771507f;
    internal const float ExpSmallC3 = 0.16666622459888458f;
    internal const float ExpSmallC2 = 0.49999693036079407f;

    /// <summary>
    /// Natural log for positive normal floats: x = 2^e (1 + r) with 1 + r in [2/3, 4/3) by integer
    /// arithmetic on the bits (the offset 0x3F2AAAAB is 2/3's), then ln(1 + r) = r + r^2 g(r) with g
    /// the degree-7 Chebyshev fit to (ln(1 + r) - r)/r^2 on [-1/3, 1/3] (mpmath.chebyfit, coefficients
    /// rounded to float: relative error 5.9e-8, half a float ulp, before the evaluation's own rounding),
    /// and e ln 2 added in two parts (Cephes' split of ln 2). Within 2 float ulp of ln x
    /// (VectorMathTests, a dense grid of the Box-Muller inputs). Six integer and float operations
    /// reduce the argument where Cephes logf took eleven, and the polynomial is one term shorter. g is
    /// evaluated by Estrin's scheme (pairs in r, then r^2, then r^4: four dependent steps where Horner's
    /// rule took eight).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log(Vector512<float> x)
    {
        var bits = x.AsInt32();
        var e = (bits - Vector512.Create(LogOffset)) >> 23;
        var r = (bits - (e << 23)).AsSingle() - Vector512<float>.One;
        var ef = Vector512.ConvertToSingle(e);
        var r2 = r * r;
        var r4 = r2 * r2;
        var g01 = Vector512.FusedMultiplyAdd(Vector512.Create(LogC1), r, Vector512.Create(LogC0));
        var g23 = Vector512.FusedMultiplyAdd(Vector512.Create(LogC3), r, Vector512.Create(LogC2));
        var g45 = Vector512.FusedMultiplyAdd(Vector512.Create(LogC5), r, Vector512.Create(LogC4));
        var g67 = Vector512.FusedMultiplyAdd(Vector512.Create(LogC7), r, Vector512.Create(LogC6));
        var g = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(g67, r2, g45), r4, Vector512.FusedMultiplyAdd(g23, r2, g01));
        var y = Vector512.FusedMultiplyAdd(r2, g, r);
        y = Vector512.FusedMultiplyAdd(ef, Vector512.Create(Ln2Lo), y);
        return Vector512.FusedMultiplyAdd(ef, Vector512.Create(Ln2Hi), y);
    }

    // Log's g(r) coefficients, r^7 .. r^0: mpmath.chebyfit((log1p(r) - r)/r^2, [-1/3, 1/3], 8), rounded to float.
    /// <summary>The bits of 2/3: subtracting them before the exponent's shift puts 1 + r in [2/3, 4/3).</summary>
    internal const int LogOffset = 0x3F2AAAAB;

    internal const float LogC7 = 0.1342574954032898f;
    internal const float LogC6 = -0.15040764212608337f;
    internal const float LogC5 = 0.14118309319019318f;
    internal const float LogC4 = -0.16483017802238464f;
    internal const float LogC3 = 0.20003780722618103f;
    internal const float LogC2 = -0.2500414550304413f;
    internal const float LogC1 = 0.33333319425582886f;
    internal const float LogC0 = -0.49999985098838806f;

    /// <summary>
    /// Two independent standard normals per lane from 64 random bits by the Box-Muller transform
    /// (Box and Muller, Ann. Math. Statist. 29, 1958): radius sqrt(-2 ln u1) with u1 = (k + 1/2)/2^24
    /// (k: top 24 bits of <paramref name="a"/>, so |z| &lt;= 5.77), angle uniform on a quarter circle from 22
    /// bits of <paramref name="b"/> and reflected into a random quadrant by its top two bits. With the
    /// angle written as pi/4 + t, t in (-pi/4, pi/4), cos = (cos t - sin t)/sqrt 2 and
    /// sin = (cos t + sin t)/sqrt 2, so the radius becomes sqrt(-ln u1) (<see cref="Log"/>). sin t and cos t: Cephes sinf/cosf.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<float> First, Vector512<float> Second) NormalPair(Vector512<uint> a, Vector512<uint> b)
    {
        var u1 = Vector512.FusedMultiplyAdd(
            Vector512.ConvertToSingle((a >> 8).AsInt32()), Vector512.Create(1f / (1 << 24)), Vector512.Create(0.5f / (1 << 24)));
        var radius = Vector512.Sqrt(-Log(u1));
        var f = Vector512.ConvertToSingle(((b >> 8) & Vector512.Create(0x3FFFFFu)).AsInt32());
        var t = Vector512.FusedMultiplyAdd(f, Vector512.Create(MathF.PI / 2 / (1 << 22)), Vector512.Create((MathF.PI / 2 / (1 << 23)) - (MathF.PI / 4)));
        var t2 = t * t;
        var sin = Vector512.FusedMultiplyAdd(Vector512.Create(-1.9515295891E-4f), t2, Vector512.Create(8.3321608736E-3f));
        sin = Vector512.FusedMultiplyAdd(sin, t2, Vector512.Create(-1.6666654611E-1f));
        sin = Vector512.FusedMultiplyAdd(sin * t2, t, t);
        var cos = Vector512.FusedMultiplyAdd(Vector512.Create(2.443315711809948E-5f), t2, Vector512.Create(-1.388731625493765E-3f));
        cos = Vector512.FusedMultiplyAdd(cos, t2, Vector512.Create(4.166664568298827E-2f));
        cos = Vector512.FusedMultiplyAdd(cos * t2, t2, Vector512.FusedMultiplyAdd(t2, Vector512.Create(-0.5f), Vector512<float>.One));
        var signs = b & Vector512.Create(0x80000000u);
        var first = ((radius * (cos - sin)).AsUInt32() ^ signs).AsSingle();
        var second = ((radius * (cos + sin)).AsUInt32() ^ ((b << 1) & Vector512.Create(0x80000000u))).AsSingle();
        return (first, second);
    }
}
