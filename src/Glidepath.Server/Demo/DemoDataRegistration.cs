using Microsoft.Extensions.Options;

namespace Glidepath.Server.Demo;

/// <summary><c>Glidepath:SeedDemoData</c> (default true) and where the demo's price file is.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "Glidepath";

    public bool SeedDemoData { get; set; } = true;

    /// <summary>Relative paths are resolved against the application's folder (the file ships with the server).</summary>
    public string DemoPricesFile { get; set; } = Path.Combine("DemoData", "dowjones30_daily_prices.csv");
}

public static class DemoDataRegistration
{
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.Section));
        services.AddScoped<DemoSeeder>();
        return services;
    }

    /// <summary>On the first start (no household yet) and unless switched off, creates the demo household and its owner, <see cref="DemoUser"/>.</summary>
    public static async Task SeedDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!services.GetRequiredService<IOptions<DemoDataOptions>>().Value.SeedDemoData)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
        await DemoUser.EnsureAsync(scope.ServiceProvider, seeded, cancellationToken);
    }
}
