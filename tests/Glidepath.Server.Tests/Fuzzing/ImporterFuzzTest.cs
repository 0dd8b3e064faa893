using System.Diagnostics;
using System.Net.Http.Headers;
using FsCheck.Fluent;
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
/// Fuzzes both importers with mutated real files (<see cref="CsvFiles"/>): called directly, a
/// rejected file must come back as a value (never an exception); over HTTP (raw CSV and multipart
/// uploads, strict and skip-invalid) every answer must be below 500 and every 4xx problem JSON.
/// </summary>
public class ImporterFuzzTest(ITestOutputHelper output)
{
    private const int Direct = 60_000;

    private const int OverHttp = 10_000;

    [Fact]
    public async Task Importers_MutatedRealFiles_RejectAsValues_AndAnswerBelow500()
    {
        var clock = Stopwatch.StartNew();
        var run = new FuzzRun("importers", output);
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite, settings: ApiFuzzTest.Settings);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var accounts = new[] { await client.AccountAsync(household.Id), await client.AccountAsync(household.Id, name: "Second") };
        var (transactions, prices) = CsvFiles.Corpus();

        var direct = (from file in CsvFiles.Mutated(transactions)
                      from account in FsCheck.Fluent.Gen.Choose(0, 1)
                      from skip in FsCheck.Fluent.Gen.Elements(true, false)
                      select (Kind: "transactions", File: file, Account: accounts[account].Id, Skip: skip))
            .Sample(FuzzRun.Scaled(Direct / 2), FuzzRun.Random("direct transactions"), 10)
            .Concat((from file in CsvFiles.Mutated(prices) from skip in FsCheck.Fluent.Gen.Elements(true, false) select (Kind: "prices", File: file, Account: Guid.Empty, Skip: skip))
                .Sample(FuzzRun.Scaled(Direct / 2), FuzzRun.Random("direct prices"), 10));
        await Parallel.ForEachAsync(direct, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (input, ct) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            using var csv = new MemoryStream(CsvFiles.Bytes(input.File));
            var options = new ImportOptions { SkipInvalid = input.Skip };
            try
            {
                var result = input.Kind == "prices"
                    ? await scope.ServiceProvider.GetRequiredService<PriceImporter>().ImportAsync(csv, "FUZZ", options, ct)
                    : await scope.ServiceProvider.GetRequiredService<TransactionImporter>().ImportAsync(input.Account, csv, options, ct);
                run.Count(result.Rejected ? 422 : 200);
            }
            catch (Exception e)
            {
                run.Count(500);
                run.Fail($"{input.Kind} importer threw {e.GetType().Name}: {e.Message} for {Cut(input.File)}");
            }
        });

        var http = (from file in CsvFiles.Mutated(transactions.Concat(prices).ToList())
                    from isPrices in FsCheck.Fluent.Gen.Elements(true, false)
                    from multipart in FsCheck.Fluent.Gen.Elements(true, false)
                    from skip in FsCheck.Fluent.Gen.Elements("true", "false", "", "maybe")
                    from account in FsCheck.Fluent.Gen.Elements(accounts[0].Id.ToString(), Guid.Empty.ToString(), "x", "")
                    select (File: file, Prices: isPrices, Multipart: multipart, Skip: skip, Account: account))
            .Sample(FuzzRun.Scaled(OverHttp), FuzzRun.Random("http imports"), 10);
        await Parallel.ForEachAsync(http, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (input, ct) =>
        {
            var url = input.Prices
                ? $"/api/imports/prices?symbol=FUZZ&skipInvalid={input.Skip}"
                : $"/api/households/{household.Id}/imports/transactions?accountId={input.Account}&skipInvalid={input.Skip}";
            using var content = Upload(input.File, input.Multipart);
            using var response = await client.PostAsync(url, content, ct);
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
