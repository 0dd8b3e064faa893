using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// Single-precision exp, log and inverse normal CDF on 16-lane vectors. Built from plain IEEE
/// operations only (no hardware-specific approximations), so results are the same bits on any
/// machine, with or without AVX-512 (Vector512 falls back to software).
/// </summary>
internal static class VectorMath
{
    // Cephes expf/logf coefficients (S. Moshier, Cephes Math Library; as in J. Pommier's sse_mathfun).
    private const float Ln2Hi = 0.693359375f;
    private const float Ln2Lo = -2.12194440e-4f;
    private const float Log2E = 1.44269504088896341f;

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

    /// <summary>Natural log for positive normal floats (Cephes logf).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log(Vector512<float> x)
    {
        var bits = x.AsInt32();
        var e = Vector512.ConvertToSingle((bits >> 23) - Vector512.Create(126));
        var m = ((bits & Vector512.Create(0x007FFFFF)) | Vector512.Create(0x3F000000)).AsSingle(); // [0.5, 1)
        var small = Vector512.LessThan(m, Vector512.Create(0.707106781186547524f));
        e -= small & Vector512<float>.One;
        m = m + (small & m) - Vector512<float>.One;
        var z = m * m;
        var y = Vector512.Create(7.0376836292E-2f);
        y = Vector512.FusedMultiplyAdd(y, m, Vector512.Create(-1.1514610310E-1f));
        y = Vector512.FusedMultiplyAdd(y, m, Vector512.Create(1.1676998740E-1f));
        y = Vector512.FusedMultiplyAdd(y, m, Vector512.Create(-1.2420140846E-1f));
        y = Vector512.FusedMultiplyAdd(y, m, Vector512.Create(1.4249322787E-1f));
        y = Vector512.FusedMultiplyAdd(y, m, Vector512.Create(-1.6668057665E-1f));
        y = Vector512.FusedMultiplyAdd(y, m, Vector512.Create(2.0000714765E-1f));
        y = Vector512.FusedMultiplyAdd(y, m, Vector512.Create(-2.4999993993E-1f));
        y = Vector512.FusedMultiplyAdd(y, m, Vector512.Create(3.3333331174E-1f));
        y = y * m * z;
        y = Vector512.FusedMultiplyAdd(e, Vector512.Create(Ln2Lo), y);
        y = Vector512.FusedMultiplyAdd(z, Vector512.Create(-0.5f), y);
        return Vector512.FusedMultiplyAdd(e, Vector512.Create(Ln2Hi), m + y);
    }

    /// <summary>
    /// Standard normal quantile from 32 random bits: u = (k + 1/2)/2^24 with k the top 24 bits, so
    /// u is never 0 or 1 and |z| &lt;= 5.42. z = sqrt(2) erfinv(2u - 1) with M. Giles' single-precision
    /// erfinv ("Approximating the erfinv function", GPU Computing Gems Jade, 2011), relative error
    /// below 4e-7 away from the tails.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> NormalFromBits(Vector512<uint> bits)
    {
        // x = 2u - 1 = (2k + 1 - 2^24)/2^24, exact in float.
        var k = (bits >> 8).AsInt32();
        var x = Vector512.ConvertToSingle(k + k + Vector512.Create(1 - (1 << 24))) * Vector512.Create(1f / (1 << 24));
        var w = -Log((Vector512<float>.One - x) * (Vector512<float>.One + x));
        var central = w - Vector512.Create(2.5f);
        var p1 = Vector512.Create(2.81022636e-08f);
        p1 = Vector512.FusedMultiplyAdd(p1, central, Vector512.Create(3.43273939e-07f));
        p1 = Vector512.FusedMultiplyAdd(p1, central, Vector512.Create(-3.5233877e-06f));
        p1 = Vector512.FusedMultiplyAdd(p1, central, Vector512.Create(-4.39150654e-06f));
        p1 = Vector512.FusedMultiplyAdd(p1, central, Vector512.Create(0.00021858087f));
        p1 = Vector512.FusedMultiplyAdd(p1, central, Vector512.Create(-0.00125372503f));
        p1 = Vector512.FusedMultiplyAdd(p1, central, Vector512.Create(-0.00417768164f));
        p1 = Vector512.FusedMultiplyAdd(p1, central, Vector512.Create(0.246640727f));
        p1 = Vector512.FusedMultiplyAdd(p1, central, Vector512.Create(1.50140941f));
        // w >= 5 (|z| > 2.9) is rare: 5 % of 16-lane vectors take the tail polynomial.
        var inTail = Vector512.GreaterThanOrEqual(w, Vector512.Create(5f));
        var p = inTail == Vector512<float>.Zero ? p1 : Vector512.ConditionalSelect(inTail, Tail(w), p1);
        return p * x * Vector512.Create(1.41421356237309505f);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> Tail(Vector512<float> w)
    {
        var tail = Vector512.Sqrt(w) - Vector512.Create(3f);
        var p2 = Vector512.Create(-0.000200214257f);
        p2 = Vector512.FusedMultiplyAdd(p2, tail, Vector512.Create(0.000100950558f));
        p2 = Vector512.FusedMultiplyAdd(p2, tail, Vector512.Create(0.00134934322f));
        p2 = Vector512.FusedMultiplyAdd(p2, tail, Vector512.Create(-0.00367342844f));
        p2 = Vector512.FusedMultiplyAdd(p2, tail, Vector512.Create(0.00573950773f));
        p2 = Vector512.FusedMultiplyAdd(p2, tail, Vector512.Create(-0.0076224613f));
        p2 = Vector512.FusedMultiplyAdd(p2, tail, Vector512.Create(0.00943887047f));
        p2 = Vector512.FusedMultiplyAdd(p2, tail, Vector512.Create(1.00167406f));
        p2 = Vector512.FusedMultiplyAdd(p2, tail, Vector512.Create(2.83297682f));
        return p2;
    }
}
