using Glidepath.Domain.Instruments;

namespace Glidepath.Domain.TaxLots.WashSales;

/// <summary>
/// Groups of instruments that are substantially identical for the wash-sale rule: an instrument
/// with itself, instruments sharing an ISIN, and the pairs the household marks (transitively:
/// A~B and B~C puts A, B and C in one group). An instrument not listed is only identical to itself.
/// </summary>
public sealed class SubstantiallyIdenticalSecurities
{
    private readonly Dictionary<Guid, Guid> parent = [];

    public SubstantiallyIdenticalSecurities(IEnumerable<Instrument> instruments, IEnumerable<SubstantiallyIdenticalPair>? pairs = null)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var byIsin = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var instrument in instruments)
        {
            if (string.IsNullOrWhiteSpace(instrument.Isin))
            {
                continue;
            }

            if (byIsin.TryGetValue(instrument.Isin.Trim(), out var first))
            {
                Union(first, instrument.Id);
            }
            else
            {
                byIsin[instrument.Isin.Trim()] = instrument.Id;
            }
        }

        foreach (var pair in pairs ?? [])
        {
            Union(pair.First, pair.Second);
        }
    }

    /// <summary>Only an instrument with itself.</summary>
    public static SubstantiallyIdenticalSecurities SameInstrumentOnly { get; } = new([]);

    /// <summary>A representative of the instrument's group: two instruments are identical when their groups are equal.</summary>
    public Guid GroupOf(Guid instrumentId)
    {
        var root = instrumentId;
        while (parent.TryGetValue(root, out var next))
        {
            root = next;
        }

        return root;
    }

    public bool AreIdentical(Guid first, Guid second) => GroupOf(first) == GroupOf(second);

    private void Union(Guid a, Guid b)
    {
        var (rootA, rootB) = (GroupOf(a), GroupOf(b));
        if (rootA != rootB)
        {
            // The smaller id is the root, so groups do not depend on the order pairs are listed in.
            if (rootA.CompareTo(rootB) < 0)
            {
                parent[rootB] = rootA;
            }
            else
            {
                parent[rootA] = rootB;
            }
        }
    }
}
