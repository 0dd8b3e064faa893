using System.CommandLine;
using Glidepath.Cli.Hosting;
using Glidepath.Domain.Rebalancing;
using Glidepath.Infrastructure.Rebalancing;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Cli.Trading;

/// <summary>The <c>--household ID | --input SNAPSHOT.json</c> pair of rebalance and harvest: the same snapshot from the database or a file.</summary>
internal sealed class SnapshotSource
{
    public Option<Guid?> Household { get; } = new("--household") { Description = "Load the snapshot of this household from the database." };

    public Option<FileInfo?> Input { get; } = new("--input") { Description = "Read the snapshot from this JSON file (docs/rebalancing.md)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Household);
        command.Options.Add(Input);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(Household) is null) == (result.GetValue(Input) is null))
            {
                result.AddError("Give exactly one of --household ID or --input SNAPSHOT.json.");
            }
        });
    }

    /// <summary>The snapshot, or the one-line reason there is none.</summary>
    public async Task<(PortfolioSnapshot? Snapshot, string? Error)> LoadAsync(CliEnvironment env, ParseResult parse, DateOnly? asOf, CancellationToken ct)
    {
        if (parse.GetValue(Input) is { } file)
        {
            if (!file.Exists)
            {
                return (null, $"{file.FullName}: no such file.");
            }

            var (snapshot, error) = PortfolioSnapshotJson.Parse(await File.ReadAllTextAsync(file.FullName, ct));
            return error is not null ? (null, $"{file.Name}: {error}")
                : asOf is { } date ? (snapshot! with { AsOf = date }, null)
                : (snapshot, null);
        }

        await using var services = await CliDatabase.OpenAsync(env, ct);
        await using var scope = services.CreateAsyncScope();
        var loaded = await scope.ServiceProvider.GetRequiredService<PortfolioSnapshotLoader>().LoadAsync(parse.GetValue(Household)!.Value, asOf ?? env.Today, ct: ct);
        return loaded.Succeeded ? (loaded.Value, null) : (null, loaded.Message);
    }
}
