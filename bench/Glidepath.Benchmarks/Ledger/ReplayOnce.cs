using Glidepath.Domain.Results;
using System.Diagnostics;
using System.Globalization;
using Glidepath.Benchmarks.Import;
using Glidepath.Domain.Households;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Transactions;

namespace Glidepath.Benchmarks.Ledger;

/// <summary>
/// The import benchmark's ledger replay alone, without a database: the same synthetic file's rows
/// (seed 42) replayed by <see cref="LedgerBuilder"/> with the wash-sale rule, as the store does, and
/// without it. Prints wall, CPU, allocated bytes and the size of the resulting state, so the replay's
/// share of the import and its growth with the file can be seen apart from SQL:
///   dotnet run -c Release --project bench/Glidepath.Benchmarks -- replay-once 100000 [walk|book]
/// </summary>
public static class ReplayOnce
{
    public static void Run(int rows, SyntheticPrices prices = SyntheticPrices.Uniform, SyntheticProfile profile = SyntheticProfile.Dense)
    {
        var account = new Account { Id = SequentialId(int.MaxValue), Name = "Brokerage", Type = AccountType.TaxableBrokerage };
        Measure(account, Transactions(1_000, account.Id, prices, profile), LedgerOptions.Default, print: false);
        var history = Transactions(rows, account.Id, prices, profile);
        Measure(account, history, LedgerOptions.WithoutWashSales, print: true);
        Measure(account, history, LedgerOptions.Default, print: true);
    }

    private static void Measure(Account account, List<Transaction> history, LedgerOptions options, bool print)
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = LedgerBuilder.Build([account], history, options, DateOnly.MaxValue);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var state = result.Expect("replay");
        if (print)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rows={history.Count} washSales={options.ApplyWashSales} elapsed={clock.Elapsed.TotalSeconds:F3} s cpu={cpu.TotalSeconds:F3} s "
                + $"allocated={allocated / 1048576.0:F1} MiB lots={state.Lots.Count} gains={state.RealisedGains.Count} "
                + $"washSales={state.WashSales?.Count ?? 0} disallowed={state.RealisedGains.Sum(g => g.DisallowedLoss):F2}"));
        }
    }

    /// <summary>The synthetic import file's rows as transactions (one instrument id per symbol).</summary>
    private static List<Transaction> Transactions(int rows, Guid accountId, SyntheticPrices prices, SyntheticProfile profile)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        SyntheticBookCsv.Write(writer, rows, seed: 42, profile, prices);
        var instruments = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var list = new List<Transaction>(rows);
        foreach (var line in writer.ToString().Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.TrimEnd('\r').Split(',');
            var symbol = cells[3];
            list.Add(new Transaction
            {
                Id = SequentialId(list.Count + 1_000),
                AccountId = accountId,
                TradeDate = DateOnly.Parse(cells[0], CultureInfo.InvariantCulture),
                SettlementDate = DateOnly.Parse(cells[1], CultureInfo.InvariantCulture),
                Type = Enum.Parse<TransactionType>(cells[2]),
                InstrumentId = symbol.Length == 0 ? null : instruments.TryGetValue(symbol, out var id) ? id : instruments[symbol] = SequentialId(instruments.Count + 1),
                Quantity = Number(cells[4]),
                Price = Number(cells[5]),
                Fees = Number(cells[6]),
                Amount = Number(cells[7]),
                ExternalId = cells[11].Length == 0 ? null : cells[11],
            });
        }

        return list;
    }

    /// <summary>Fixed ids, so that every run replays the same history (ids break ties in the ledger's order).</summary>
    private static Guid SequentialId(int n) => new(n, 0, 0, new byte[8]);

    private static decimal Number(string cell) => cell.Length == 0 ? 0m : decimal.Parse(cell, CultureInfo.InvariantCulture);
}
