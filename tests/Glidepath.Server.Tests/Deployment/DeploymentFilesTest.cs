using System.Net;
using System.Text.RegularExpressions;
using Glidepath.Infrastructure.Backups;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth;
using Glidepath.Server.Jobs;
using Glidepath.Server.Observability;
using Glidepath.Server.Realtime;
using Glidepath.Server.ScaleOut;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Glidepath.Server.Tests.Deployment;

/// <summary>
/// The Dockerfile, compose.yaml and deploy/nginx.conf name the settings, port and health path the
/// app reads: no engine runs them here, so a renamed setting or route would otherwise break them silently.
/// </summary>
public sealed partial class DeploymentFilesTest
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void Compose_ServersOnPostgres_EverySettingIsOneTheAppReads()
    {
        var services = (YamlMappingNode)Compose()["services"];
        Assert.Equal(["nginx", "postgres", "redis", "server-1", "server-2"], services.Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        foreach (var name in new[] { "server-1", "server-2" })
        {
            var server = (YamlMappingNode)services[name];
            var environment = ((YamlMappingNode)server["environment"]).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString());
            var configuration = Configuration(environment);

            AssertTheAppReadsEach(environment.Keys, configuration);
            Assert.Equal(DatabaseProvider.Postgres, DatabaseSettings.FromConfiguration(configuration).Provider);
            Assert.Equal(name, configuration.GetSection(JobsOptions.Section).Get<JobsOptions>()!.InstanceId);
            Assert.Equal("true", server["read_only"].ToString());
            var health = ((YamlSequenceNode)((YamlMappingNode)server["healthcheck"])["test"]).Children.Last().ToString();
            Assert.Equal($"http://127.0.0.1:{AppPort(configuration)}{ReadyPath}", health);
        }
    }

    [Fact]
    public void Dockerfile_MultiStage_NonRoot_HealthCheckOnTheAppsPortAndReadyPath_SettingsTheAppReads()
    {
        var text = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        Assert.True(FromLine().Count(text) >= 2, "a build stage and a runtime stage");
        var user = UserLine().Matches(text).Last().Groups[1].Value;
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);
        var env = EnvBlock().Match(text).Groups[1].Value;
        var settings = EnvPair().Matches(env).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim('"'));
        var configuration = Configuration(settings);

        AssertTheAppReadsEach(settings.Keys, configuration);
        Assert.Contains($"http://127.0.0.1:{AppPort(configuration)}{ReadyPath}", HealthLine().Match(text).Value, StringComparison.Ordinal);
        Assert.Contains($"EXPOSE {AppPort(configuration)} {configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>()!.Port}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nginx_UpstreamsAreTheComposeServersOnTheirPort_RetriesIdempotentOnly_UpgradesTheHub()
    {
        var text = Regex.Replace(File.ReadAllText(Path.Combine(Root, "deploy", "nginx.conf")), "#.*", ""); // directives only
        var services = (YamlMappingNode)Compose()["services"];
        var environment = ((YamlMappingNode)((YamlMappingNode)services["server-1"])["environment"]).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString());
        var port = AppPort(Configuration(environment));

        var upstreams = UpstreamServer().Matches(text).Select(m => (Host: m.Groups[1].Value, Port: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(upstreams);
        Assert.All(upstreams, u => Assert.Equal(port, u.Port));
        Assert.Equal(["server-1", "server-2"], upstreams.Select(u => u.Host).Distinct().Order(StringComparer.Ordinal));
        Assert.Matches(@"proxy_next_upstream error timeout http_502 http_503 http_504;", text);
        Assert.DoesNotContain("non_idempotent", text, StringComparison.Ordinal);
        var hub = Regex.Match(text, @"location (/\S+/) \{[^}]*proxy_set_header Upgrade \$http_upgrade;[^}]*proxy_set_header Connection \$connection_upgrade;", RegexOptions.Singleline);
        Assert.True(hub.Success, "no location passes the WebSocket upgrade");
        Assert.StartsWith(hub.Groups[1].Value, PortfolioHub.Path + "/", StringComparison.Ordinal);
    }

    /// <summary>The health path the files probe is one the app answers, anonymously.</summary>
    [Fact]
    public async Task ReadyPath_IsServedAnonymously()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateAnonymousClient().GetAsync(ReadyPath)).StatusCode);
    }

    private const string ReadyPath = "/health/ready";

    /// <summary>Every key must be read by the app: each is checked against the reader that consumes it.</summary>
    private static void AssertTheAppReadsEach(IEnumerable<string> keys, IConfiguration configuration)
    {
        foreach (var key in keys.Select(k => k.Replace("__", ":", StringComparison.Ordinal)))
        {
            var value = configuration[key];
            var read = key switch
            {
                "ConnectionStrings:Postgres" => DatabaseSettings.FromConfiguration(configuration).ConnectionString == value,
                "ConnectionStrings:Sqlite" => configuration.GetConnectionString("Sqlite") == value,
                "ConnectionStrings:Redis" => configuration.GetConnectionString(RedisOptions.ConnectionStringName) == value, // ScaleOutRegistration
                "Encryption:KeyFile" => configuration.GetSection("Encryption")["KeyFile"] == value, // KeyRingLoader reads Encryption:KeyFile
                "Auth:KeyFolder" => configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()!.KeyFolder == value,
                "Auth:EmailPickupFolder" => configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()!.EmailPickupFolder == value,
                "Backups:Folder" => BackupOptions.FromConfiguration(configuration).Folder == value,
                "Metrics:Port" => configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>()!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) == value,
                "Metrics:Host" => configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>()!.Host == value,
                "Jobs:InstanceId" => configuration.GetSection(JobsOptions.Section).Get<JobsOptions>()!.InstanceId == value,
                "Logging:Format" => value == ObservabilityRegistration.JsonFormat,
                "MarketData:Providers:local:BaseUrl" => value is not null, // MarketDataOptions: the local provider's folder
                "Urls" or "ASPNETCORE_ENVIRONMENT" or "DOTNET_EnableDiagnostics" or "ASPNETCORE_FORWARDEDHEADERS_ENABLED" => true, // the host's own
                _ => false,
            };
            Assert.True(read, $"the deployment files set {key}, which the app does not read (renamed?)");
        }
    }

    private static int AppPort(IConfiguration configuration) => new Uri(configuration["Urls"]!.Replace("0.0.0.0", "host", StringComparison.Ordinal)).Port;

    private static IConfiguration Configuration(IReadOnlyDictionary<string, string> environment) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(environment.ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)ComposeVariable().Replace(p.Value, "x")))
            .Build();

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "compose.yaml"));
        yaml.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Glidepath.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Glidepath.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^FROM \S+", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^USER (\S+)", RegexOptions.Multiline)]
    private static partial Regex UserLine();

    [GeneratedRegex(@"^ENV ((?:.*\\\n)*.*)$", RegexOptions.Multiline)]
    private static partial Regex EnvBlock();

    [GeneratedRegex(@"(\w+)=(""[^""]*""|\S+)")]
    private static partial Regex EnvPair();

    [GeneratedRegex(@"^HEALTHCHECK .*$", RegexOptions.Multiline)]
    private static partial Regex HealthLine();

    [GeneratedRegex(@"^\s*server ([\w-]+):(\d+)", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex ComposeVariable();
}
