using Glidepath.Server.Api;
using Microsoft.Extensions.Time.Testing;

namespace Glidepath.Server.Tests.Api;

public sealed class OwnerAccessCacheTest
{
    [Fact]
    public void RememberedOwnership_ExpiresAfterItsLifetime_AndIsNotRenewedByUse()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
        var cache = new OwnerAccessCache(clock);
        var (user, household, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        Assert.False(cache.IsKnownOwner(user, household));
        cache.RememberOwner(user, household);
        Assert.True(cache.IsKnownOwner(user, household));
        Assert.False(cache.IsKnownOwner(user, other));
        Assert.False(cache.IsKnownOwner(other, household));

        clock.Advance(OwnerAccessCache.Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(cache.IsKnownOwner(user, household));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.IsKnownOwner(user, household));
    }
}
