using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Infrastructure.Brokers;

public static class BrokersRegistration
{
    /// <summary>The paper broker and the Interactive Brokers adapter, with their options from configuration.</summary>
    public static IServiceCollection AddGlidepathBrokers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaperBrokerOptions>().Bind(configuration.GetSection(PaperBrokerOptions.Section));
        services.AddOptions<InteractiveBrokersOptions>().Bind(configuration.GetSection(InteractiveBrokersOptions.Section));
        services.AddScoped<PaperBroker>();
        services.AddScoped<IBrokerAdapter>(sp => sp.GetRequiredService<PaperBroker>());
        services.AddHttpClient<InteractiveBrokersAdapter>();
        services.AddScoped<IBrokerAdapter>(sp => sp.GetRequiredService<InteractiveBrokersAdapter>());
        return services;
    }
}
