using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glidepath.Quant.MonteCarlo;

/// <summary>Percentiles by selection (no full sort): one multi-rank quickselect per call.</summary>
public static class OrderStatistics
{
    private const int Buckets = 1 << 12;

    [ThreadStatic]
    private static int[]? t_histogram;

    // Bucket -> 1 + index of the wanted bucket (0: not wanted); all zero between calls.
    [ThreadStatic]
    private static byte[]? t_slots;

    /// <summary>
    /// Type-7 percentiles (Hyndman and Fan, 1996): h = (n-1)p, value x[floor h] + frac(h)(x[floor h + 1] - x[floor h])
    /// over the sorted data. Reorders <paramref name="data"/>; O(n).
    /// </summary>
    public static void Percentiles(Span<float> data, ReadOnlySpan<double> levels, Span<double> result)
    {
        var n = data.Length;
        if (n == 0)
        {
            result[..levels.Length].Fill(double.NaN);
            return;
        }

        var ranks = new List<int>(2 * levels.Length);
        foreach (var p in levels)
        {
            var lo = (int)Math.Floor((n - 1) * p);
            ranks.Add(lo);
            ranks.Add(Math.Min(lo + 1, n - 1));
        }

        var sorted = ranks.Distinct().Order().ToArray();
        var values = new float[sorted.Length];
        if (n < 4096)
        {
            Select(data, 0, n - 1, sorted, 0, sorted.Length - 1);
            for (var r = 0; r < sorted.Length; r++)
            {
                values[r] = data[sorted[r]];
            }
        }
        else
        {
            RadixSelect(data, sorted, values);
        }

        float At(int rank) => values[Array.IndexOf(sorted, rank)];
        for (var k = 0; k < levels.Length; k++)
        {
            var h = (n - 1) * levels[k];
            var lo = (int)Math.Floor(h);
            var hi = Math.Min(lo + 1, n - 1);
            result[k] = At(lo) + ((h - lo) * ((double)At(hi) - At(lo)));
        }
    }

    /// <summary>
    /// Exact order statistics in three passes: the range of an order-preserving integer key, a
    /// histogram of the key's offset in that range in 4,096 buckets (16 KB: it stays in the L1
    /// cache, where a bucket per top-16 key bits took 256 KB and most buckets were never used), then
    /// a quickselect over the few elements of the buckets that hold the wanted ranks.
    /// </summary>
    // Hot loop: compile fully optimised at once rather than after tiering (a CLI run is one shot).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RadixSelect(Span<float> data, int[] ranks, float[] values)
    {
        var (low, high) = KeyRange(data);
        var shift = 0;
        while (((high - low) >> shift) >= Buckets)
        {
            shift++;
        }

        // Reused per thread: selections run once per reported year.
        var histogram = t_histogram ??= new int[Buckets];
        Array.Clear(histogram);
        var lowCount = 0;
        foreach (var x in data)
        {
            var key = Key(x);
            histogram[(int)((key - low) >> shift)]++;
            lowCount += key == low ? 1 : 0;
        }

        // Bucket of each rank and the rank's position inside it.
        var buckets = new int[ranks.Length];
        var before = new int[ranks.Length];
        int bucket = 0, below = 0;
        for (var r = 0; r < ranks.Length; r++)
        {
            while (below + histogram[bucket] <= ranks[r])
            {
                below += histogram[bucket++];
            }

            (buckets[r], before[r]) = (bucket, below);
        }

        // Ranks among the copies of the smallest value (the failed paths' zeros, often a quarter of
        // the data and the lower percentiles) are that value: the first bucket is gathered without
        // them, and not at all when no other rank falls in it.
        for (var r = 0; r < ranks.Length; r++)
        {
            if (ranks[r] < lowCount)
            {
                values[r] = FromKey(low);
                buckets[r] = -1;
            }
            else if (buckets[r] == 0)
            {
                before[r] = lowCount;
            }
        }

        histogram[0] -= lowCount;

        // One more pass gathers the members of up to 255 wanted buckets at once (a pass per bucket
        // cost seven passes over the data for the seven reported percentiles).
        var wanted = buckets.Where(b => b >= 0).Distinct().ToArray();
        for (var start = 0; start < wanted.Length; start += byte.MaxValue)
        {
            GatherAndSelect(data, histogram, wanted.AsSpan(start, Math.Min(byte.MaxValue, wanted.Length - start)), low, shift, ranks, buckets, before, values);
        }
    }

    /// <summary>Smallest and largest key, 16 lanes at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (uint Low, uint High) KeyRange(ReadOnlySpan<float> data)
    {
        var lowest = Vector512.Create(uint.MaxValue);
        var highest = Vector512<uint>.Zero;
        var i = 0;
        for (; i <= data.Length - Vector512<float>.Count; i += Vector512<float>.Count)
        {
            var bits = Vector512.Create(data.Slice(i, Vector512<float>.Count)).AsUInt32();
            var keys = bits ^ ((bits.AsInt32() >> 31).AsUInt32() | Vector512.Create(0x80000000u));
            lowest = Vector512.Min(lowest, keys);
            highest = Vector512.Max(highest, keys);
        }

        uint low = uint.MaxValue, high = 0;
        for (var lane = 0; lane < Vector512<uint>.Count; lane++)
        {
            low = Math.Min(low, lowest[lane]);
            high = Math.Max(high, highest[lane]);
        }

        for (; i < data.Length; i++)
        {
            low = Math.Min(low, Key(data[i]));
            high = Math.Max(high, Key(data[i]));
        }

        return (low, high);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GatherAndSelect(Span<float> data, int[] histogram, ReadOnlySpan<int> wanted, uint low, int shift, int[] ranks, int[] buckets, int[] before, float[] values)
    {
        var slots = t_slots ??= new byte[Buckets];
        var members = new float[wanted.Length][];
        var filled = new int[wanted.Length];
        var total = 0;
        for (var w = 0; w < wanted.Length; w++)
        {
            slots[wanted[w]] = (byte)(w + 1);
            members[w] = new float[histogram[wanted[w]]];
            total += members[w].Length;
        }

        var start = 0;
        if (Avx512F.IsSupported && Vector512.IsHardwareAccelerated && wanted.Length <= 16)
        {
            start = GatherVectors(data, wanted, low, shift, members, filled, total);
        }

        foreach (var x in data[start..])
        {
            var key = Key(x);
            var slot = slots[(int)((key - low) >> shift)];
            if (slot != 0 && key != low)
            {
                members[slot - 1][filled[slot - 1]++] = x;
            }
        }

        for (var w = 0; w < wanted.Length; w++)
        {
            slots[wanted[w]] = 0;
            var bucket = wanted[w];
            var inside = Enumerable.Range(0, ranks.Length).Where(r => buckets[r] == bucket).ToArray();
            var local = inside.Select(r => ranks[r] - before[r]).ToArray();
            Select(members[w], 0, members[w].Length - 1, local, 0, local.Length - 1);
            foreach (var r in inside)
            {
                values[r] = members[w][ranks[r] - before[r]];
            }
        }
    }

    /// <summary>
    /// The gather pass 16 lanes at a time, without a branch per element: keys and buckets by vector
    /// arithmetic, each lane's slot by one compare per wanted bucket (at most 16), the wanted lanes
    /// and their slots packed by compress stores into a staging area, then dealt to their buckets.
    /// The members of a bucket come in another order than the scalar loop's, which selection does
    /// not see. Returns how many leading elements it covered (whole vectors).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int GatherVectors(ReadOnlySpan<float> data, ReadOnlySpan<int> wanted, uint low, int shift, float[][] members, int[] filled, int total)
    {
        var end = data.Length - (data.Length % Vector512<float>.Count);
        var stagedValues = new float[total + Vector512<float>.Count];
        var stagedSlots = new int[total + Vector512<int>.Count];
        var staged = 0;
        var lows = Vector512.Create(low);
        var signs = Vector512.Create(0x80000000u);
        Span<Vector512<int>> buckets = stackalloc Vector512<int>[wanted.Length];
        for (var w = 0; w < wanted.Length; w++)
        {
            buckets[w] = Vector512.Create(wanted[w]);
        }

        fixed (float* source = data)
        fixed (float* values = stagedValues)
        fixed (int* slotOf = stagedSlots)
        {
            for (var i = 0; i < end; i += Vector512<float>.Count)
            {
                var x = Vector512.Load(source + i);
                var bits = x.AsUInt32();
                var keys = bits ^ ((bits.AsInt32() >> 31).AsUInt32() | signs);
                var bucket = Vector512.ShiftRightLogical(keys - lows, shift).AsInt32();
                var slot = Vector512<int>.Zero;
                for (var w = 0; w < buckets.Length; w++)
                {
                    slot = Vector512.ConditionalSelect(Vector512.Equals(bucket, buckets[w]), Vector512.Create(w + 1), slot);
                }

                var take = ~Vector512.Equals(slot, Vector512<int>.Zero) & ~Vector512.Equals(keys, lows).AsInt32();
                if (take == Vector512<int>.Zero)
                {
                    continue;
                }

                // The staged count never exceeds total (the histogram counted these lanes); the
                // arrays' slack takes a compress store's full width.
                Avx512F.CompressStore(values + staged, take.AsSingle(), x);
                Avx512F.CompressStore(slotOf + staged, take, slot);
                staged += BitOperations.PopCount(take.ExtractMostSignificantBits());
            }
        }

        for (var k = 0; k < staged; k++)
        {
            var w = stagedSlots[k] - 1;
            members[w][filled[w]++] = stagedValues[k];
        }

        return end;
    }

    /// <summary>The float whose <see cref="Key"/> is <paramref name="key"/>.</summary>
    private static float FromKey(uint key) =>
        BitConverter.UInt32BitsToSingle((key & 0x80000000u) != 0 ? key & 0x7FFFFFFFu : ~key);

    /// <summary>Maps float order to unsigned order (negatives flipped, positives offset by the sign bit).</summary>
    private static uint Key(float x)
    {
        var bits = BitConverter.SingleToUInt32Bits(x);
        return (bits & 0x80000000u) != 0 ? ~bits : bits | 0x80000000u;
    }

    // Dijkstra three-way partition: many equal keys (failed paths at 0) stay linear.
    // Hot loop: compile fully optimised at once rather than after tiering (a CLI run is one shot).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Select(Span<float> a, int lo, int hi, int[] ranks, int rlo, int rhi)
    {
        while (rlo <= rhi && lo < hi)
        {
            if (hi - lo < 24)
            {
                a.Slice(lo, hi - lo + 1).Sort();
                return;
            }

            var pivot = MedianOf3(a[lo], a[lo + ((hi - lo) / 2)], a[hi]);
            int lt = lo, i = lo, gt = hi;
            while (i <= gt)
            {
                var x = a[i];
                if (x < pivot)
                {
                    (a[lt], a[i]) = (a[i], a[lt]);
                    lt++;
                    i++;
                }
                else if (x > pivot)
                {
                    (a[gt], a[i]) = (a[i], a[gt]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            // ranks[rlo..leftEnd] fall below lt, ranks[rightStart..rhi] above gt.
            var leftEnd = rlo - 1;
            while (leftEnd < rhi && ranks[leftEnd + 1] < lt)
            {
                leftEnd++;
            }

            var rightStart = rhi + 1;
            while (rightStart > rlo && ranks[rightStart - 1] > gt)
            {
                rightStart--;
            }

            Select(a, lo, lt - 1, ranks, rlo, leftEnd);
            (lo, rlo) = (gt + 1, rightStart);
        }
    }

    private static float MedianOf3(float a, float b, float c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
