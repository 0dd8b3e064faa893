using System.Security.Cryptography;
using FsCheck.Xunit;
using Glidepath.Domain.TaxLots.WashSales;

namespace Glidepath.Domain.Tests.TaxLots.WashSales;

/// <summary>The managed one-block SHA-256 behind split-off lot ids equals the platform's SHA-256.</summary>
public class DerivedLotIdTest
{
    [Property(MaxTest = 500)]
    public void For_AnyIdsAndCounter_EqualsFirst16BytesOfPlatformSha256(Guid lotId, Guid saleId, int counter)
    {
        Assert.Equal(PlatformDerivedId(lotId, saleId, counter), DerivedLotId.For(lotId, saleId, counter));
    }

    [Fact]
    public void For_KnownInput_MatchesPlatformSha256()
    {
        var (lot, sale) = (Guid.Parse("00000001-0000-0000-0000-000000000000"), Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"));

        Assert.Equal(PlatformDerivedId(lot, sale, 0), DerivedLotId.For(lot, sale, 0));
        Assert.Equal(PlatformDerivedId(lot, sale, int.MaxValue), DerivedLotId.For(lot, sale, int.MaxValue));
        Assert.NotEqual(DerivedLotId.For(lot, sale, 0), DerivedLotId.For(lot, sale, 1));
    }

    private static Guid PlatformDerivedId(Guid lotId, Guid saleId, int counter)
    {
        var input = new byte[36];
        lotId.TryWriteBytes(input.AsSpan(0, 16));
        saleId.TryWriteBytes(input.AsSpan(16, 16));
        BitConverter.TryWriteBytes(input.AsSpan(32), counter);
        return new Guid(SHA256.HashData(input).AsSpan(0, 16));
    }
}
