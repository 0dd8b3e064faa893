using FsCheck;
using FsCheck.Fluent;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Testing.Ledger;

namespace Glidepath.Domain.Tests.TaxLots.WashSales.Reference;

public enum WashStepKind
{
    Buy,
    Sell,
    Reinvest,
    Transfer,
    Split,
}

/// <summary>One generated step of a dense trading history; <see cref="WashSaleHistory"/> turns it into a valid transaction.</summary>
public sealed record WashStep(WashStepKind Kind, int Account, int Instrument, int Gap, int Quantity, int Price, int Pick);

public sealed record WashScript(WashStep[] Steps, int ReliefMethod)
{
    public override string ToString() => $"relief {(LotReliefMethod)ReliefMethod}: " + string.Join(", ", Steps.Select(s => s.ToString()));
}

public static class WashSaleArbitraries
{
    /// <summary>
    /// Many trades a few days apart at prices that swing widely, so most losses are wash sales and
    /// windows overlap (chains, splits of replacement lots, claims on later purchases).
    /// </summary>
    public static Arbitrary<WashScript> Scripts()
    {
        var step =
            from kind in Gen.Frequency((6, Gen.Constant(WashStepKind.Buy)), (6, Gen.Constant(WashStepKind.Sell)), (2, Gen.Constant(WashStepKind.Reinvest)),
                (2, Gen.Constant(WashStepKind.Transfer)), (1, Gen.Constant(WashStepKind.Split)))
            from account in Gen.Choose(0, 3)
            from instrument in Gen.Choose(0, 2)
            from gap in Gen.Frequency((3, Gen.Constant(0)), (8, Gen.Choose(1, 12)), (1, Gen.Choose(13, 60)))
            from quantity in Gen.Choose(1, 5000)
            from price in Gen.Choose(500, 10_000)
            from pick in Gen.Choose(1, 100)
            select new WashStep(kind, account, instrument, gap, quantity, price, pick);
        var script =
            from steps in Gen.ListOf(step).Resize(80)
            from method in Gen.Choose(0, Enum.GetValues<LotReliefMethod>().Length - 1)
            select new WashScript(steps.ToArray(), method);
        return script.ToArbitrary();
    }
}

/// <summary>
/// A household of two taxable accounts (FIFO and the script's relief method), a traditional IRA and
/// a Roth IRA, trading three instruments of which the first two are a marked substantially identical
/// pair. Sales and transfers take at most what is held.
/// </summary>
internal sealed class WashSaleHistory
{
    private static readonly (decimal Numerator, decimal Denominator)[] Ratios = [(2m, 1m), (3m, 2m), (1m, 2m)];
    private readonly decimal[,] held = new decimal[4, 3];

    private WashSaleHistory(LotReliefMethod method)
    {
        Accounts =
        [
            History.Account("Taxable", LotReliefMethod.Fifo),
            History.Account("Second", method),
            History.Account("IRA", type: AccountType.TraditionalIra),
            History.Account("Roth", LotReliefMethod.Hifo, type: AccountType.RothIra),
        ];
        Instruments = [History.Instrument("AAA"), History.Instrument("BBB"), History.Instrument("CCC")];
        Options = new LedgerOptions(Instruments, [new SubstantiallyIdenticalPair(Instruments[0].Id, Instruments[1].Id)]);
    }

    public LedgerHistoryBuilder History { get; } = new();

    public Account[] Accounts { get; }

    public Instrument[] Instruments { get; }

    public LedgerOptions Options { get; }

    public DateOnly LastDay { get; private set; }

    /// <summary>A long script from <see cref="Random"/> (same seed, same script), with the arbitrary's proportions.</summary>
    public static WashScript Seeded(int seed, int steps)
    {
        var random = new Random(seed);
        WashStepKind[] kinds = [.. Enumerable.Repeat(WashStepKind.Buy, 6), .. Enumerable.Repeat(WashStepKind.Sell, 6), WashStepKind.Reinvest,
            WashStepKind.Reinvest, WashStepKind.Transfer, WashStepKind.Transfer, WashStepKind.Split];
        var script = Enumerable.Range(0, steps).Select(_ => new WashStep(
            kinds[random.Next(kinds.Length)], random.Next(4), random.Next(3), random.Next(12), random.Next(1, 5001), random.Next(500, 10_001), random.Next(1, 101)));
        return new WashScript([.. script], random.Next(Enum.GetValues<LotReliefMethod>().Length));
    }

    public static WashSaleHistory Interpret(WashScript script)
    {
        var history = new WashSaleHistory((LotReliefMethod)script.ReliefMethod);
        var day = LedgerHistoryBuilder.Day("2024-01-02");
        foreach (var step in script.Steps)
        {
            // The ledger's in-day order puts splits first and every transfer out before every transfer in
            // (docs/ledger.md): each gets a day of its own so that the model's quantities stay right.
            day = day.AddDays(step.Kind is WashStepKind.Split or WashStepKind.Transfer ? Math.Max(1, step.Gap) : step.Gap);
            history.Apply(step, day);
        }

        history.LastDay = day;
        return history;
    }

    private void Apply(WashStep step, DateOnly day)
    {
        var (a, i) = (step.Account, step.Instrument);
        var part = decimal.Floor(held[a, i] * step.Pick / 100m * 1000m) / 1000m;
        var price = step.Price / 100m;
        switch (step.Kind)
        {
            case WashStepKind.Buy:
                History.Buy(Accounts[a], Instruments[i], day, step.Quantity / 100m, price, fees: step.Pick % 3);
                held[a, i] += step.Quantity / 100m;
                break;
            case WashStepKind.Reinvest:
                History.Reinvest(Accounts[a], Instruments[i], day, step.Quantity / 1000m, price);
                held[a, i] += step.Quantity / 1000m;
                break;
            case WashStepKind.Sell when part > 0m:
                History.Sell(Accounts[a], Instruments[i], day, part, price, fees: step.Pick % 2);
                held[a, i] -= part;
                break;
            case WashStepKind.Transfer when part > 0m:
                var to = (a + 1 + (step.Pick % 3)) % 4;
                History.Transfer(Accounts[a], Accounts[to], Instruments[i], day, part);
                held[a, i] -= part;
                held[to, i] += part;
                break;
            case WashStepKind.Split when held[a, i] > 0m:
                var (numerator, denominator) = Ratios[step.Quantity % Ratios.Length];
                History.Split(Accounts[a], Instruments[i], day, numerator, denominator);
                held[a, i] = held[a, i] * numerator / denominator;
                break;
        }
    }
}
