using Glidepath.Quant.Anomalies;

namespace Glidepath.Quant.Tests.Anomalies;

/// <summary>Charges booked twice (docs/anomalies.md, "Duplicated charges"), on hand-made cases.</summary>
public class DuplicateChargesTests
{
    private static readonly Guid Card = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Checking = Guid.Parse("00000000-0000-0000-0000-0000000000c2");
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static Charge At(int id, Guid account, int day, decimal amount, string payee) =>
        new(new Guid(id, 0, 0, new byte[8]), account, Monday.AddDays(day), amount, payee);

    [Fact]
    public void Find_SameAccountPayeeAndCentOnOneDay_IsARepeat_AndNothingElseIs()
    {
        var charges = new[]
        {
            At(1, Card, 0, 42.17m, "Whole Foods"),
            At(2, Card, 0, 42.17m, " WHOLE FOODS "),   // the repeat: payee differs only in case and spaces
            At(3, Card, 0, 42.18m, "Whole Foods"),     // a cent apart
            At(4, Checking, 0, 42.17m, "Whole Foods"), // another account
            At(5, Card, 0, 42.17m, "Trader Joe's"),    // another payee
            At(6, Card, 1, 4.50m, "Blue Bottle"),      // the same coffee on consecutive days: not a repeat by default
            At(7, Card, 2, 4.50m, "Blue Bottle"),
            At(8, Card, 3, 0m, "Fee reversal"),        // zero amounts never repeat
            At(9, Card, 3, 0m, "Fee reversal"),
        };

        var repeat = Assert.Single(DuplicateCharges.Find(charges));
        Assert.Equal((1, 2), (repeat.Original.Id.ToByteArray()[0], repeat.Repeat.Id.ToByteArray()[0]));
    }

    [Fact]
    public void Find_WithAWindow_TakesTheNextDaysToo_AndAThirdChargeRepeatsTheFirst()
    {
        var charges = new[] { At(1, Card, 0, 9.99m, "Netflix"), At(2, Card, 1, 9.99m, "Netflix"), At(3, Card, 1, 9.99m, "Netflix"), At(4, Card, 3, 9.99m, "Netflix") };

        Assert.Equal([(1, 2), (1, 3)], DuplicateCharges.Find(charges, windowDays: 1).Select(d => ((int)d.Original.Id.ToByteArray()[0], (int)d.Repeat.Id.ToByteArray()[0])));
        Assert.Equal([(1, 2), (1, 3), (1, 4)], DuplicateCharges.Find(charges, windowDays: 3).Select(d => ((int)d.Original.Id.ToByteArray()[0], (int)d.Repeat.Id.ToByteArray()[0])));
        Assert.Equal([(2, 3)], DuplicateCharges.Find(charges).Select(d => ((int)d.Original.Id.ToByteArray()[0], (int)d.Repeat.Id.ToByteArray()[0])));
    }

    [Fact]
    public void FlagDays_OnInjectedSpending_FindsEveryInjectedDuplicate()
    {
        // The injection books a day's largest purchase a second time; those days, and only days with two equal
        // purchases, are flagged. Whether the clean series has equal purchases on a day is counted here independently.
        var spending = SyntheticSpending.Generate(new DateOnly(2015, 1, 1), 3653, seed: 2026);
        var truth = AnomalyInjection.Inject(spending.Totals, seed: 6, spikes: 0, levelShifts: 0, spending.Purchases, duplicatedCharges: 10);

        var flags = DuplicateCharges.FlagDays(truth.Purchases!, spending.Dates[0]);

        var injected = truth.Anomalies.Where(a => a.Kind == AnomalyKind.DuplicatedCharge).Select(a => a.Start).ToHashSet();
        Assert.Equal(10, injected.Count);
        for (var d = 0; d < flags.Length; d++)
        {
            var hasEqual = truth.Purchases![d].GroupBy(a => a).Any(g => g.Count() > 1);
            Assert.Equal(hasEqual, flags[d]);
            Assert.True(!injected.Contains(d) || flags[d], $"day {d} holds an injected duplicate");
        }
    }
}
