using System.Reflection;
using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Architecture.Tests;

/// <summary>
/// Server endpoints are thin adapters onto the use cases in Glidepath.Application: no handler takes
/// the <see cref="GlidepathDbContext"/> (directly, or inside a parameter object it binds).
/// </summary>
public class EndpointDbContextTest
{
    /// <summary>
    /// Endpoint classes not yet moved onto Application use cases (issue 24). This list only shrinks:
    /// a class that no longer takes the DbContext must leave it (see the second test), and a new
    /// endpoint class may not join it.
    /// </summary>
    private static readonly HashSet<string> NotYetMoved = new(StringComparer.Ordinal);

    [Fact]
    public void Endpoints_DoNotTakeTheDbContext_OutsideTheShrinkingAllowList()
    {
        var offenders = EndpointClassesTakingDbContext().Where(t => !NotYetMoved.Contains(t)).ToList();

        Assert.True(offenders.Count == 0, $"These endpoint classes take GlidepathDbContext; move the work into a Glidepath.Application use case: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void AllowList_NamesOnlyClassesThatStillTakeTheDbContext()
    {
        var taking = EndpointClassesTakingDbContext().ToHashSet(StringComparer.Ordinal);

        var moved = NotYetMoved.Where(t => !taking.Contains(t)).ToList();

        Assert.True(moved.Count == 0, $"These no longer take GlidepathDbContext: remove them from the allow-list: {string.Join(", ", moved)}");
    }

    [Fact]
    public void Finder_SeesAHandlerThatTakesTheDbContext() =>
        Assert.Contains(typeof(Probe).FullName!, ClassesTakingDbContext([typeof(Probe)]));

    /// <summary>Classes named *Endpoints in the server (with their nested and compiler-made types: lambdas).</summary>
    private static IEnumerable<string> EndpointClassesTakingDbContext() =>
        ClassesTakingDbContext(typeof(Server.Errors.ResultProblems).Assembly.GetTypes().Where(t => t.DeclaringType is null && t.Name.EndsWith("Endpoints", StringComparison.Ordinal)));

    private static IEnumerable<string> ClassesTakingDbContext(IEnumerable<Type> classes) =>
        classes.Where(c => Nested(c).SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Any(m => m.GetParameters().Any(p => HoldsDbContext(p.ParameterType))))
            .Select(c => c.FullName!)
            .Order(StringComparer.Ordinal);

    private static IEnumerable<Type> Nested(Type type) => [type, .. type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(Nested)];

    /// <summary>The DbContext itself, or a parameter object of the endpoint class (a nested type) whose constructor takes it.</summary>
    private static bool HoldsDbContext(Type type) =>
        type == typeof(GlidepathDbContext)
        || (type.DeclaringType?.Name.EndsWith("Endpoints", StringComparison.Ordinal) == true
            && type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(GlidepathDbContext))));

    private static class Probe
    {
        public static int Handler(GlidepathDbContext db) => db.GetHashCode();
    }

    [Fact]
    public void Finder_SeesAParameterObjectOfTheEndpointClassThatHoldsTheDbContext() =>
        Assert.Contains(typeof(BagEndpoints).FullName!, ClassesTakingDbContext([typeof(BagEndpoints)]));

    private static class BagEndpoints
    {
        public static int Handler(Services services) => services.GetHashCode();

        public sealed class Services(GlidepathDbContext db)
        {
            public GlidepathDbContext Db => db;
        }
    }
}
