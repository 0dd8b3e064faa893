using Glidepath.Cli.Hosting;
using Glidepath.Infrastructure.MarketData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Cli.MarketData;

/// <summary>The database plus the market-data providers, configured as the server configures them; <c>--base-url</c> points one provider elsewhere.</summary>
internal static class MarketDataCli
{
    public static Task<ServiceProvider> OpenAsync(CliEnvironment env, string? provider, string? baseUrl, CancellationToken ct, Action<IServiceCollection>? configure = null)
    {
        var configuration = baseUrl is null
            ? env.Configuration
            : new ConfigurationBuilder()
                .AddConfiguration(env.Configuration)
                .AddInMemoryCollection(new Dictionary<string, string?> { [$"{MarketDataOptions.Section}:Providers:{provider}:BaseUrl"] = baseUrl })
                .Build();
        return CliDatabase.OpenAsync(env, ct, services =>
        {
            services.AddSingleton(env.Clock).AddMarketData(configuration);
            configure?.Invoke(services);
        });
    }

    /// <summary>A URL the HTTP client can use, or a folder for the local provider; anything else is a usage error.</summary>
    public static string? CheckBaseUrl(string? provider, string? baseUrl) =>
        baseUrl is null ? null
        : provider is null ? "--base-url needs --provider (it points one provider elsewhere)."
        : provider.Equals(LocalFolderProvider.ProviderName, StringComparison.OrdinalIgnoreCase) || Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? null
        : $"--base-url '{baseUrl}' is not an http(s) URL.";
}
