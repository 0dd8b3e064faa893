using System.Net;
using System.Text;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Imports;
using Glidepath.Server.Positions;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Transactions;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Imports;

public class ImportEndpointsTest
{
    private const string GoodFile = """
        Date,Type,Symbol,Quantity,Price,Fees,Amount
        1999-01-04,Deposit,,,,,10000
        1999-01-04,Buy,MSFT,100,70.50,10,
        1999-06-01,Sell,MSFT,40,78.50,10,
        """;

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ImportTransactions_CsvBody_BooksRows_AndReimportAddsNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, account) = await AccountWithMsftAsync(app);

        var result = await (await PostCsv(client, $"{url}/imports/transactions?accountId={account}", GoodFile)).ReadAsync<ImportResultDto>();
        Assert.Equal(("generic", 3, 0), (result.Layout, result.Imported, result.DuplicatesSkipped));

        var again = await (await PostCsv(client, $"{url}/imports/transactions?accountId={account}", GoodFile)).ReadAsync<ImportResultDto>();
        Assert.Equal((0, 3), (again.Imported, again.DuplicatesSkipped));
        var position = Assert.Single((await (await client.GetAsync($"{url}/positions?asOf=1999-12-31")).ReadAsync<PositionsDto>()).Positions);
        Assert.Equal((60m, 116.75m), (position.Quantity, position.Price));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ImportTransactions_MalformedRow_Answers422WithRowAndColumn_AndStoresNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, account) = await AccountWithMsftAsync(app);
        var bad = GoodFile.Replace("100,70.50", "lots,70.50", StringComparison.Ordinal);

        var response = await PostMultipart(client, $"{url}/imports/transactions?accountId={account}", bad);

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "import-rejected");
        var error = problem.GetProperty("errors")[0];
        Assert.Equal((3, "Quantity"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Equal(0, (await (await client.GetAsync($"{url}/transactions")).ReadAsync<TransactionPage>()).TotalCount);

        var skipping = await (await PostMultipart(client, $"{url}/imports/transactions?accountId={account}&skipInvalid=true", bad)).ReadAsync<ImportResultDto>();
        // Without the buy of row 3 the sale of row 4 has nothing to sell: both are left out, the deposit stays.
        Assert.Equal(1, skipping.Imported);
        Assert.Equal([3, 4], skipping.Skipped.Select(e => e.Row));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ImportPrices_WideFile_UpsertsCloses_AndForeignAccountIs404(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, _) = await AccountWithMsftAsync(app);

        // The first rows of examples/data/dowjones30_daily_prices.csv, two of its columns, as an operator (shared reference data).
        var operatorClient = await app.CreateOperatorClientAsync();
        var result = await (await PostCsv(operatorClient, "/api/imports/prices", "date,KO,IBM\n1990-12-31,9.88,27.86\n1991-01-02,9.88,27.86\n1991-01-03,9.84,27.52\n"))
            .ReadAsync<ImportResultDto>();
        Assert.Equal(("wide", 6), (result.Layout, result.Imported));
        Assert.Equal(["IBM", "KO"], result.CreatedInstruments.Order(StringComparer.Ordinal));

        await (await PostCsv(client, $"{url}/imports/transactions?accountId={Guid.NewGuid()}", GoodFile))
            .ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        await (await PostCsv(operatorClient, "/api/imports/prices", "")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ImportTransactions_BrokerStatement_NamesItsLayout_AndUnmappedRowsNeedTheOptIn(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, account) = await AccountWithMsftAsync(app);
        // Robinhood's activity layout: a buy, a dividend with its withholding, and an option trade the ledger does not keep.
        const string robinhood = """
            "Activity Date","Process Date","Settle Date","Instrument","Description","Trans Code","Quantity","Price","Amount"
            "1/2/2024","1/2/2024","1/2/2024","","ACH Deposit","ACH","","","$1,000.00"
            "1/3/2024","1/3/2024","1/4/2024","MSFT","Microsoft","Buy","2","$370.00","($740.00)"
            "3/14/2024","3/14/2024","3/14/2024","MSFT","Cash Div: 2 shares at 0.75","CDIV","","","$1.50"
            "3/14/2024","3/14/2024","3/14/2024","MSFT","Cash Div nra tax withhold","NRAT","","","($0.23)"
            "3/15/2024","3/15/2024","3/15/2024","MSFT","MSFT 4/19/2024 Call $450.00","BTO","1","$2.00","($200.00)"
            """;

        var refused = await (await PostCsv(client, $"{url}/imports/transactions?accountId={account}", robinhood))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "import-rejected");
        Assert.Contains("'BTO' is not imported", refused.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var preview = await (await PostCsv(client, $"{url}/imports/transactions?accountId={account}&skipUnmapped=true&dryRun=true", robinhood)).ReadAsync<ImportResultDto>();
        Assert.Equal(("robinhood", 4), (preview.Layout, preview.Preview.Count));
        Assert.Equal(0, (await (await client.GetAsync($"{url}/transactions")).ReadAsync<TransactionPage>()).TotalCount);

        var result = await (await PostCsv(client, $"{url}/imports/transactions?accountId={account}&skipUnmapped=true", robinhood)).ReadAsync<ImportResultDto>();
        Assert.Equal(("robinhood", 4), (result.Layout, result.Imported));
        Assert.Equal(("BTO", 6), (Assert.Single(result.Unmapped).Action, result.Unmapped[0].Row));
    }

    [Fact]
    public async Task ImportTransactions_FileNoPresetKnows_WithAMappingField_IsImported()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var (client, url, account) = await AccountWithMsftAsync(app);
        const string mapping = """{ "date": "Day", "dateFormat": "dd/MM/yyyy", "action": "What", "symbol": "Ticker", "quantity": "Units", "price": "Each", "amount": "Cash", "actions": { "IN": "Deposit", "BOUGHT": "Buy" } }""";
        var form = new MultipartFormDataContent
        {
            { new StringContent("Day,What,Ticker,Units,Each,Cash\n02/01/2024,IN,,,,1000\n03/01/2024,BOUGHT,MSFT,2,370,-740\n", Encoding.UTF8, "text/csv"), "file", "mine.csv" },
            { new StringContent(mapping, Encoding.UTF8), "mapping" },
        };

        var result = await (await client.PostAsync($"{url}/imports/transactions?accountId={account}", form)).ReadAsync<ImportResultDto>();

        Assert.Equal(("mapping", 2), (result.Layout, result.Imported));
        var bad = new MultipartFormDataContent { { new StringContent("x", Encoding.UTF8, "text/csv"), "file", "mine.csv" }, { new StringContent("{", Encoding.UTF8), "mapping" } };
        await (await client.PostAsync($"{url}/imports/transactions?accountId={account}", bad)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    private static Task<HttpResponseMessage> PostCsv(HttpClient client, string url, string csv) =>
        client.PostAsync(url, new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static Task<HttpResponseMessage> PostMultipart(HttpClient client, string url, string csv)
    {
        var form = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "transactions.csv" } };
        return client.PostAsync(url, form);
    }

    private static async Task<(HttpClient Client, string Url, Guid Account)> AccountWithMsftAsync(GlidepathApp app)
    {
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        await app.MsftAsync();
        return (client, $"/api/households/{household.Id}", account.Id);
    }
}
