namespace Glidepath.Domain.TaxLots.WashSales;

/// <summary>
/// The open lots that can still be a wash-sale replacement (units not yet used, <c>ReplacementUsed &lt; Quantity</c>),
/// per group of substantially identical instruments, sorted by acquisition date, then lot id, then
/// account: the order in which a loss sale takes them (docs/wash-sales.md, rule 3). A loss piece
/// finds the lots bought in the 30 days up to its sale by a binary search instead of scanning and
/// sorting every open lot of the household, and lots that are used up leave the index, so a long
/// chain of wash sales costs what it matches, not the number of lots held.
/// The replay reports every change to a lot's quantity or used units (<see cref="Update"/>); entries
/// acquired before the window of the latest sale are dropped, since sales come in date order.
/// </summary>
internal sealed class OpenReplacementIndex(SubstantiallyIdenticalSecurities identical)
{
    private static readonly Comparison<ReplacementCandidate> Order = (a, b) =>
    {
        var c = a.Lot.AcquiredDate.CompareTo(b.Lot.AcquiredDate);
        if (c == 0)
        {
            c = a.Lot.LotId.CompareTo(b.Lot.LotId);
        }

        if (c == 0)
        {
            c = a.AccountId.CompareTo(b.AccountId);
        }

        return c != 0 ? c : a.InstrumentId.CompareTo(b.InstrumentId);
    };

    private static readonly Comparer<ReplacementCandidate> Comparer = Comparer<ReplacementCandidate>.Create(Order);

    private readonly Dictionary<Guid, List<ReplacementCandidate>> byGroup = [];
    private readonly Dictionary<Guid, List<ReplacementCandidate>> byInstrument = [];

    /// <summary>Adds, keeps or removes the lot after its quantity or used units changed; <paramref name="open"/> is false once it left its book.</summary>
    public void Update(Guid accountId, Guid instrumentId, OpenLot lot, bool open = true)
    {
        var list = ListOf(instrumentId);
        var candidate = new ReplacementCandidate(accountId, instrumentId, lot);
        var index = list.BinarySearch(candidate, Comparer);
        if (open && lot.ReplacementUsed < lot.Quantity)
        {
            if (index >= 0)
            {
                list[index] = candidate;   // the same key can only be this lot, or an emptied one it came back as
            }
            else
            {
                list.Insert(~index, candidate);
            }
        }
        else if (index >= 0)
        {
            list.RemoveAt(index);
        }
    }

    /// <summary>
    /// Fills <paramref name="into"/> with the group's open, not fully used lots acquired from
    /// <paramref name="first"/> on, other than <paramref name="soldLotId"/>, in matching order.
    /// </summary>
    public void Candidates(Guid group, DateOnly first, Guid soldLotId, List<ReplacementCandidate> into)
    {
        into.Clear();
        if (!byGroup.TryGetValue(group, out var list))
        {
            return;
        }

        // Sales come in date order, so lots acquired before this window are never candidates again.
        var start = 0;
        while (start < list.Count && list[start].Lot.AcquiredDate < first)
        {
            start++;
        }

        list.RemoveRange(0, start);
        foreach (var candidate in list)
        {
            if (candidate.Lot.LotId != soldLotId && candidate.Lot.ReplacementUsed < candidate.Lot.Quantity)
            {
                into.Add(candidate);
            }
        }
    }

    private List<ReplacementCandidate> ListOf(Guid instrumentId)
    {
        if (!byInstrument.TryGetValue(instrumentId, out var list))
        {
            var group = identical.GroupOf(instrumentId);
            if (!byGroup.TryGetValue(group, out list))
            {
                list = [];
                byGroup[group] = list;
            }

            byInstrument[instrumentId] = list;
        }

        return list;
    }
}

/// <summary>An open lot of some account that a loss sale may take as its replacement.</summary>
internal readonly record struct ReplacementCandidate(Guid AccountId, Guid InstrumentId, OpenLot Lot);
