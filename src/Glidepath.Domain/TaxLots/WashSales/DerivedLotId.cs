using System.Buffers.Binary;
using System.Numerics;

namespace Glidepath.Domain.TaxLots.WashSales;

/// <summary>
/// The id of a lot split off as a wash-sale replacement: the first 16 bytes of
/// SHA-256(lot id ‖ sale id ‖ n) (docs/wash-sales.md). The 36-byte message fits one SHA-256 block,
/// so it is hashed here in managed code (FIPS 180-4, one compression): a long wash-sale chain splits
/// a lot for almost every loss piece, and the platform's SHA256.HashData goes through OpenSSL with a
/// few microseconds of fixed cost per call, which was half the replay's time. A test checks it
/// against SHA256.HashData.
/// </summary>
internal static class DerivedLotId
{
    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private const int MessageLength = 36;

    public static Guid For(Guid lotId, Guid saleId, int counter)
    {
        Span<byte> block = stackalloc byte[64];
        block.Clear();
        lotId.TryWriteBytes(block[..16]);
        saleId.TryWriteBytes(block[16..32]);
        BitConverter.TryWriteBytes(block[32..MessageLength], counter);
        block[MessageLength] = 0x80;                                              // padding: a one bit, zeros,
        BinaryPrimitives.WriteUInt64BigEndian(block[56..], MessageLength * 8UL);  // then the length in bits

        Span<byte> digest = stackalloc byte[32];
        Compress(block, digest);
        return new Guid(digest[..16]);
    }

    /// <summary>SHA-256 of a message that fits one padded block: the initial hash value compressed once.</summary>
    private static void Compress(ReadOnlySpan<byte> block, Span<byte> digest)
    {
        // Additions are modulo 2^32 (the build checks overflow by default).
        unchecked
        {
            Span<uint> w = stackalloc uint[64];
            for (var t = 0; t < 16; t++)
            {
                w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]);
            }

            for (var t = 16; t < 64; t++)
            {
                var s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
                var s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }

            ReadOnlySpan<uint> initial = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
            var (a, b, c, d, e, f, g, h) = (initial[0], initial[1], initial[2], initial[3], initial[4], initial[5], initial[6], initial[7]);
            for (var t = 0; t < 64; t++)
            {
                var sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
                var choose = (e & f) ^ (~e & g);
                var t1 = h + sum1 + choose + K[t] + w[t];
                var sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
                var majority = (a & b) ^ (a & c) ^ (b & c);
                var t2 = sum0 + majority;
                (h, g, f, e, d, c, b, a) = (g, f, e, d + t1, c, b, a, t1 + t2);
            }

            Span<uint> state = [initial[0] + a, initial[1] + b, initial[2] + c, initial[3] + d, initial[4] + e, initial[5] + f, initial[6] + g, initial[7] + h];
            for (var i = 0; i < 8; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(digest[(4 * i)..], state[i]);
            }
        }
    }
}
