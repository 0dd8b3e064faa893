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

    private const string FrontDoors = "Glidepath.Server";
    private const string Cli = "Glidepath.Cli";

    [Fact]
    public void Quant_DependsOnNoOtherLayerAndNoFramework() =>
        AssertNone(Quant, "Glidepath.Domain", "Glidepath.Infrastructure", "Glidepath.Application", FrontDoors, Cli,
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "System.Net.Http");

    [Fact]
    public void Domain_DependsOnQuantOnly_NoPersistenceOrHttp() =>
        AssertNone(Domain, "Glidepath.Infrastructure", "Glidepath.Application", FrontDoors, Cli,
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "System.Net.Http");

    [Fact]
    public void Infrastructure_DependsOnNoUseCaseOrFrontDoor() =>
        AssertNone(Infrastructure, "Glidepath.Application", FrontDoors, Cli);

    [Fact]
    public void Application_DependsOnNoFrontDoor() =>
        AssertNone(Application, FrontDoors, Cli);

    /// <summary>The generated API client knows the HTTP contract only, so it can ship to integrators on its own.</summary>
    [Fact]
    public void Client_DependsOnNoGlidepathLayer() =>
        AssertNone(Client, "Glidepath.Quant", "Glidepath.Domain", "Glidepath.Infrastructure", "Glidepath.Application", FrontDoors,
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
