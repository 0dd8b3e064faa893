namespace Glidepath.Domain.TaxLots;

/// <summary>
/// An account's open lots in one instrument while the ledger is replayed. The list keeps the
/// replay's order (average cost gives the pro-rata remainder to the last lot); the index by lot id
/// makes finding, merging and naming split-off lots constant-time instead of a scan per lookup.
/// </summary>
internal sealed class LotBook
{
    private readonly Dictionary<Guid, OpenLot> byId = [];

    public List<OpenLot> Lots { get; } = [];

    public OpenLot? Find(Guid lotId) => byId.GetValueOrDefault(lotId);

    public bool Contains(Guid lotId) => byId.ContainsKey(lotId);

    public void Add(OpenLot lot)
    {
        byId.Add(lot.LotId, lot);
        Lots.Add(lot);
    }

    /// <summary>Places <paramref name="lot"/> right after <paramref name="existing"/> (a lot split in two stays together).</summary>
    public void InsertAfter(OpenLot existing, OpenLot lot)
    {
        byId.Add(lot.LotId, lot);
        Lots.Insert(Lots.IndexOf(existing) + 1, lot);
    }

    /// <summary>Drops the lots a relief emptied.</summary>
    public void RemoveEmpty()
    {
        foreach (var lot in Lots)
        {
            if (lot.Quantity == 0m)
            {
                byId.Remove(lot.LotId);
            }
        }

        Lots.RemoveAll(l => l.Quantity == 0m);
    }
}
