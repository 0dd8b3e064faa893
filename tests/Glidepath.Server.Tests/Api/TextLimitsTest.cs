using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Glidepath.Application.Accounts;
using Glidepath.Domain.Households;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Accounts;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Api;

/// <summary>
/// Every free-text field has a length limit (<see cref="TextLimits"/>, the table in docs/security.md): one
/// character past it the API answers 400 naming the field and its limit, an import rejects the row, and
/// nothing is stored, on both providers (on PostgreSQL an over-long name used to reach its varchar column: 500).
/// </summary>
public partial class TextLimitsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AccountName_201Characters_Answers400NamingTheField(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();

        var response = await client.PostAsync($"/api/households/{household.Id}/accounts",
            new CreateAccountRequest(new string('a', 201), AccountType.TaxableBrokerage, "USD", "Bank", null, null, null));

        AssertNamesLimit(await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed"), "name", 200);
        await using var db = app.CreateDbContext();
        Assert.Empty(db.Accounts.Where(a => a.HouseholdId == household.Id));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task TransactionMemo_OverTheLimit_Answers400_AndStoresNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var deposit = Fixtures.Deposit(account.Id, new DateOnly(2000, 1, 3), 100m) with { Memo = new string('m', 1001) };

        var response = await client.PostAsync($"/api/households/{household.Id}/transactions", deposit);

        AssertNamesLimit(await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed"), "memo", 1000);
        await using var db = app.CreateDbContext();
        Assert.Empty(db.Transactions.Where(t => t.AccountId == account.Id));
    }

    /// <summary>Every entry of <see cref="TextLimits.Fields"/> has a case here, and each answers 400 one character past its limit (and is accepted at it, where it is a plain text field).</summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task EveryLimitedField_OneCharacterTooLong_Answers400NamingTheFieldAndLimit(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var h = $"/api/households/{household.Id}";
        var advisor = app.CreateClient(await app.CreateUserAsync(roles: [Glidepath.Infrastructure.Identity.Roles.Advisor], ownHousehold: false));
        object Profile(string? displayName = "Dana", string? credentials = null, string? feeNote = null, string? bio = null) =>
            new { displayName, specialities = new[] { "tax" }, languages = new[] { "en" }, credentials, feeNote, bio };
        var cases = new Dictionary<string, Func<string, Task<HttpResponseMessage>>>(StringComparer.Ordinal)
        {
            ["household.name"] = v => client.PostAsync("/api/households", new { name = v, reportingCurrency = "USD" }),
            ["account.name"] = v => client.PostAsync($"{h}/accounts", new { name = v, type = "TaxableBrokerage" }),
            ["account.institution"] = v => client.PostAsync($"{h}/accounts", new { name = "A", type = "TaxableBrokerage", institution = v }),
            ["account.number"] = v => client.PostAsync($"{h}/accounts", new { name = "A", type = "TaxableBrokerage", number = v }),
            ["account.notes"] = v => client.PostAsync($"{h}/accounts", new { name = "A", type = "TaxableBrokerage", notes = v }),
            ["account.brokerAccountId"] = v => client.PostAsync($"{h}/accounts", new { name = "A", type = "TaxableBrokerage", broker = "ibkr", brokerAccountId = v }),
            ["person.name"] = v => client.PostAsync($"{h}/people", Person(name: v)),
            ["person.state"] = v => client.PostAsync($"{h}/people", Person(state: v)),
            ["person.taxId"] = v => client.PostAsync($"{h}/people", Person(taxId: v)),
            ["person.notes"] = v => client.PostAsync($"{h}/people", Person(notes: v)),
            ["instrument.symbol"] = v => client.PostAsync("/api/instruments", Instrument(household.Id, symbol: v)),
            ["instrument.name"] = v => client.PostAsync("/api/instruments", Instrument(household.Id, name: v)),
            ["instrument.exchange"] = v => client.PostAsync("/api/instruments", Instrument(household.Id, exchange: v)),
            ["instrument.isin"] = v => client.PostAsync("/api/instruments", Instrument(household.Id, isin: v)),
            ["manual asset.name"] = v => client.PostAsync($"{h}/manual-assets", new { name = v, kind = "Asset", category = "Other", currency = "USD" }),
            ["plan.name"] = v => client.PostAsync($"{h}/plans", Planning.PlanningEndpointsTest.Request(v, Planning.PlanningEndpointsTest.Benchmark)),
            ["model portfolio.name"] = v => client.PostAsync($"{h}/model-portfolios", ModelPortfolio(name: v)),
            ["model portfolio.description"] = v => client.PostAsync($"{h}/model-portfolios", ModelPortfolio(description: v)),
            ["model portfolio generation.namePrefix"] = v => client.PostAsync($"{h}/model-portfolios/generate", new { namePrefix = v }),
            ["transaction.memo"] = v => client.PostAsync($"{h}/transactions", Fixtures.Deposit(account.Id, new DateOnly(2000, 1, 3), 1m) with { Memo = v }),
            ["transaction.externalId"] = v => client.PostAsync($"{h}/transactions", Fixtures.Deposit(account.Id, new DateOnly(2000, 1, 3), 1m) with { ExternalId = v }),
            ["advisor grant.advisorEmail"] = v => client.PostAsync($"{h}/advisor-grants", new { advisorEmail = v }),
            ["advisor profile.displayName"] = v => advisor.PutAsync("/api/advisor/profile", Profile(displayName: v)),
            ["advisor profile.credentials"] = v => advisor.PutAsync("/api/advisor/profile", Profile(credentials: v)),
            ["advisor profile.feeNote"] = v => advisor.PutAsync("/api/advisor/profile", Profile(feeNote: v)),
            ["advisor profile.bio"] = v => advisor.PutAsync("/api/advisor/profile", Profile(bio: v)),
            ["consultation review.comment"] = v => client.PostAsync($"{h}/consultations/{Guid.NewGuid()}/review", new { rating = 5, comment = v }),
            ["instrument market data.symbol"] = async v => await (await app.CreateOperatorClientAsync())
                .PutAsync($"/api/admin/instruments/{(await app.MsftAsync()).Id}/market-data", new { provider = "stooq", symbol = v }),
            ["import mapping.date"] = v => client.PutAsync($"/api/accounts/{account.Id}/import-mapping", new { date = v, action = "A", symbol = "S", actions = new Dictionary<string, string> { ["Buy"] = "Buy" } }),
            ["import mapping.actions"] = v => client.PutAsync($"/api/accounts/{account.Id}/import-mapping", new { date = "D", action = "A", symbol = "S", actions = new Dictionary<string, string> { [v] = "Buy" } }),
            ["category.name"] = v => client.PostAsync($"{h}/categories", new { name = v }),
            ["rule.name"] = v => client.PostAsync($"{h}/rules", new { name = v, setPayee = "P" }),
            ["rule.payeePattern"] = v => client.PostAsync($"{h}/rules", new { name = "R", payeePattern = v, setPayee = "P" }),
            ["rule.memoPattern"] = v => client.PostAsync($"{h}/rules", new { name = "R", memoPattern = v, setPayee = "P" }),
            ["registration.email"] = v => app.CreateAnonymousClient().PostAsync("/auth/register", new { email = v, password = "a long enough passphrase 42" }),
        };
        Assert.Equal(TextLimits.Fields.Select(Key).Order(StringComparer.Ordinal), cases.Keys.Order(StringComparer.Ordinal));

        var failures = new List<string>();
        foreach (var limit in TextLimits.Fields)
        {
            using var response = await cases[Key(limit)](TooLong(limit));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !NamesLimit(body, limit.Field, limit.MaxLength))
            {
                failures.Add($"{Key(limit)}: {(int)response.StatusCode} {body}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Households.CountAsync(x => x.Name != "Test household" || x.Id == household.Id));
        Assert.Empty(await db.Transactions.Where(t => t.AccountId == account.Id).ToListAsync());
        Assert.Empty(await db.AdvisorGrants.ToListAsync());
        Assert.Empty(await db.AdvisorProfiles.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task CsvImport_MemoOrSymbolOverTheLimit_RejectsTheRow_AndStoresNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var csv = $"""
            Date,Type,Symbol,Quantity,Price,Amount,Memo
            2000-01-03,Deposit,,,,1000,{new string('m', TextLimits.Memo + 1)}
            2000-01-04,Buy,{new string('S', TextLimits.Symbol + 1)},1,10,,
            2000-01-05,Deposit,,,,5,fine
            """;

        var response = await client.PostAsync($"/api/households/{household.Id}/imports/transactions?accountId={account.Id}", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "import-rejected");
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e.Item1 == 2 && e.Item2 == "Memo" && e.Item3.Contains("1,000 characters", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Item1 == 3 && e.Item2 == "Symbol" && e.Item3.Contains("32 characters", StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        Assert.Empty(await db.Transactions.Where(t => t.AccountId == account.Id).ToListAsync());
        Assert.Empty(await db.Instruments.Where(i => i.HouseholdId == household.Id).ToListAsync());
    }

    /// <summary>The table in docs/security.md is <see cref="TextLimits.Fields"/>, row for row.</summary>
    [Fact]
    public void DocumentedTable_IsTheLimitsTheCodeEnforces()
    {
        var doc = File.ReadAllText(Path.Combine(Fuzzing.CsvFiles.RepositoryRoot(), "docs", "security.md"));
        var section = doc[doc.IndexOf("## Text length limits", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var rows = TableRow().Matches(section)
            .Select(m => new TextLimit(m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim(), int.Parse(m.Groups[3].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(TextLimits.Fields, rows);
    }

    private static string Key(TextLimit limit) => $"{limit.Resource}.{limit.Field}";

    /// <summary>One character too many; an e-mail address that is otherwise valid.</summary>
    private static string TooLong(TextLimit limit) =>
        limit.Field.Contains("mail", StringComparison.OrdinalIgnoreCase) ? new string('a', limit.MaxLength + 1 - "@example.test".Length) + "@example.test" : new string('x', limit.MaxLength + 1);

    private static object Person(string name = "Pat", string? state = null, string? taxId = null, string? notes = null) =>
        new { name, birthDate = "1970-01-01", filingStatus = "Single", country = "US", state, taxId, notes };

    private static object Instrument(Guid householdId, string symbol = "LIMIT", string? name = null, string? exchange = null, string? isin = null) =>
        new { symbol, name, type = "Stock", assetClass = "UsEquity", currency = "USD", exchange, isin, householdId };

    private static object ModelPortfolio(string name = "Model", string? description = null) =>
        new { name, description, allocations = new[] { new { assetClass = "UsEquity", weight = 1m } } };

    private static bool NamesLimit(string body, string field, int limit)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            && messages.EnumerateArray().Any(m => m.GetString()!.Contains(string.Create(CultureInfo.InvariantCulture, $"{limit:N0} characters"), StringComparison.Ordinal));
    }

    private static void AssertNamesLimit(JsonElement problem, string field, int limit) =>
        Assert.True(NamesLimit(problem.GetRawText(), field, limit), problem.GetRawText());

    [GeneratedRegex(@"^\| ([a-z ]+) \| `([A-Za-z]+)` \| ([0-9,]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
