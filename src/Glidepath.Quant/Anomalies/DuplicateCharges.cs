namespace Glidepath.Quant.Anomalies;

/// <summary>One charge as the duplicate check sees it: who was paid, from which account, when and how much.</summary>
public sealed record Charge(Guid Id, Guid AccountId, DateOnly Date, decimal Amount, string Payee);

/// <summary>A charge that repeats an earlier one (same account, payee and amount, within the window).</summary>
public sealed record DuplicateCharge(Charge Original, Charge Repeat);

/// <summary>
/// Charges booked twice (docs/anomalies.md, "Duplicated charges"). A duplicate of an ordinary purchase is inside a day's
/// usual variation, so no detector on daily totals finds it (bench/README.md: MAD and LSTM recall 0.0–0.1); the
/// transactions themselves show it: the same account paying the same payee the same amount, to the cent, on the same
/// day (by default) or within <c>windowDays</c> after. Same-day is the default because a household buying the same
/// coffee every morning pays one payee the same amount on consecutive days. Payees compare case-insensitively after trimming; an empty payee matches only
/// an empty payee. Each charge repeats at most one earlier charge, and a third equal charge is a second repeat of the first.
/// </summary>
public static class DuplicateCharges
{
    public static IReadOnlyList<DuplicateCharge> Find(IEnumerable<Charge> charges, int windowDays = 0)
    {
        ArgumentNullException.ThrowIfNull(charges);
        ArgumentOutOfRangeException.ThrowIfNegative(windowDays);
        var found = new List<DuplicateCharge>();
        var groups = charges.Where(c => c.Amount != 0m)
            .GroupBy(c => (c.AccountId, c.Amount, Payee: c.Payee.Trim().ToUpperInvariant()));
        foreach (var group in groups)
        {
            var ordered = group.OrderBy(c => c.Date).ThenBy(c => c.Id).ToList();
            Charge? first = null;
            foreach (var charge in ordered)
            {
                if (first is not null && charge.Date.DayNumber - first.Date.DayNumber <= windowDays)
                {
                    found.Add(new DuplicateCharge(first, charge));
                    continue;
                }

                first = charge;
            }
        }

        return [.. found.OrderBy(d => d.Repeat.Date).ThenBy(d => d.Repeat.Id)];
    }

    /// <summary>
    /// The days of a series holding a repeated charge, for the evaluation on <see cref="SyntheticSpending"/> (one account,
    /// purchases without payees: equal amounts on one day).
    /// </summary>
    public static bool[] FlagDays(IReadOnlyList<double[]> purchasesPerDay, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(purchasesPerDay);
        var account = Guid.Empty;
        var charges = purchasesPerDay.SelectMany((day, d) => day.Select((amount, i) =>
            new Charge(new Guid(d, 0, 0, BitConverter.GetBytes((long)i)), account, start.AddDays(d), (decimal)amount, "")));
        var flags = new bool[purchasesPerDay.Count];
        foreach (var duplicate in Find(charges))
        {
            flags[duplicate.Repeat.Date.DayNumber - start.DayNumber] = true;
        }

        return flags;
    }
}
