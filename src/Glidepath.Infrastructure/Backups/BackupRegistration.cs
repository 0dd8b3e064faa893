using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Infrastructure.Backups;

public static class BackupRegistration
{
    /// <summary><see cref="DatabaseBackup"/> on the configured database (needs AddGlidepathPersistence and a TimeProvider).</summary>
    public static IServiceCollection AddGlidepathBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(BackupOptions.FromConfiguration(configuration));
        services.AddSingleton<DatabaseBackup>();
        return services;
    }
}
