using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Infrastructure.Encryption;

public static class FieldEncryptionOptions
{
    /// <summary>
    /// Gives a <see cref="GlidepathDbContext"/> its key ring. Without it the model still builds (design time)
    /// but any protected value fails clearly. EF caches one model per ring content.
    /// </summary>
    public static DbContextOptionsBuilder UseFieldEncryption(this DbContextOptionsBuilder options, FieldKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ring);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new FieldEncryptionExtension(ring));
        options.ReplaceService<IModelCacheKeyFactory, FieldEncryptionModelCacheKeyFactory>();
        return options;
    }

    internal static FieldKeyRing KeyRing(IDbContextOptions options) =>
        options.FindExtension<FieldEncryptionExtension>()?.Ring ?? FieldKeyRing.Unavailable;
}

/// <summary>Carries the key ring inside the context options; adds no services.</summary>
internal sealed class FieldEncryptionExtension(FieldKeyRing ring) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? info;

    public FieldKeyRing Ring { get; } = ring;

    public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        // Never the key material, nor its digest: this string can reach logs.
        public override string LogFragment => "FieldEncryption ";

        // Rings differ per model, not per service provider: one internal provider serves them all.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["FieldEncryption"] = "1";
    }
}

/// <summary>One cached model per key ring content (the converters hold the ring).</summary>
internal sealed class FieldEncryptionModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.GetService<IDbContextOptions>().FindExtension<FieldEncryptionExtension>()?.Ring.Fingerprint, designTime);
}
