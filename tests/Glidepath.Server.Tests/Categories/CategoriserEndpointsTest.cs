using System.Globalization;
using System.Net;
using System.Text;
using Glidepath.Application.Categories;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Ml.Categories;
using Glidepath.Server.Categories;
using Glidepath.Server.Imports;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.Categories;

/// <summary>
/// The learned categoriser over HTTP on both providers (docs/categoriser.md): refused below the minimum of labels, trained
/// on the household's own hand-set rows, used on import (set above the confidence threshold, suggested below it), a
/// suggestion accepted, and retrained by the background job's use case after 20 corrections, which moves that payee's
/// predictions. Labelled rows: the GENERATED set (<see cref="GeneratedLabelledSet"/>, seeded; invented merchants).
/// </summary>
public class CategoriserEndpointsTest
{
    private static readonly DateOnly Start = new(2023, 1, 1);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Train_Import_Suggest_Accept_AndRetrainAfter20Corrections(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var h = $"/api/households/{household.Id}";
        var accounts = new Dictionary<string, Guid>
        {
            ["Checking"] = (await client.AccountAsync(household.Id, AccountType.Checking, name: "Checking")).Id,
            ["CreditCard"] = (await client.AccountAsync(household.Id, AccountType.CreditCard, name: "Card")).Id,
            ["Savings"] = (await client.AccountAsync(household.Id, AccountType.Savings, name: "Savings")).Id,
        };
        var tree = await (await client.GetAsync($"{h}/categories")).ReadAsync<List<CategoryDto>>();

        // No labels yet: no model, and training is refused.
        var status = await (await client.GetAsync($"{h}/categoriser")).ReadAsync<CategoriserStatusDto>();
        Assert.Equal((false, 0, CategoriserPolicy.MinimumLabels), (status.Trained, status.LabelsAvailable, status.MinimumLabels));
        await (await client.PostAsync($"{h}/categoriser/train", null)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "not-enough-labels");

        // 600 generated rows imported, then labelled by hand (as the user would on the categorise page).
        var labelled = GeneratedLabelledSet.Generate(600, seed: 11);
        await ImportAsync(client, h, accounts, labelled.Select((r, i) => (r.Row, Date(i))).ToList());
        await LabelAsync(app, household.Id, labelled, tree);

        var trained = await (await client.PostAsync($"{h}/categoriser/train", null)).ReadAsync<CategoriserStatusDto>();
        Assert.Equal((true, 1, 600, 120, 0), (trained.Trained, trained.Version, trained.LabelCount, trained.HeldOutRows, trained.CorrectionsSinceTraining));
        Assert.InRange(trained.Accuracy!.Value, 0.7, 1.0);
        Assert.InRange(trained.MacroF1!.Value, 0.5, 1.0);

        // New rows: 20 of Bluefin Deli (a restaurant, sometimes takeaway, in the labels) and one payee never seen.
        var bluefin = Enumerable.Range(0, 20).Select(i => GeneratedLabelledSet.RowOf("Bluefin Deli", 1000 + i)).ToList();
        var unseen = new CategoriserRow("Zzyzx Quorble", "ZZYZX QUORBLE 7781", -61.17, 14, "Checking");
        await ImportAsync(client, h, accounts, [.. bluefin.Select((r, i) => (r, new DateOnly(2026, 3, 1).AddDays(i))), (unseen, new DateOnly(2026, 4, 14))]);
        var rows = await ListAsync(client, h, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30));
        Assert.Equal(21, rows.Count);
        Assert.All(rows, r => Assert.True(
            (r.Source == "Model" && r.Suggestion is null) || (r.Source is null && r.Suggestion is { Confidence: < CategoriserPolicy.AutoSetConfidence }),
            $"{r.Payee}: {r.Source} {r.CategoryPath} {r.Suggestion}"));
        var before = rows.Where(r => r.Payee.StartsWith("Bluefin", StringComparison.OrdinalIgnoreCase)).Select(Guess).ToList();
        Assert.Equal(20, before.Count);
        Assert.All(before, g => Assert.Contains(g, new[] { "Food/Restaurants", "Food/Takeaway" }));

        // The unseen payee is only suggested; accepting the suggestion sets it by hand.
        var stranger = rows.Single(r => r.Payee.Contains("Zzyzx", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(stranger.Suggestion);
        var accepted = await (await client.PostAsync($"{h}/transactions/{stranger.TransactionId}/category/accept-suggestion", null)).ReadAsync<CategorisedTransactionDto>();
        Assert.Equal((stranger.Suggestion!.CategoryPath, "Manual", (SuggestionDto?)null), (accepted.CategoryPath, accepted.Source, accepted.Suggestion));
        await (await client.PostAsync($"{h}/transactions/{stranger.TransactionId}/category/accept-suggestion", null)).ReadProblemAsync(HttpStatusCode.NotFound, "suggestion-not-found");
        var other = await client.HouseholdAsync("Other");
        await (await client.PostAsync($"/api/households/{other.Id}/transactions/{stranger.TransactionId}/category/accept-suggestion", null))
            .ReadProblemAsync(HttpStatusCode.NotFound, "transaction-not-found");

        // The user re-files the 20 Bluefin Deli rows as coffee: 20 corrections make the household due; the job's use case retrains it.
        var coffee = tree.Single(c => c.Path == "Food/Coffee").Id;
        foreach (var row in rows.Where(r => r.Payee.StartsWith("Bluefin", StringComparison.OrdinalIgnoreCase)))
        {
            await (await client.PutAsync($"{h}/transactions/{row.TransactionId}/category", new CategorisationRequest(coffee, null, null, null))).ReadAsync<CategorisedTransactionDto>();
        }

        Assert.Equal(20, (await (await client.GetAsync($"{h}/categoriser")).ReadAsync<CategoriserStatusDto>()).CorrectionsSinceTraining);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var message = await scope.ServiceProvider.GetRequiredService<CategoriserLearning>().RetrainDueAsync(CancellationToken.None);
            Assert.Equal("1 households due: 1 retrained, 0 with too few labels.", message);
        }

        var retrained = await (await client.GetAsync($"{h}/categoriser")).ReadAsync<CategoriserStatusDto>();
        Assert.Equal((2, 621, 0), (retrained.Version, retrained.LabelCount, retrained.CorrectionsSinceTraining));   // 600 + 20 corrections + 1 accepted

        // Ten new Bluefin Deli rows: now coffee, where none of the 20 before was.
        var more = Enumerable.Range(0, 10).Select(i => GeneratedLabelledSet.RowOf("Bluefin Deli", 2000 + i)).ToList();
        await ImportAsync(client, h, accounts, [.. more.Select((r, i) => (r, new DateOnly(2026, 6, 1).AddDays(i)))]);
        var after = (await ListAsync(client, h, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30))).Select(Guess).ToList();
        Assert.Equal(10, after.Count);
        Assert.True(after.Count(g => g == "Food/Coffee") >= 8, string.Join(", ", after));

        // Another user cannot read or train this household's categoriser.
        var outsider = app.CreateClient(await app.CreateUserAsync());
        Assert.True((await outsider.GetAsync($"{h}/categoriser")).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
        Assert.True((await outsider.PostAsync($"{h}/categoriser/train", null)).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
    }

    /// <summary>The category the row was given, or else the one suggested.</summary>
    private static string? Guess(CategorisedTransactionDto row) => row.CategoryPath ?? row.Suggestion?.CategoryPath;

    private static DateOnly Date(int i) => new(Start.AddMonths(i / 28).Year, Start.AddMonths(i / 28).Month, 1);

    private static async Task ImportAsync(HttpClient client, string h, Dictionary<string, Guid> accounts, List<(CategoriserRow Row, DateOnly Date)> rows)
    {
        foreach (var group in rows.GroupBy(r => r.Row.AccountType))
        {
            var csv = new StringBuilder("Date,Type,Amount,Memo\n");
            foreach (var (row, date) in group)
            {
                var day = new DateOnly(date.Year, date.Month, Math.Min(row.DayOfMonth, DateTime.DaysInMonth(date.Year, date.Month)));
                var on = date.Day == 1 ? day : date;
                csv.Append(CultureInfo.InvariantCulture, $"{on:yyyy-MM-dd},{(row.Amount < 0 ? "Withdrawal" : "Deposit")},{Math.Abs(row.Amount):0.00},\"{row.Payee} — {row.Memo}\"\n");
            }

            var result = await (await client.PostAsync($"{h}/imports/transactions?accountId={accounts[group.Key]}", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv")))
                .ReadAsync<ImportResultDto>();
            Assert.Equal(group.Count(), result.Imported);
        }
    }

    /// <summary>Each imported generated row gets its label as a category set by hand, matched by its memo and amount.</summary>
    private static async Task LabelAsync(GlidepathApp app, Guid householdId, List<LabelledRow> labelled, List<CategoryDto> tree)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        var stored = await db.Transactions.AsNoTracking().Where(t => db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId)).ToListAsync();
        await db.TransactionCategories.Where(c => c.HouseholdId == householdId).ExecuteDeleteAsync();
        var byKey = stored.ToLookup(t => (t.Memo, CashFlow.SignedAmount(t)));
        var used = new HashSet<Guid>();
        foreach (var row in labelled)
        {
            var match = byKey[($"{row.Row.Payee} — {row.Row.Memo}", Math.Round((decimal)row.Row.Amount, 2))].FirstOrDefault(t => !used.Contains(t.Id))
                ?? throw new InvalidOperationException($"No stored row for {row.Row}; stored e.g. {string.Join(" | ", stored.Take(3).Select(t => $"{t.Memo} {CashFlow.SignedAmount(t)} {t.TradeDate}"))}");
            used.Add(match.Id);
            db.TransactionCategories.Add(new TransactionCategory
            {
                TransactionId = match.Id,
                HouseholdId = householdId,
                CategoryId = tree.Single(c => c.Path == row.Label).Id,
                Source = CategorySource.Manual,
            });
        }

        await db.SaveChangesAsync();
        Assert.Equal(600, used.Count);
    }

    private static async Task<List<CategorisedTransactionDto>> ListAsync(HttpClient client, string h, DateOnly from, DateOnly to) =>
        [.. (await (await client.GetAsync($"{h}/categories/transactions?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&pageSize=100")).ReadAsync<CategorisedTransactionsPage>()).Items];
}
