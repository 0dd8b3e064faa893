using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// One xoshiro128+ stream per path (Blackman and Vigna, "Scrambled linear pseudorandom number
/// generators", ACM TOMS 47(4), 2021), its 128-bit state taken from two consecutive outputs of
/// SplitMix64 (Steele, Lea and Flood, OOPSLA 2014) at position 2p of the stream seeded by the
/// simulation seed. A path's draws therefore depend only on (seed, path index): results are the
/// same whatever the thread count, block order or vector width. State is structure-of-arrays so
/// 16 paths step together in one Vector512.
/// </summary>
public sealed class PathRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const int SeedRange = 1 << 16;
    private readonly uint[] _s0, _s1, _s2, _s3;

    // Box-Muller makes normals in pairs; an odd draw count keeps the second of the last pair for
    // the next call. All 16 paths of a vector share the flag (they always draw together).
    private readonly float[] _spare;
    private readonly bool[] _hasSpare;

    /// <param name="seed">Simulation seed.</param>
    /// <param name="pathCount">Number of paths; a multiple of 16.</param>
    public PathRandom(ulong seed, int pathCount)
    {
        if (pathCount % Vector512<float>.Count != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pathCount), "must be a multiple of 16");
        }

        _s0 = new uint[pathCount];
        _s1 = new uint[pathCount];
        _s2 = new uint[pathCount];
        _s3 = new uint[pathCount];
        _spare = new float[pathCount];
        _hasSpare = new bool[pathCount / Vector512<float>.Count];

        // Each path's state depends only on (seed, p), so ranges seed in parallel (1,000,000 paths: about 10 ms on one core).
        Parallel.For(0, (pathCount + SeedRange - 1) / SeedRange, range =>
        {
            for (var p = range * SeedRange; p < Math.Min(pathCount, (range + 1) * SeedRange); p++)
            {
                var a = SplitMix64(seed, 2UL * (ulong)p + 1);
                var b = SplitMix64(seed, 2UL * (ulong)p + 2);
                if ((a | b) == 0)
                {
                    a = Golden; // all-zero state is the one invalid xoshiro state
                }

                _s0[p] = unchecked((uint)a);
                _s1[p] = (uint)(a >> 32);
                _s2[p] = unchecked((uint)b);
                _s3[p] = (uint)(b >> 32);
            }
        });
    }

    /// <summary>The n-th output (n &gt;= 1) of SplitMix64 started at <paramref name="seed"/>.</summary>
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

    /// <summary>
    /// Fills <paramref name="destination"/> (draw-major: draw d of path i at d*count + i) with
    /// standard normals for paths [first, first+count). With <paramref name="antithetic"/> the
    /// second half of the range mirrors the first: path first+h+i gets the negated draws of path
    /// first+i, h = count/2 (count must then be a multiple of 32).
    /// </summary>
    // Hot loop: compile fully optimised at once rather than after tiering (a CLI run is one shot).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FillNormals(int first, int count, int draws, Span<float> destination, bool antithetic)
    {
        var generated = antithetic ? count / 2 : count;
        if (destination.Length < draws * count || first + count > _s0.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        ref var d0 = ref MemoryMarshal.GetReference(destination);
        for (var i = 0; i < generated; i += Vector512<float>.Count)
        {
            var p = first + i;
            var s0 = Vector512.LoadUnsafe(ref _s0[p]);
            var s1 = Vector512.LoadUnsafe(ref _s1[p]);
            var s2 = Vector512.LoadUnsafe(ref _s2[p]);
            var s3 = Vector512.LoadUnsafe(ref _s3[p]);
            var d = 0;
            ref var hasSpare = ref _hasSpare[p / Vector512<float>.Count];
            if (hasSpare)
            {
                Store(Vector512.LoadUnsafe(ref _spare[p]), ref d0, d++, count, i, generated, antithetic);
                hasSpare = false;
            }

            while (d < draws)
            {
                var a = Next(ref s0, ref s1, ref s2, ref s3);
                var (z1, z2) = VectorMath.NormalPair(a, Next(ref s0, ref s1, ref s2, ref s3));
                Store(z1, ref d0, d++, count, i, generated, antithetic);
                if (d < draws)
                {
                    Store(z2, ref d0, d++, count, i, generated, antithetic);
                }
                else
                {
                    z2.StoreUnsafe(ref _spare[p]);
                    hasSpare = true;
                }
            }

            s0.StoreUnsafe(ref _s0[p]);
            s1.StoreUnsafe(ref _s1[p]);
            s2.StoreUnsafe(ref _s2[p]);
            s3.StoreUnsafe(ref _s3[p]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<float> z, ref float d0, int draw, int count, int i, int generated, bool antithetic)
    {
        unchecked
        {
            z.StoreUnsafe(ref d0, (nuint)((draw * count) + i));
            if (antithetic)
            {
                (-z).StoreUnsafe(ref d0, (nuint)((draw * count) + generated + i));
            }
        }
    }

    /// <summary>Next 32 random bits of one path's stream (scalar; used by the bootstrap).</summary>
    public uint NextUInt32(int path)
    {
        unchecked
        {
            var result = _s0[path] + _s3[path];
            var t = _s1[path] << 9;
            _s2[path] ^= _s0[path];
            _s3[path] ^= _s1[path];
            _s1[path] ^= _s2[path];
            _s0[path] ^= _s3[path];
            _s2[path] ^= t;
            _s3[path] = (_s3[path] << 11) | (_s3[path] >> 21);
            return result;
        }
    }

    /// <summary>The state of paths [p, p+16) for a kernel that keeps it in registers (<see cref="RebalancedNormalKernel"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Load(int p, out Vector512<uint> s0, out Vector512<uint> s1, out Vector512<uint> s2, out Vector512<uint> s3, out Vector512<float> spare, out bool hasSpare)
    {
        s0 = Vector512.LoadUnsafe(ref _s0[p]);
        s1 = Vector512.LoadUnsafe(ref _s1[p]);
        s2 = Vector512.LoadUnsafe(ref _s2[p]);
        s3 = Vector512.LoadUnsafe(ref _s3[p]);
        spare = Vector512.LoadUnsafe(ref _spare[p]);
        hasSpare = _hasSpare[p / Vector512<float>.Count];
    }

    /// <summary>Stores what <see cref="Load"/> gave, advanced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Save(int p, Vector512<uint> s0, Vector512<uint> s1, Vector512<uint> s2, Vector512<uint> s3, Vector512<float> spare, bool hasSpare)
    {
        s0.StoreUnsafe(ref _s0[p]);
        s1.StoreUnsafe(ref _s1[p]);
        s2.StoreUnsafe(ref _s2[p]);
        s3.StoreUnsafe(ref _s3[p]);
        spare.StoreUnsafe(ref _spare[p]);
        _hasSpare[p / Vector512<float>.Count] = hasSpare;
    }

    /// <summary>Advances 16 streams by one xoshiro128+ step; returns their outputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<uint> Next(ref Vector512<uint> s0, ref Vector512<uint> s1, ref Vector512<uint> s2, ref Vector512<uint> s3)
    {
        var result = s0 + s3;
        var t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        // One vprold where AVX-512 has it (the JIT does not fuse the shift pair for vectors); same bits.
        s3 = Avx512F.IsSupported ? Avx512F.RotateLeft(s3, 11) : (s3 << 11) | (s3 >> 21);
        return result;
    }
}
