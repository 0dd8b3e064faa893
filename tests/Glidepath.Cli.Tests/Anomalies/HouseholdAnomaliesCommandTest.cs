using System.Text.Json;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Tests.Commands;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Categories;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Cli.Tests.Anomalies;

/// <summary>
/// <c>glidepath anomalies --household ID</c> on both providers: 60 ordinary grocery days (40.00–62.99) and one of 900.00 on
/// 2026-06-20; the scan as of 2026-06-30 records that day once (a second run records nothing new and lists it still), and
/// <c>--household</c> with <c>--method</c> is a usage error.
/// </summary>
public sealed class HouseholdAnomaliesCommandTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Household_SpikeAmongOrdinaryDays_RecordedOnce(DatabaseProvider provider)
    {
        await using var cli = await CliRun.StartAsync(provider);
        var (household, account) = await cli.HouseholdAsync();
        await using (var db = cli.Database.CreateDbContext())
        {
            var groceries = new CategoryTree(await CategorySeeding.EnsureTreeAsync(db, household, CancellationToken.None)).FindPath("Food/Groceries")!.Id;
            void Add(TransactionType type, DateOnly day, decimal amount, Guid? category)
            {
                var t = new Transaction { AccountId = account, Type = type, TradeDate = day, SettlementDate = day, Amount = amount, Memo = "TESCO STORES 1234" };
                db.Transactions.Add(t);
                if (category is { } c)
                {
                    db.TransactionCategories.Add(new TransactionCategory { TransactionId = t.Id, HouseholdId = household, CategoryId = c, Source = CategorySource.Manual });
                }
            }

            Add(TransactionType.Deposit, new DateOnly(2026, 4, 19), 10000m, null);
            for (var i = 0; i < 60; i++)
            {
                Add(TransactionType.Withdrawal, new DateOnly(2026, 4, 20).AddDays(i), 40m + (i * 7 % 23) + (i * 13 % 100) / 100m, groceries);
            }

            Add(TransactionType.Withdrawal, new DateOnly(2026, 6, 20), 900m, groceries);
            await db.SaveChangesAsync();
        }

        var first = await cli.RunAsync("anomalies", "--household", household.ToString(), "--as-of", "2026-06-30", "--json");
        Assert.True(first.ExitCode == 0, first.Error);
        using (var doc = JsonDocument.Parse(first.Out))
        {
            var detected = Assert.Single(doc.RootElement.GetProperty("scan").GetProperty("detected").EnumerateArray());
            Assert.Equal(("2026-06-20", 900.0, "Food/Groceries"), (detected.GetProperty("date").GetString(), detected.GetProperty("value").GetDouble(), detected.GetProperty("series").GetString()));
        }

        var second = await cli.RunAsync("anomalies", "--household", household.ToString(), "--as-of", "2026-06-30");
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains(": 0 new; 1 anomalies, 1 not dismissed.", second.Out, StringComparison.Ordinal);
        Assert.Contains("2026-06-20  Food/Groceries  900.00 USD", second.Out, StringComparison.Ordinal);

        var mixed = await cli.RunAsync("anomalies", "--household", household.ToString(), "--method", "lstm");
        Assert.Equal(ExitCodes.Usage, mixed.ExitCode);
        Assert.StartsWith("glidepath: --household scans with the rolling MAD", mixed.Error, StringComparison.Ordinal);
    }
}
