using System.CommandLine;
using Glidepath.Cli.Hosting;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Cli.Trading;

/// <summary>The <c>--household ID | --input SNAPSHOT.json</c> pair of rebalance and harvest: the same use case on a snapshot file or on the database.</summary>
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

    /// <summary>The household for remote mode, which has no counterpart for a snapshot file.</summary>
    public Guid RemoteHousehold(ParseResult parse, string instead) =>
        parse.GetValue(Household) ?? throw Remote.RemoteCommands.NotRemote("--input SNAPSHOT.json", instead);

    /// <summary>
    /// <paramref name="fromFile"/> on the file's snapshot (its asOf replaced by <paramref name="asOf"/> when given), or
    /// <paramref name="fromDatabase"/> on the household (as of <paramref name="asOf"/>, default today); or the one-line reason there is nothing.
    /// </summary>
    public async Task<Result<T>> RunAsync<T>(
        CliEnvironment env, ParseResult parse, DateOnly? asOf, Func<PortfolioSnapshot, T> fromFile,
        Func<IServiceProvider, Guid, DateOnly, Task<Result<T>>> fromDatabase, CancellationToken ct)
    {
        if (parse.GetValue(Input) is { } file)
        {
            if (!file.Exists)
            {
                return Problem.NotFound("no-such-file", $"{file.FullName}: no such file.");
            }

            var (snapshot, error) = PortfolioSnapshotJson.Parse(await File.ReadAllTextAsync(file.FullName, ct));
            return error is not null || snapshot is null
                ? Problem.Invalid("--input", $"{file.Name}: {error}")
                : fromFile(asOf is { } date ? snapshot with { AsOf = date } : snapshot);
        }

        await using var services = await CliDatabase.OpenAsync(env, ct);
        await using var scope = services.CreateAsyncScope();
        return await fromDatabase(scope.ServiceProvider, parse.GetValue(Household)!.Value, asOf ?? env.Today);
    }
}
