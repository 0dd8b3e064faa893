using FsCheck;
using FsCheck.Fluent;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.Transactions;
using Glidepath.Testing.Ledger;

namespace Glidepath.Domain.Tests.Ledger;

/// <summary>One generated step; its numbers are turned into a valid transaction by <see cref="RandomHistory"/>.</summary>
public sealed record HistoryStep(StepKind Kind, int Account, int Instrument, int Gap, int A, int B, int Pick);

public enum StepKind
{
    Buy,
    Sell,
    Split,
    Reinvest,
    Transfer,
}

/// <summary>A generated history script and the seed used to shuffle its transactions.</summary>
public sealed record HistoryScript(HistoryStep[] Steps, int ShuffleSeed)
{
    public override string ToString() => $"seed {ShuffleSeed}: " + string.Join(", ", Steps.Select(s => s.ToString()));
}

public static class LedgerArbitraries
{
    public static Arbitrary<HistoryScript> Scripts()
    {
        var step =
            from kind in Gen.Frequency((4, Gen.Constant(StepKind.Buy)), (4, Gen.Constant(StepKind.Sell)), (1, Gen.Constant(StepKind.Split)),
                (2, Gen.Constant(StepKind.Reinvest)), (2, Gen.Constant(StepKind.Transfer)))
            from account in Gen.Choose(0, 1)
            from instrument in Gen.Choose(0, 1)
            from gap in Gen.Choose(1, 200)
            from a in Gen.Choose(1, 1000)
            from b in Gen.Choose(1, 500)
            from pick in Gen.Choose(1, 100)
            select new HistoryStep(kind, account, instrument, gap, a, b, pick);

        // 40 steps at most keeps quantities within decimal's 28 digits through repeated splits.
        var script =
            from steps in Gen.ListOf(step).Resize(40)
            from seed in Gen.Choose(0, int.MaxValue)
            select new HistoryScript(steps.ToArray(), seed);
        return script.ToArbitrary();
    }
}

/// <summary>
/// Turns a script into a valid history (sales and transfers take at most what is held) and keeps
/// an independent model of what should be held. Each step is on a later day than the one before,
/// so the ledger's in-day order cannot reorder them. Split ratios have denominators of 1 or 2 so
/// that quantities stay exact in decimal.
/// </summary>
internal sealed class RandomHistory
{
    private static readonly (decimal Numerator, decimal Denominator)[] Ratios = [(2m, 1m), (3m, 1m), (3m, 2m), (1m, 2m)];
    private readonly decimal[,] held = new decimal[2, 2];

    private RandomHistory(LotReliefMethod method)
    {
        Accounts = [History.Account("First", method), History.Account("Second", method)];
        Instruments = [History.Instrument("AAA"), History.Instrument("BBB")];
    }

    public LedgerHistoryBuilder History { get; } = new();

    public Account[] Accounts { get; }

    public Instrument[] Instruments { get; }

    /// <summary>Units bought or reinvested, plus split adjustments, less units sold (including cash in lieu), per instrument.</summary>
    public decimal[] ExpectedQuantity { get; } = new decimal[2];

    public decimal SoldQuantity { get; private set; }

    public decimal BasisIn { get; private set; }

    public decimal Held(int account, int instrument) => held[account, instrument];

    public static RandomHistory Interpret(HistoryScript script, LotReliefMethod method)
    {
        var random = new RandomHistory(method);
        var day = LedgerHistoryBuilder.Day("2015-01-02");
        foreach (var step in script.Steps)
        {
            day = day.AddDays(step.Gap);
            random.Apply(step, day);
        }

        return random;
    }

    private void Apply(HistoryStep step, DateOnly day)
    {
        var (a, i) = (step.Account, step.Instrument);
        var account = Accounts[a];
        var instrument = Instruments[i];
        var part = Floor4(held[a, i] * step.Pick / 100m);
        switch (step.Kind)
        {
            case StepKind.Buy:
                var buy = History.Buy(account, instrument, day, step.A / 10m, step.B + step.Pick / 100m, fees: step.Pick % 3);
                Acquired(a, i, buy.Quantity, buy.Quantity * buy.Price + buy.Fees);
                break;
            case StepKind.Reinvest:
                var reinvest = History.Reinvest(account, instrument, day, step.A / 100m, step.B);
                Acquired(a, i, reinvest.Quantity, reinvest.Quantity * reinvest.Price);
                break;
            case StepKind.Sell when part > 0m:
                var sale = History.Sell(account, instrument, day, part, step.B, fees: step.Pick % 2);
                NameLots(sale, step);
                Sold(a, i, part);
                break;
            case StepKind.Transfer when part > 0m:
                History.Transfer(account, Accounts[1 - a], instrument, day, part);
                held[a, i] -= part;
                held[1 - a, i] += part;
                break;
            case StepKind.Split when held[a, i] > 0m:
                Split(step, day);
                break;
        }
    }

    private void Split(HistoryStep step, DateOnly day)
    {
        var (a, i) = (step.Account, step.Instrument);
        var (numerator, denominator) = Ratios[step.A % Ratios.Length];
        var scaled = held[a, i] * numerator / denominator;
        var fraction = scaled - decimal.Floor(scaled);
        var cashInLieu = step.B % 2 == 0 && fraction > 0m;
        History.Split(Accounts[a], Instruments[i], day, numerator, denominator, cashInLieu ? step.Pick : 0m);
        ExpectedQuantity[i] += scaled - held[a, i];
        held[a, i] = scaled;
        if (cashInLieu)
        {
            Sold(a, i, fraction);
        }
    }

    /// <summary>Under specific identification, names part of one open lot (found by replaying so far).</summary>
    private void NameLots(Transaction sale, HistoryStep step)
    {
        if (Accounts[step.Account].ReliefMethod != LotReliefMethod.SpecificIdentification || step.Pick % 4 == 0)
        {
            return;
        }

        History.Transactions.Remove(sale);
        var lots = History.BuildState().Lots.Where(l => l.AccountId == sale.AccountId && l.InstrumentId == sale.InstrumentId).ToList();
        History.Transactions.Add(sale);
        var lot = lots[step.A % lots.Count];
        var named = Floor4(Math.Min(lot.Quantity, sale.Quantity) * step.Pick / 100m);
        if (named > 0m)
        {
            sale.LotSelections.Add(new LotSelection(lot.LotId, named));
        }
    }

    private void Acquired(int account, int instrument, decimal quantity, decimal basis)
    {
        held[account, instrument] += quantity;
        ExpectedQuantity[instrument] += quantity;
        BasisIn += basis;
    }

    private void Sold(int account, int instrument, decimal quantity)
    {
        held[account, instrument] -= quantity;
        ExpectedQuantity[instrument] -= quantity;
        SoldQuantity += quantity;
    }

    private static decimal Floor4(decimal value) => decimal.Floor(value * 10_000m) / 10_000m;
}
