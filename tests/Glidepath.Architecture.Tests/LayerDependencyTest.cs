using System.Reflection;
using NetArchTest.Rules;

namespace Glidepath.Architecture.Tests;

/// <summary>
/// The layers of docs/architecture (README "Layout"): each project references only what is below it.
/// Quant and Domain are also held by BannedApiAnalyzers (their BannedSymbols.txt) at build time.
/// </summary>
public class LayerDependencyTest
{
    private static readonly Assembly Quant = typeof(Quant.MonteCarlo.MonteCarloSimulator).Assembly;
    private static readonly Assembly Domain = typeof(Domain.Results.Problem).Assembly;
    private static readonly Assembly Infrastructure = typeof(Infrastructure.Persistence.GlidepathDbContext).Assembly;
    private static readonly Assembly Application = typeof(Application.ApplicationRegistration).Assembly;
    private static readonly Assembly Client = typeof(Client.GlidepathClientFactory).Assembly;
    private static readonly Assembly Ml = typeof(Ml.Anomalies.LstmAnomalyDetector).Assembly;
    private const string MlLayer = "Glidepath.Ml";
    private static readonly Assembly QuantGpu = typeof(Quant.Gpu.GpuSimulator).Assembly;

    private const string FrontDoors = "Glidepath.Server";
    private const string Cli = "Glidepath.Cli";

    [Fact]
    public void Quant_DependsOnNoOtherLayerAndNoFramework() =>
        AssertNone(Quant, "Glidepath.Domain", "Glidepath.Infrastructure", "Glidepath.Application", FrontDoors, Cli, MlLayer,
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "System.Net.Http", "TorchSharp", "ILGPU", "Glidepath.Quant.Gpu");

    /// <summary>The GPU backend (ILGPU) builds on Quant only, like Glidepath.Ml; only the CLI and tests reference it.</summary>
    [Fact]
    public void QuantGpu_DependsOnQuantOnly() =>
        AssertNone(QuantGpu, "Glidepath.Domain", "Glidepath.Infrastructure", "Glidepath.Application", FrontDoors, Cli, MlLayer,
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "System.Net.Http", "TorchSharp");

    [Fact]
    public void Domain_DependsOnQuantOnly_NoPersistenceOrHttp() =>
        AssertNone(Domain, "Glidepath.Infrastructure", "Glidepath.Application", FrontDoors, Cli, MlLayer,
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "System.Net.Http", "TorchSharp");

    [Fact]
    public void Infrastructure_DependsOnNoUseCaseOrFrontDoor() =>
        AssertNone(Infrastructure, "Glidepath.Application", FrontDoors, Cli);

    /// <summary>Use cases reach machine learning through Infrastructure's adapters, never TorchSharp itself.</summary>
    [Fact]
    public void Application_DependsOnNoFrontDoorAndNoMl() =>
        AssertNone(Application, FrontDoors, Cli, MlLayer, "TorchSharp");

    /// <summary>Glidepath.Ml (TorchSharp) builds on Quant only: no ledger, persistence or HTTP.</summary>
    [Fact]
    public void Ml_DependsOnQuantOnly() =>
        AssertNone(Ml, "Glidepath.Domain", "Glidepath.Infrastructure", "Glidepath.Application", FrontDoors, Cli,
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "System.Net.Http");

    /// <summary>
    /// ARCHITECTURE.md: Glidepath.Ml is referenced by Infrastructure and Server only, and by the CLI where a
    /// command needs it directly (anomalies on a file). Read from the project files, so that an unused
    /// reference is caught too; tests and benchmarks may reference it.
    /// </summary>
    [Fact]
    public void MlProject_IsReferencedOnlyByInfrastructureServerAndCli()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Glidepath.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var referencing = Directory.GetFiles(Path.Combine(root.FullName, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains(@"Glidepath.Ml\Glidepath.Ml.csproj", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();

        Assert.Contains("Glidepath.Cli", referencing);
        Assert.Empty(referencing.Except(["Glidepath.Infrastructure", "Glidepath.Server", "Glidepath.Cli"]));
    }

    /// <summary>The generated API client knows the HTTP contract only, so it can ship to integrators on its own.</summary>
    [Fact]
    public void Client_DependsOnNoGlidepathLayer() =>
        AssertNone(Client, "Glidepath.Quant", "Glidepath.Domain", "Glidepath.Infrastructure", "Glidepath.Application", FrontDoors, MlLayer,
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore");

    [Fact]
    public void Rule_FailsForADependencyThatExists() =>
        // The rule can fail: Application does depend on Infrastructure.
        Assert.False(Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny("Glidepath.Infrastructure").GetResult().IsSuccessful);

    private static void AssertNone(Assembly assembly, params string[] forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{assembly.GetName().Name} depends on [{string.Join(", ", forbidden)}] in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
