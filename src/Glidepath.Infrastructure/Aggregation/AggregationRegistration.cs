using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Infrastructure.Aggregation;

public static class AggregationRegistration
{
    /// <summary>The Plaid adapter as the <see cref="IAggregationProvider"/>, with its options from <c>Aggregation:Plaid</c>.</summary>
    public static IServiceCollection AddGlidepathAggregation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlaidOptions>().Bind(configuration.GetSection(PlaidOptions.Section));
        // No automatic retries: a public token is single-use and a sync page is re-fetched from the saved cursor on the next run.
        services.AddHttpClient<PlaidProvider>();
        services.AddScoped<IAggregationProvider>(sp => sp.GetRequiredService<PlaidProvider>());
        return services;
    }
}
