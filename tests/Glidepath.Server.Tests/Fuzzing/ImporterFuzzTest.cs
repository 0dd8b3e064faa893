using System.Diagnostics;
using System.Net.Http.Headers;
using FsCheck.Fluent;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Prices;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Glidepath.Server.Tests.Fuzzing;

/// <summary>
/// Fuzzes both importers whole with mutated real files (<see cref="CsvFiles"/>): called directly, a
/// rejected file must come back as a value (never an exception); over HTTP (raw CSV and multipart
/// uploads, strict and skip-invalid) every answer must be below 500 and every 4xx problem JSON. Each
/// input goes into an empty household of its own, so an accepted import replays a few rows, not the
/// history of every earlier input (that made the suite quadratic). The parsers get the bulk of the
/// inputs in memory (<see cref="ImporterParserFuzzTest"/>).
/// </summary>
public class ImporterFuzzTest(ITestOutputHelper output)
{
    private const int Direct = 1_200;

    private const int OverHttp = 800;

    [Fact]
    public async Task Importers_MutatedRealFiles_RejectAsValues_AndAnswerBelow500()
    {
        var clock = Stopwatch.StartNew();
        var run = new FuzzRun("importers", output);
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite, settings: ApiFuzzTest.Settings);
        var user = await app.CreateUserAsync(ownHousehold: false);
        var client = app.CreateClient(user);
        var operatorClient = await app.CreateOperatorClientAsync();
        var (transactions, prices) = CsvFiles.Corpus();

        var direct = (from file in CsvFiles.Mutated(transactions)
                      from skip in FsCheck.Fluent.Gen.Elements(true, false)
                      select (Kind: "transactions", File: file, Skip: skip))
            .Sample(FuzzRun.Scaled(Direct / 2), FuzzRun.Random("direct transactions"), 10)
            .Concat((from file in CsvFiles.Mutated(prices) from skip in FsCheck.Fluent.Gen.Elements(true, false) select (Kind: "prices", File: file, Skip: skip))
                .Sample(FuzzRun.Scaled(Direct / 2), FuzzRun.Random("direct prices"), 10));
        await Parallel.ForEachAsync(direct, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (input, ct) =>
        {
            var (householdId, accountId) = await EmptyHouseholdAsync(app, user.Id, ct);
            await using var scope = app.Services.CreateAsyncScope();
            using var csv = new MemoryStream(CsvFiles.Bytes(input.File));
            var options = new ImportOptions { SkipInvalid = input.Skip, HouseholdId = householdId };
            try
            {
                var result = input.Kind == "prices"
                    ? await scope.ServiceProvider.GetRequiredService<PriceImporter>().ImportAsync(csv, "FUZZ", options, ct)
                    : await scope.ServiceProvider.GetRequiredService<TransactionImporter>().ImportAsync(accountId, csv, options, ct);
                run.Count(result.Rejected ? 422 : 200);
            }
            catch (Exception e)
            {
                run.Count(500);
                run.Fail($"{input.Kind} importer threw {e.GetType().Name}: {e.Message} for {Cut(input.File)}");
            }
        });

        var http = (from file in CsvFiles.Mutated(transactions.Concat(prices).ToList())
                    from route in FsCheck.Fluent.Gen.Elements("transactions", "household prices", "shared prices")
                    from multipart in FsCheck.Fluent.Gen.Elements(true, false)
                    from skip in FsCheck.Fluent.Gen.Elements("true", "false", "", "maybe")
                    from account in FsCheck.Fluent.Gen.Elements("own", Guid.Empty.ToString(), "x", "")
                    select (File: file, Route: route, Multipart: multipart, Skip: skip, Account: account))
            .Sample(FuzzRun.Scaled(OverHttp), FuzzRun.Random("http imports"), 10);
        await Parallel.ForEachAsync(http, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (input, ct) =>
        {
            var (householdId, accountId) = await EmptyHouseholdAsync(app, user.Id, ct);
            var account = input.Account == "own" ? accountId.ToString() : input.Account;
            var (caller, url) = input.Route switch
            {
                "shared prices" => (operatorClient, $"/api/imports/prices?symbol=FUZZ&skipInvalid={input.Skip}"),
                "household prices" => (client, $"/api/households/{householdId}/imports/prices?symbol=FUZZ&skipInvalid={input.Skip}"),
                _ => (client, $"/api/households/{householdId}/imports/transactions?accountId={account}&skipInvalid={input.Skip}"),
            };
            using var content = Upload(input.File, input.Multipart);
            using var response = await caller.PostAsync(url, content, ct);
            var status = (int)response.StatusCode;
            run.Count(status);
            if (status >= 500 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
            {
                run.Fail($"{url}: {status} {await response.Content.ReadAsStringAsync(ct)} for {Cut(input.File)}");
            }
        });

        run.CheckLogs(app.Logs.Entries);
        run.Report(clock.Elapsed);
    }

    /// <summary>A household of <paramref name="ownerId"/> with one account and no history, written directly (one insert).</summary>
    private static async Task<(Guid HouseholdId, Guid AccountId)> EmptyHouseholdAsync(GlidepathApp app, Guid ownerId, CancellationToken ct)
    {
        await using var db = app.CreateDbContext();
        var household = new Household { Name = "Fuzz", CreatedUtc = DateTimeOffset.UtcNow };
        var account = new Account { HouseholdId = household.Id, Name = "Fuzz", Type = AccountType.TaxableBrokerage, BaseCurrency = Currency.Usd };
        db.Households.Add(household);
        db.HouseholdOwners.Add(new HouseholdOwner { HouseholdId = household.Id, UserId = ownerId });
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        return (household.Id, account.Id);
    }

    private static HttpContent Upload(string csv, bool multipart)
    {
        var file = new ByteArrayContent(CsvFiles.Bytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        if (!multipart)
        {
            return file;
        }

        return new MultipartFormDataContent { { file, "file", "fuzz.csv" } };
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
