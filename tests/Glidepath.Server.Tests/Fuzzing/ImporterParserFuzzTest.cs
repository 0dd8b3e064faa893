using System.Diagnostics;
using FsCheck.Fluent;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Prices;
using Glidepath.Infrastructure.Import.Transactions;
using Xunit.Abstractions;

namespace Glidepath.Server.Tests.Fuzzing;

/// <summary>
/// The bulk of the importer fuzzing, in memory: mutated real files (<see cref="CsvFiles"/>) through the
/// CSV reader, layout detection, every row's parse and the transaction validator (transaction files), and
/// header, date-order and close parsing (price files), exactly as the importers call them, without a
/// database. A hostile file must come back as errors, never as an exception. <see cref="ImporterFuzzTest"/>
/// sends fewer inputs through the whole importers and the HTTP routes.
/// </summary>
public class ImporterParserFuzzTest(ITestOutputHelper output)
{
    private const int Inputs = 70_000;

    [Fact]
    public async Task Parsers_MutatedRealFiles_ReportErrors_NeverThrow()
    {
        var clock = Stopwatch.StartNew();
        var run = new FuzzRun("importer parsers", output);
        var (transactions, prices) = CsvFiles.Corpus();
        var inputs = (from file in CsvFiles.Mutated(transactions) select (Prices: false, File: file))
            .Sample(FuzzRun.Scaled(Inputs / 2), FuzzRun.Random("parse transactions"), 10)
            .Concat((from file in CsvFiles.Mutated(prices) select (Prices: true, File: file))
                .Sample(FuzzRun.Scaled(Inputs / 2), FuzzRun.Random("parse prices"), 10));
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (input, ct) =>
        {
            try
            {
                var errors = new ImportErrors(1000);
                using var csv = new MemoryStream(CsvFiles.Bytes(input.File));
                bool accepted;
                if (input.Prices)
                {
                    await using var reader = CsvCells.Open(csv, errors);
                    accepted = await ParsePricesAsync(reader, errors, ct);
                }
                else
                {
                    accepted = await ParseTransactionsAsync(csv, errors, ct);
                }

                run.Count(accepted && errors.Count == 0 ? 200 : 422);
            }
            catch (Exception e)
            {
                run.Count(500);
                run.Fail($"{(input.Prices ? "price" : "transaction")} parser threw {e.GetType().Name}: {e.Message} for {Cut(input.File)}");
            }
        });

        run.Report(clock.Elapsed);
    }

    private static async Task<bool> ParseTransactionsAsync(Stream csv, ImportErrors errors, CancellationToken ct)
    {
        var (head, file) = await FileHead.ReadAsync(csv, ct);
        if (BrokerLayouts.Detect(head) is not { } layout)
        {
            return false;
        }

        await foreach (var parse in layout.ReadAsync(file, errors, ct))
        {
            foreach (var error in parse.Errors)
            {
                errors.Add(error);
            }

            foreach (var row in parse.Rows)
            {
                // What the import run validates before a row reaches the ledger (the account and instrument come from the database there).
                var transaction = new Transaction
                {
                    AccountId = Guid.NewGuid(),
                    Type = row.Type,
                    TradeDate = row.TradeDate,
                    SettlementDate = row.SettlementDate,
                    InstrumentId = row.Symbol.Length > 0 || row.Isin is not null ? Guid.NewGuid() : null,
                    Quantity = row.Quantity,
                    Price = row.Price,
                    Fees = row.Fees,
                    Amount = row.Amount,
                    Currency = row.Currency ?? Domain.Currencies.Currency.Usd,
                    FxRate = row.FxRate ?? 1m,
                    SplitNumerator = row.SplitNumerator,
                    SplitDenominator = row.SplitDenominator,
                    Memo = row.Memo,
                    ExternalId = row.ExternalId,
                };
                foreach (var error in TransactionValidator.Validate(transaction))
                {
                    errors.Add(new ImportError(row.Row, layout.ColumnFor(error.Field), error.Message));
                }
            }
        }

        return true;
    }

    private static async Task<bool> ParsePricesAsync(CsvHelper.CsvReader reader, ImportErrors errors, CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct))
        {
            return false;
        }

        var header = CsvCells.IndexHeader(reader);
        var (_, columns, headerError) = PriceLayouts.Columns(reader, header, "FUZZ");
        if (headerError is not null)
        {
            return false;
        }

        var order = new PriceImporter.DateOrder();
        var dateColumn = header["Date"];
        while (await reader.ReadAsync(ct))
        {
            var row = CsvCells.Row(reader);
            var dateText = CsvCells.Cell(reader, dateColumn);
            if (!CsvCells.TryParseIsoDate(dateText, out var date) || order.Refuse(date) is not null)
            {
                errors.Add(new ImportError(row, "Date", dateText));
                continue;
            }

            foreach (var (index, column, _) in columns)
            {
                if (PriceImporter.ParseClose(CsvCells.Cell(reader, index), out _) is { } cellError)
                {
                    errors.Add(new ImportError(row, column, cellError));
                }
            }
        }

        return true;
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
