using System.Reflection;

namespace Glidepath.Domain.Tests.Architecture;

/// <summary>The centre has no I/O: Domain and Quant reference no EF, ASP.NET, HTTP or file-format libraries.</summary>
public class LayeringTest
{
    private static readonly string[] ForbiddenPrefixes =
    [
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "System.Net.Http", "Npgsql",
        "Microsoft.Data.Sqlite", "CsvHelper", "Glidepath.Infrastructure", "Glidepath.Server", "Glidepath.Cli",
    ];

    [Theory]
    [InlineData("Glidepath.Domain")]
    [InlineData("Glidepath.Quant")]
    public void Assembly_ReferencesOnlyTheCore(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);

        var offending = assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(name => ForbiddenPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void Quant_ReferencesNoOtherGlidepathProject()
    {
        var references = Assembly.Load("Glidepath.Quant").GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.DoesNotContain(references, name => name.StartsWith("Glidepath.", StringComparison.Ordinal));
    }
}
