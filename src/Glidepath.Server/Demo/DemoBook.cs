namespace Glidepath.Server.Demo;

/// <summary>
/// The generator's own running view of one account (cash and lots), so it only ever writes
/// transactions that the ledger will accept: no sale of more than is held, no overdrawn cash.
/// Unnamed sales relieve first-in first-out here; the ledger applies the account's real method,
/// which changes which lots go but never how many units remain.
/// </summary>
internal sealed class DemoBook
{
    public decimal Cash { get; set; }

    public List<DemoLot> Lots { get; } = [];

    public decimal Quantity(Guid instrumentId) => Lots.Where(l => l.InstrumentId == instrumentId).Sum(l => l.Quantity);

    /// <summary>Instruments held, in the order they were first bought (deterministic).</summary>
    public IReadOnlyList<Guid> Holdings => [.. Lots.Select(l => l.InstrumentId).Distinct()];

    /// <summary>Takes <paramref name="quantity"/> units, first from the named lots, then oldest first.</summary>
    public void Relieve(Guid instrumentId, decimal quantity, IReadOnlyList<Domain.Transactions.LotSelection> named)
    {
        foreach (var selection in named)
        {
            var lot = Lots.Single(l => l.Id == selection.LotId);
            lot.Quantity -= selection.Quantity;
            quantity -= selection.Quantity;
        }

        foreach (var lot in Lots.Where(l => l.InstrumentId == instrumentId).OrderBy(l => l.Acquired))
        {
            var taken = Math.Min(lot.Quantity, quantity);
            lot.Quantity -= taken;
            quantity -= taken;
        }

        Lots.RemoveAll(l => l.Quantity == 0m);
    }
}

internal sealed class DemoLot
{
    public required Guid Id { get; init; }

    public required Guid InstrumentId { get; init; }

    public required DateOnly Acquired { get; init; }

    public required decimal Quantity { get; set; }

    public required decimal CostPerUnit { get; init; }
}
