using System.Text.Json;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Tests.Commands;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Categories;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Ml.Categories;
using Glidepath.Testing.Databases;

namespace Glidepath.Cli.Tests.Categories;

/// <summary>
/// <c>glidepath categorise train|evaluate</c> on both providers: a household with 150 rows of the GENERATED labelled set
/// (<see cref="GeneratedLabelledSet"/>) set by hand is trained and evaluated on its 30 held-out rows; too few labels, an
/// unknown household and <c>--server</c> are refused in one line.
/// </summary>
public sealed class CategoriseCommandTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task TrainAndEvaluate_OnHandSetRows_ReportTheHeldOutMetrics(DatabaseProvider provider)
    {
        await using var cli = await CliRun.StartAsync(provider);
        var (household, account) = await cli.HouseholdAsync();

        var tooFew = await cli.RunAsync("categorise", "train", "--household", household.ToString());
        Assert.Equal(ExitCodes.Failure, tooFew.ExitCode);
        Assert.StartsWith("glidepath: Not enough labels: 0 categorised rows in 0 categories; the categoriser needs 50", tooFew.Error, StringComparison.Ordinal);

        await LabelAsync(cli, household, account, GeneratedLabelledSet.Generate(150, seed: 5));
        var trained = await cli.RunAsync("categorise", "train", "--household", household.ToString(), "--json");
        var evaluated = await cli.RunAsync("categorise", "evaluate", "--household", household.ToString(), "--json");

        Assert.True(trained.ExitCode == 0, trained.Error);
        var status = JsonDocument.Parse(trained.Out).RootElement;
        Assert.Equal((true, 1, 150, 30), (status.GetProperty("trained").GetBoolean(), status.GetProperty("version").GetInt32(),
            status.GetProperty("labelCount").GetInt32(), status.GetProperty("heldOutRows").GetInt32()));
        Assert.InRange(status.GetProperty("accuracy").GetDouble(), 0.0, 1.0);
        Assert.True(evaluated.ExitCode == 0, evaluated.Error);
        var evaluation = JsonDocument.Parse(evaluated.Out).RootElement;
        Assert.Equal((150, 30), (evaluation.GetProperty("labelCount").GetInt32(), evaluation.GetProperty("heldOutRows").GetInt32()));
        // The evaluation trains the same held-out split with the same seed: the same numbers as the stored training's.
        Assert.Equal(status.GetProperty("accuracy").GetDouble(), evaluation.GetProperty("accuracy").GetDouble());
        Assert.Equal(status.GetProperty("macroF1").GetDouble(), evaluation.GetProperty("macroF1").GetDouble());
        await using var db = cli.Database.CreateDbContext();
        Assert.Equal(1, db.CategoriserModels.Single(m => m.HouseholdId == household).Version);   // evaluate stored nothing
    }

    [Fact]
    public async Task UnknownHousehold_AndServer_AreRefusedInOneLine()
    {
        await using var cli = await CliRun.StartAsync();
        var unknown = Guid.NewGuid();

        var missing = await cli.RunAsync("categorise", "evaluate", "--household", unknown.ToString());
        var remote = await cli.RunAsync("--server", "http://localhost:1", "categorise", "train", "--household", unknown.ToString());

        Assert.Equal((ExitCodes.Failure, $"glidepath: household {unknown} does not exist.\n"), (missing.ExitCode, missing.Error.ReplaceLineEndings("\n")));
        Assert.NotEqual(0, remote.ExitCode);
        Assert.Contains("categorise train is not available with --server", remote.Error, StringComparison.Ordinal);
    }

    private static async Task LabelAsync(CliRun cli, Guid household, Guid account, List<LabelledRow> rows)
    {
        await using var db = cli.Database.CreateDbContext();
        var tree = new CategoryTree(await CategorySeeding.EnsureTreeAsync(db, household, CancellationToken.None));
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var t = new Transaction
            {
                AccountId = account,
                Type = row.Row.Amount < 0 ? TransactionType.Withdrawal : TransactionType.Deposit,
                TradeDate = new DateOnly(2024, 1 + (i % 12), Math.Min(row.Row.DayOfMonth, 28)),
                Amount = Math.Abs((decimal)row.Row.Amount),
                Memo = $"{row.Row.Payee} — {row.Row.Memo}",
            };
            t.SettlementDate = t.TradeDate;
            db.Transactions.Add(t);
            db.TransactionCategories.Add(new TransactionCategory { TransactionId = t.Id, HouseholdId = household, CategoryId = tree.FindPath(row.Label)!.Id, Source = CategorySource.Manual });
        }

        await db.SaveChangesAsync();
    }
}
