using System.Net;
using System.Net.Http.Headers;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Imports;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Transactions;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Imports;

/// <summary>
/// <c>POST /api/households/{id}/imports/statement</c>: an OFX file previewed, imported, re-imported; a look-alike refused until
/// decided; a malformed file a 422 problem naming its row; another household's account a 404.
/// </summary>
public class StatementImportEndpointsTest
{
    // The overlap statement of the infrastructure tests (hand-made, OFX 2.2 XML): four lines, FITIDs T-1001..T-1004.
    private static readonly byte[] Ofx = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Imports", "Data", "handmade_bank_overlap.ofx"));

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ImportStatement_PreviewThenImport_ThenReimportAddsNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id, AccountType.Checking, name: "Checking");
        var url = $"/api/households/{household.Id}/imports/statement?accountId={account.Id}";

        var preview = await (await PostAsync(client, url + "&dryRun=true", Ofx)).ReadAsync<ImportResultDto>();
        Assert.Equal(("ofx", 4, 4), (preview.Layout, preview.Imported, preview.Preview.Count));
        Assert.Equal("ACME PAYROLL PPD — Salary & bonus", preview.Preview[1].Memo);
        Assert.Equal(0, (await (await client.GetAsync($"/api/households/{household.Id}/transactions")).ReadAsync<TransactionPage>()).TotalCount);

        var imported = await (await PostAsync(client, url, Ofx, multipart: true)).ReadAsync<ImportResultDto>();
        Assert.Equal((4, 0), (imported.Imported, imported.DuplicatesSkipped));
        var again = await (await PostAsync(client, url, Ofx)).ReadAsync<ImportResultDto>();
        Assert.Equal((0, 4), (again.Imported, again.DuplicatesSkipped));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ImportStatement_LookAlike_Is422UntilDecided_Malformed422_ForeignAccount404(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id, AccountType.Checking, name: "Checking");
        var url = $"/api/households/{household.Id}/imports/statement?accountId={account.Id}";
        // The grocer's purchase entered by hand two days earlier, spelled differently.
        await (await client.PostAsync($"/api/households/{household.Id}/imports/transactions?accountId={account.Id}",
            new StringContent("Date,Type,Amount,Memo\n2024-01-15,Withdrawal,42.10,Corner Grocer\n", System.Text.Encoding.UTF8, "text/csv"))).ReadAsync<ImportResultDto>();

        var preview = await (await PostAsync(client, url + "&dryRun=true", Ofx)).ReadAsync<ImportResultDto>();
        var candidate = Assert.Single(preview.PossibleDuplicates);
        Assert.Equal((1, new DateOnly(2024, 1, 15), "Corner Grocer"), (candidate.Row, candidate.ExistingDate, candidate.ExistingMemo));

        var refused = await (await PostAsync(client, url, Ofx)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "import-rejected");
        Assert.Equal(1, refused.GetProperty("errors")[0].GetProperty("row").GetInt32());
        var skipped = await (await PostAsync(client, url + "&skipRow=1", Ofx)).ReadAsync<ImportResultDto>();
        Assert.Equal((3, 1), (skipped.Imported, skipped.DuplicatesSkipped));

        var malformed = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(Ofx).Replace("<TRNAMT>0.57", "<TRNAMT>0.5.7", StringComparison.Ordinal));
        var problem = await (await PostAsync(client, url.Replace(account.Id.ToString(), (await client.AccountAsync(household.Id, name: "Other")).Id.ToString(), StringComparison.Ordinal), malformed))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "import-rejected");
        Assert.Equal((4, "TRNAMT"), (problem.GetProperty("errors")[0].GetProperty("row").GetInt32(), problem.GetProperty("errors")[0].GetProperty("column").GetString()));

        await (await PostAsync(client, url, "Date,Type\n2024-01-02,Deposit\n"u8.ToArray())).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "import-rejected");
        await (await PostAsync(client, url + "&skipRow=2&keepRow=2", Ofx)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var stranger = app.CreateClient(await app.CreateUserAsync());
        var theirs = await stranger.HouseholdAsync();
        await (await PostAsync(stranger, $"/api/households/{theirs.Id}/imports/statement?accountId={account.Id}", Ofx)).ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        Assert.True((await PostAsync(stranger, url, Ofx)).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, byte[] file, bool multipart = false)
    {
        var body = new ByteArrayContent(file);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-ofx");
        return multipart ? client.PostAsync(url, new MultipartFormDataContent { { body, "file", "statement.ofx" } }) : client.PostAsync(url, body);
    }
}
