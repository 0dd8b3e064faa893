using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Glidepath.Application.Categories;
using Glidepath.Application.Rules;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Households;
using Glidepath.Domain.Rules;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Categories;
using Glidepath.Server.Imports;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Categories;

/// <summary>
/// Categories and rules over HTTP on both providers: the default tree and its edits, categories set on import (rules, then
/// the statement's own, then the payee dictionary), by hand and with split lines, and a rule applied to stored transactions
/// with its preview. Import data: the hand-made QIF bank file and GnuCash's public cbb-export.qif (origins in
/// tests/Glidepath.Infrastructure.Tests/Import/Data/Statements/README.md).
/// </summary>
public class CategoryEndpointsTest
{
    private static readonly byte[] HandmadeQif = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Categories", "Data", "handmade_bank.qif"));
    private static readonly byte[] GnuCashQif = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Categories", "Data", "gnucash_cbb-export.qif"));

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Tree_StartsWithTheDefaults_AndIsEditedPerHousehold(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/categories";

        // 14 top-level categories and 51 children (docs/categories.md lists them); parents before their children.
        var tree = await (await client.GetAsync(url)).ReadAsync<List<CategoryDto>>();
        Assert.Equal((14, 51), (tree.Count(c => c.ParentId is null), tree.Count(c => c.ParentId is not null)));
        Assert.Equal(["Education", "Education/Books", "Education/Courses", "Education/Tuition"], tree.SkipWhile(c => c.Name != "Education").Take(4).Select(c => c.Path));
        Assert.Equal(CategoryKind.Transfer, tree.Single(c => c.Path == "Transfers/Credit card payment").Kind);
        Assert.Equal(65, (await (await client.GetAsync(url)).ReadAsync<List<CategoryDto>>()).Count);   // read again: seeded once

        // Add, rename, move; siblings' names are unique; the tree is two levels deep.
        var pets = await (await client.PostAsync(url, new CategoryRequest("Pets"))).ReadAsync<CategoryDto>(HttpStatusCode.Created);
        var vet = await (await client.PostAsync(url, new CategoryRequest("Vet", pets.Id))).ReadAsync<CategoryDto>(HttpStatusCode.Created);
        Assert.Equal(("Pets/Vet", CategoryKind.Expense), (vet.Path, vet.Kind));
        await (await client.PostAsync(url, new CategoryRequest("pets"))).ReadProblemAsync(HttpStatusCode.Conflict, "duplicate-category");
        await (await client.PostAsync(url, new CategoryRequest("Deeper", vet.Id))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PostAsync(url, new CategoryRequest("A/B"))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var salary = tree.Single(c => c.Path == "Income/Salary");
        var moved = await (await client.PutAsync($"{url}/{vet.Id}", new CategoryRequest("Veterinary", tree.Single(c => c.Path == "Health").Id))).ReadAsync<CategoryDto>();
        Assert.Equal("Health/Veterinary", moved.Path);
        await (await client.PutAsync($"{url}/{pets.Id}", new CategoryRequest("Pets", salary.ParentId))).ReadAsync<CategoryDto>();   // a childless top-level category may become a child
        await (await client.PutAsync($"{url}/{tree.Single(c => c.Path == "Food").Id}", new CategoryRequest("Food", salary.ParentId))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        // Another household has its own tree; this one's ids are not found there.
        var other = await client.HouseholdAsync("Other");
        await (await client.PutAsync($"/api/households/{other.Id}/categories/{pets.Id}", new CategoryRequest("X"))).ReadProblemAsync(HttpStatusCode.NotFound, "category-not-found");
        await (await client.DeleteAsync($"/api/households/{other.Id}/categories/{pets.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "category-not-found");
        var stranger = app.CreateClient(await app.CreateUserAsync());
        Assert.True((await stranger.GetAsync(url)).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_RulesThenStatementThenDictionary_ManualAndSplits_DeleteReassigns(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var h = $"/api/households/{household.Id}";
        var checking = await client.AccountAsync(household.Id, AccountType.Checking, name: "Checking");
        var tree = await (await client.GetAsync($"{h}/categories")).ReadAsync<List<CategoryDto>>();
        Guid Id(string path) => tree.Single(c => c.Path == path).Id;

        // A rule: "corner" in the payee is a restaurant (over the file's own Food:Groceries), tagged.
        var rule = await (await client.PostAsync($"{h}/rules", new RuleRequest("Corner shop", PayeePattern: "corner", SetCategoryId: Id("Food/Restaurants"), AddTags: ["local"])))
            .ReadAsync<RuleDto>(HttpStatusCode.Created);

        // A dry run categorises nothing it keeps.
        await (await PostStatementAsync(client, $"{h}/imports/statement?accountId={checking.Id}&dryRun=true", HandmadeQif)).ReadAsync<ImportResultDto>();
        await using (var db = app.CreateDbContext())
        {
            Assert.Empty(await db.TransactionCategories.ToListAsync());
        }

        var imported = await (await PostStatementAsync(client, $"{h}/imports/statement?accountId={checking.Id}", HandmadeQif)).ReadAsync<ImportResultDto>();
        Assert.Equal(3, imported.Imported);
        await (await client.PostAsync($"{h}/imports/transactions?accountId={checking.Id}",
            new StringContent("Date,Type,Amount,Memo\n2024-02-01,Withdrawal,23.99,AMZN Mktp US*2K3AB1\n2024-02-03,Withdrawal,7.00,CORNER BAKERY 9\n", Encoding.UTF8, "text/csv")))
            .ReadAsync<ImportResultDto>();

        var rows = (await (await client.GetAsync($"{h}/categories/transactions?accountId={checking.Id}")).ReadAsync<CategorisedTransactionsPage>()).Items;
        CategorisedTransactionDto Row(string payee) => rows.Single(r => r.Payee == payee);
        Assert.Equal(("Food/Restaurants", "Rule", rule.Id), (Row("Corner Grocer").CategoryPath, Row("Corner Grocer").Source, Row("Corner Grocer").RuleId!.Value));
        Assert.Equal(["local"], Row("Corner Grocer").Tags);
        Assert.Equal(("Food/Restaurants", "Rule"), (Row("Corner Bakery").CategoryPath, Row("Corner Bakery").Source));   // the CSV import runs the rules too
        Assert.Equal(("Income/Salary", "Statement", 1250m), (Row("Acme Payroll").CategoryPath, Row("Acme Payroll").Source, Row("Acme Payroll").SignedAmount));
        Assert.Equal(("Shopping/Online marketplaces", "Dictionary"), (Row("Amazon").CategoryPath, Row("Amazon").Source));
        // Home Store's split lines: Housing:Repairs is no category of the tree, Food:Groceries is; -60 + -40 = -100.
        var home = Row("Home Store");
        Assert.Null(home.CategoryId);
        Assert.Equal([(1, (string?)null, -60m, (string?)"Paint"), (2, "Food/Groceries", -40m, null)], home.Splits.Select(s => (s.Line, s.CategoryPath, s.Amount, s.Memo)));

        // By hand: a category, a payee and tags; split lines must add up to the signed amount.
        var amazon = Row("Amazon");
        var set = await (await client.PutAsync($"{h}/transactions/{amazon.TransactionId}/category", new CategorisationRequest(Id("Gifts/Gifts given"), "Amazon gift", ["birthday"])))
            .ReadAsync<CategorisedTransactionDto>();
        Assert.Equal(("Gifts/Gifts given", "Amazon gift", "Manual"), (set.CategoryPath, set.Payee, set.Source));
        var unbalanced = await (await client.PutAsync($"{h}/transactions/{amazon.TransactionId}/category",
            new CategorisationRequest(null, Splits: [new SplitLineRequest(Id("Gifts/Gifts given"), -20m), new SplitLineRequest(Id("Food/Groceries"), -4m)]))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("-24", unbalanced.GetRawText(), StringComparison.Ordinal);
        var split = await (await client.PutAsync($"{h}/transactions/{home.TransactionId}/category",
            new CategorisationRequest(null, Splits: [new SplitLineRequest(Id("Housing/Maintenance"), -60m, "Paint"), new SplitLineRequest(Id("Food/Groceries"), -40m)]))).ReadAsync<CategorisedTransactionDto>();
        Assert.Equal(["Housing/Maintenance", "Food/Groceries"], split.Splits.Select(s => s.CategoryPath));

        // Another household's transaction and category are not reachable from here.
        var other = await client.HouseholdAsync("Other");
        await (await client.PutAsync($"/api/households/{other.Id}/transactions/{amazon.TransactionId}/category", new CategorisationRequest(null)))
            .ReadProblemAsync(HttpStatusCode.NotFound, "transaction-not-found");
        var theirs = (await (await client.GetAsync($"/api/households/{other.Id}/categories")).ReadAsync<List<CategoryDto>>()).First();
        await (await client.PutAsync($"{h}/transactions/{amazon.TransactionId}/category", new CategorisationRequest(theirs.Id))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PostAsync($"{h}/rules", new RuleRequest("Theirs", PayeePattern: "x", SetCategoryId: theirs.Id))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        // Deleting Food (and its children) moves its transactions, split lines and rules to Health; without reassignTo they would be uncategorised.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{h}/categories/{Id("Food")}?reassignTo={Id("Health")}")).StatusCode);
        rows = (await (await client.GetAsync($"{h}/categories/transactions")).ReadAsync<CategorisedTransactionsPage>()).Items;
        Assert.Equal("Health", Row("Corner Grocer").CategoryPath);
        Assert.Equal(["Housing/Maintenance", "Health"], Row("Home Store").Splits.Select(s => s.CategoryPath));
        Assert.Equal(Id("Health"), (await (await client.GetAsync($"{h}/rules/{rule.Id}")).ReadAsync<RuleDto>()).SetCategoryId);
        await (await client.DeleteAsync($"{h}/categories/{Id("Health")}?reassignTo={Id("Health")}")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ApplyRule_PreviewsThenChanges_KeepingHandSetCategories(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var h = $"/api/households/{household.Id}";
        var checking = await client.AccountAsync(household.Id, AccountType.Checking, name: "Checking");
        var tree = await (await client.GetAsync($"{h}/categories")).ReadAsync<List<CategoryDto>>();
        Guid Id(string path) => tree.Single(c => c.Path == path).Id;

        // GnuCash's sample: its categories land where the tree has them (Salary, Entertainment, Gifts, Clothing; a split line's Household).
        await (await PostStatementAsync(client, $"{h}/imports/statement?accountId={checking.Id}", GnuCashQif)).ReadAsync<ImportResultDto>();
        var rows = (await (await client.GetAsync($"{h}/categories/transactions")).ReadAsync<CategorisedTransactionsPage>()).Items;
        Assert.Equal(9, rows.Count);
        CategorisedTransactionDto Row(string payee) => rows.Single(r => r.Payee == payee);
        Assert.Equal("Entertainment", Row("Tci").CategoryPath);
        Assert.Equal("Gifts", Row("West Dorm").CategoryPath);
        Assert.Equal("Shopping/Clothing", Row("Scripps College").CategoryPath);
        Assert.Null(Row("At&T/063").CategoryPath);   // "Telephone" is no category here
        Assert.Equal([(null, -53.30m), ("Shopping/Household", -44.75m)], Row("Bofa").Splits.Select(s => (s.CategoryPath, s.Amount)));
        Assert.Equal([("Income/Salary", 143.00m), (null, 50.42m)], Row("Deposit").Splits.Select(s => (s.CategoryPath, s.Amount)));

        // West Dorm set by hand; then a rule for outflows of 30 to 60: a dry run lists the changes and stores nothing.
        await (await client.PutAsync($"{h}/transactions/{Row("West Dorm").TransactionId}/category", new CategorisationRequest(Id("Gifts/Charity")))).ReadAsync<CategorisedTransactionDto>();
        var rule = await (await client.PostAsync($"{h}/rules", new RuleRequest("Mid-size outflows", MinAmount: 30m, MaxAmount: 60m, Direction: Direction.Outflow,
            SetCategoryId: Id("Entertainment/Events"), AddTags: ["review"]))).ReadAsync<RuleDto>(HttpStatusCode.Created);
        var outflows = rows.Where(r => r.SignedAmount is <= -30m and >= -60m).ToList();
        Assert.NotEmpty(outflows);
        var preview = await (await client.PostAsync($"{h}/rules/{rule.Id}/apply?dryRun=true", new { })).ReadAsync<RuleApplicationDto>();
        Assert.Equal((false, outflows.Count, outflows.Count), (preview.Applied, preview.Matched, preview.Changed));
        var handSet = outflows.Any(r => r.Payee == "West Dorm") ? 1 : 0;
        Assert.Equal(handSet, preview.SkippedManual);
        Assert.All(preview.Changes, c => Assert.Equal(["review"], c.TagsAfter));
        Assert.All(preview.Changes.Where(c => rows.Single(r => r.TransactionId == c.TransactionId).Payee != "West Dorm"), c => Assert.Equal("Entertainment/Events", c.CategoryPathAfter));
        await using (var db = app.CreateDbContext())
        {
            var events = Id("Entertainment/Events");
            Assert.Equal(0, await db.TransactionCategories.CountAsync(c => c.CategoryId == events));
        }

        var applied = await (await client.PostAsync($"{h}/rules/{rule.Id}/apply", new { })).ReadAsync<RuleApplicationDto>();
        Assert.Equal((true, preview.Matched, preview.Changed), (applied.Applied, applied.Matched, applied.Changed));
        rows = (await (await client.GetAsync($"{h}/categories/transactions")).ReadAsync<CategorisedTransactionsPage>()).Items;
        Assert.Equal("Gifts/Charity", Row("West Dorm").CategoryPath);
        Assert.All(outflows.Where(o => o.Payee != "West Dorm" && o.Splits.Count == 0), o => Assert.Equal("Entertainment/Events", rows.Single(r => r.TransactionId == o.TransactionId).CategoryPath));
        var again = await (await client.PostAsync($"{h}/rules/{rule.Id}/apply?dryRun=true", new { })).ReadAsync<RuleApplicationDto>();
        Assert.Equal(0, again.Changed);   // applying twice changes nothing more

        // Rules keep their order; a regex that does not compile is refused; an unknown rule is 404.
        var first = await (await client.PostAsync($"{h}/rules", new RuleRequest("First", MemoPattern: "^AE", MemoMatch: TextMatch.Regex, SetPayee: "Employer", Position: 0))).ReadAsync<RuleDto>(HttpStatusCode.Created);
        Assert.Equal([first.Id, rule.Id], (await (await client.GetAsync($"{h}/rules")).ReadAsync<List<RuleDto>>()).Select(r => r.Id));
        await (await client.PostAsync($"{h}/rules", new RuleRequest("Bad", PayeePattern: "([x", PayeeMatch: TextMatch.Regex, SetPayee: "x"))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PostAsync($"{h}/rules", new RuleRequest("No action", PayeePattern: "x"))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PostAsync($"{h}/rules/{Guid.NewGuid()}/apply", new { })).ReadProblemAsync(HttpStatusCode.NotFound, "rule-not-found");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{h}/rules/{rule.Id}")).StatusCode);
        Assert.Equal(0, (await (await client.GetAsync($"{h}/rules")).ReadAsync<List<RuleDto>>()).Single().Position);
    }

    private static Task<HttpResponseMessage> PostStatementAsync(HttpClient client, string url, byte[] file)
    {
        var body = new ByteArrayContent(file);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/qif");
        return client.PostAsync(url, body);
    }
}
