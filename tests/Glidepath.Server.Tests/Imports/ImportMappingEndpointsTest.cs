using System.Net;
using System.Text;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Imports;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Imports;

/// <summary><c>/api/accounts/{accountId}/import-mapping</c>: saved per account, owner-scoped, the CLI's JSON, and reused for the next file.</summary>
public class ImportMappingEndpointsTest
{
    // A broker no preset knows (hand-made): day-first dates, decimal commas, its own action words.
    private const string Mapping = """
        { "date": "Booking day", "dateFormat": "dd.MM.yyyy", "action": "What happened", "symbol": "Ticker", "quantity": "Pieces",
          "price": "Unit price", "amount": "Cash", "fees": "Charges", "decimalSeparator": ",",
          "actions": { "Cash in": "Deposit", "Purchase": "Buy", "Custody fee": "Fee" } }
        """;

    private const string January = "Booking day,What happened,Ticker,Pieces,Unit price,Cash,Charges\n"
        + "15.01.2024,Cash in,,,,\"5000,00\",\n16.01.2024,Purchase,MSFT,10,\"370,50\",\"-3705,00\",\"1,00\"\n";

    private const string February = "Booking day,What happened,Ticker,Pieces,Unit price,Cash,Charges\n"
        + "01.02.2024,Purchase,MSFT,2,\"400,00\",\"-800,00\",\n29.02.2024,Custody fee,,,,\"-4,20\",\n";

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SavedMapping_RoundTrips_AsTheCliJson_IsReusedForTheNextFile_AndDeletes(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, household, account) = await AccountAsync(app);
        var url = $"/api/accounts/{account}/import-mapping";
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync(url)).StatusCode);

        var saved = await (await client.PutAsync(url, new StringContent(Mapping, Encoding.UTF8, "application/json"))).ReadAsync<ColumnMapping>();
        Assert.Equal(("Booking day", "Pieces", ',', TransactionType.Fee), (saved.Date, saved.Quantity, saved.DecimalSeparator, saved.Actions["Custody fee"]));

        // What GET answers is a file the CLI's --mapping reads as the same mapping.
        var body = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        var (read, error) = ColumnMapping.FromJson(body);
        Assert.Null(error);
        Assert.Equal((saved.Date, saved.Action, saved.Symbol, saved.Price, saved.Amount, saved.Fees, saved.DateFormat), (read!.Date, read.Action, read.Symbol, read.Price, read.Amount, read.Fees, read.DateFormat));
        Assert.Equal(saved.Actions, read.Actions);

        // Both months through the saved mapping: the second file reuses the first file's mapping unchanged.
        Assert.Equal(("mapping", 2, 0), await ImportAsync(client, household, account, January, body));
        Assert.Equal(("mapping", 2, 0), await ImportAsync(client, household, account, February, body));
        Assert.Equal(("mapping", 0, 2), await ImportAsync(client, household, account, January, body)); // a re-import adds nothing

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync(url)).StatusCode);
        await (await client.DeleteAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound, "import-mapping-not-found");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AnotherUsersAccount_Is404_AndItsMappingIsNeitherReadNorWritten(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (owner, _, account) = await AccountAsync(app);
        var url = $"/api/accounts/{account}/import-mapping";
        await (await owner.PutAsync(url, new StringContent(Mapping, Encoding.UTF8, "application/json"))).ReadAsync<ColumnMapping>();
        var stranger = app.CreateClient(await app.CreateUserAsync());

        await (await stranger.GetAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        var other = Mapping.Replace("Pieces", "Stolen", StringComparison.Ordinal);
        await (await stranger.PutAsync(url, new StringContent(other, Encoding.UTF8, "application/json"))).ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        await (await stranger.DeleteAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");

        Assert.Equal("Pieces", (await (await owner.GetAsync(url)).ReadAsync<ColumnMapping>()).Quantity);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task MappingAnImportWouldRefuse_Answers400_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, _, account) = await AccountAsync(app);
        var url = $"/api/accounts/{account}/import-mapping";

        foreach (var bad in new[]
        {
            """{ "date": "D", "action": "A", "actions": {} }""",
            """{ "date": "D", "action": "A", "actions": { "Move": "TransferIn" } }""",
            """{ "date": "D", "action": "A", "dateFormat": "yyyy", "actions": { "Buy": "Buy" } }""",
            // JSON nulls (found by fuzzing: they were a 500).
            """{ "date": "D", "action": "A", "actions": null }""",
            """{ "date": null, "action": "A", "dateFormat": null, "actions": { "Buy": "Buy" } }""",
        })
        {
            await (await client.PutAsync(url, new StringContent(bad, Encoding.UTF8, "application/json"))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync(url)).StatusCode);
    }

    private static async Task<(string Layout, int Imported, int Duplicates)> ImportAsync(HttpClient client, Guid household, Guid account, string csv, string mapping)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "statement.csv" },
            { new StringContent(mapping, Encoding.UTF8), "mapping" },
        };
        var result = await (await client.PostAsync($"/api/households/{household}/imports/transactions?accountId={account}", form)).ReadAsync<ImportResultDto>();
        return (result.Layout, result.Imported, result.DuplicatesSkipped);
    }

    private static async Task<(HttpClient Client, Guid Household, Guid Account)> AccountAsync(GlidepathApp app)
    {
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        return (client, household.Id, account.Id);
    }
}
