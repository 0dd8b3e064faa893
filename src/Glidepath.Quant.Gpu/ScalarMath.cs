using Glidepath.Quant.MonteCarlo;
using ILGPU;

namespace Glidepath.Quant.Gpu;

/// <summary>
/// The CPU engine's random numbers and single-precision functions one lane at a time, for the
/// kernel: xoshiro128+ seeded by SplitMix64, exp and log as <c>VectorMath</c> takes them, the Box-Muller pair of
/// <c>VectorMath.NormalPair</c>. Same formulas and constants; plain multiply-adds instead of fused
/// ones (ILGPU has no portable FMA), so values agree with the CPU engine to float rounding, not bit for bit.
/// </summary>
internal static class ScalarMath
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The n-th output of SplitMix64 started at <paramref name="seed"/> (as <c>PathRandom.SplitMix64</c>).</summary>
    public static ulong SplitMix64(ulong seed, ulong n)
    {
        unchecked
        {
            var z = seed + (n * Golden);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A path's xoshiro128+ state: SplitMix64 outputs 2p+1 and 2p+2 (as <c>PathRandom</c>).</summary>
    public static void Seed(ulong seed, int path, out uint s0, out uint s1, out uint s2, out uint s3)
    {
        unchecked
        {
            var a = SplitMix64(seed, (2UL * (ulong)path) + 1);
            var b = SplitMix64(seed, (2UL * (ulong)path) + 2);
            if ((a | b) == 0)
            {
                a = Golden;
            }

            s0 = (uint)a;
            s1 = (uint)(a >> 32);
            s2 = (uint)b;
            s3 = (uint)(b >> 32);
        }
    }

    /// <summary>xoshiro128+ (Blackman and Vigna 2021): the next 32 bits.</summary>
    public static uint Next(ref uint s0, ref uint s1, ref uint s2, ref uint s3)
    {
        unchecked
        {
            var result = s0 + s3;
            var t = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = (s3 << 11) | (s3 >> 21);
            return result;
        }
    }

    /// <summary>Floor of a float within the int range, without a math library call.</summary>
    private static int Floor(float x)
    {
        var i = (int)x;
        return i > x ? i - 1 : i;
    }

    /// <summary>e^x as the CPU engine takes it: <c>VectorMath.ExpSmall</c> for |x| &lt;= 0.25, else Cephes expf (<c>VectorMath.Exp</c>).</summary>
    public static float Exp(float x)
    {
        if (x <= VectorMath.ExpSmallBound && x >= -VectorMath.ExpSmallBound)
        {
            // Estrin's order, as VectorMath.ExpSmall: (1 + x) + x^2 ((c2 + c3 x) + x^2 (c4 + c5 x)).
            var x2 = x * x;
            var high = (VectorMath.ExpSmallC5 * x) + VectorMath.ExpSmallC4;
            var low = (VectorMath.ExpSmallC3 * x) + VectorMath.ExpSmallC2;
            return (((high * x2) + low) * x2) + (x + 1f);
        }

        x = x < -87f ? -87f : x > 88f ? 88f : x;
        var n = Floor((x * VectorMath.Log2E) + 0.5f);
        var fn = (float)n;
        var r = x - (fn * VectorMath.Ln2Hi);
        r -= fn * VectorMath.Ln2Lo;
        var p = 1.9875691500E-4f;
        p = (p * r) + 1.3981999507E-3f;
        p = (p * r) + 8.3334519073E-3f;
        p = (p * r) + 4.1665795894E-2f;
        p = (p * r) + 1.6666665459E-1f;
        p = (p * r) + 5.0000001201E-1f;
        var y = (p * (r * r)) + r + 1f;
        return y * Interop.IntAsFloat(unchecked((uint)((n + 127) << 23)));
    }

    /// <summary>Natural log for positive normal floats, as <c>VectorMath.Log</c> (bit reduction to [2/3, 4/3), degree-7 fit).</summary>
    public static float Log(float x)
    {
        unchecked
        {
            var bits = (int)Interop.FloatAsInt(x);
            var e = (bits - VectorMath.LogOffset) >> 23;
            var r = Interop.IntAsFloat((uint)(bits - (e << 23))) - 1f;
            var ef = (float)e;
            // Estrin's order, as VectorMath.Log.
            var r2 = r * r;
            var r4 = r2 * r2;
            var g01 = (VectorMath.LogC1 * r) + VectorMath.LogC0;
            var g23 = (VectorMath.LogC3 * r) + VectorMath.LogC2;
            var g45 = (VectorMath.LogC5 * r) + VectorMath.LogC4;
            var g67 = (VectorMath.LogC7 * r) + VectorMath.LogC6;
            var g = (((g67 * r2) + g45) * r4) + ((g23 * r2) + g01);
            var y = (r2 * g) + r;
            y += ef * VectorMath.Ln2Lo;
            return (ef * VectorMath.Ln2Hi) + y;
        }
    }

    /// <summary>Two standard normals from 64 random bits, the Box-Muller pair of <c>VectorMath.NormalPair</c>.</summary>
    public static void NormalPair(uint a, uint b, out float first, out float second)
    {
        unchecked
        {
            var u1 = ((float)(int)(a >> 8) * (1f / (1 << 24))) + (0.5f / (1 << 24));
            var radius = MathF.Sqrt(-Log(u1));
            var f = (float)(int)((b >> 8) & 0x3FFFFFu);
            var t = (f * (MathF.PI / 2 / (1 << 22))) + ((MathF.PI / 2 / (1 << 23)) - (MathF.PI / 4));
            var t2 = t * t;
            var sin = (-1.9515295891E-4f * t2) + 8.3321608736E-3f;
            sin = (sin * t2) - 1.6666654611E-1f;
            sin = (sin * t2 * t) + t;
            var cos = (2.443315711809948E-5f * t2) - 1.388731625493765E-3f;
            cos = (cos * t2) + 4.166664568298827E-2f;
            cos = (cos * t2 * t2) + ((t2 * -0.5f) + 1f);
            var c = radius * (cos - sin);
            var s = radius * (cos + sin);
            first = (b & 0x80000000u) != 0 ? -c : c;
            second = ((b << 1) & 0x80000000u) != 0 ? -s : s;
        }
    }
}
