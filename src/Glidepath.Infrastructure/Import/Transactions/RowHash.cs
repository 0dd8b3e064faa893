using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// The de-duplication key of a row without a broker id: SHA-256 over the parsed, normalised
/// fields (so "100" and "100.00", or a reordered column layout, hash the same), plus the row's
/// occurrence number among identical rows of the file — two identical buys on one day are two
/// transactions, and re-importing the file maps them to the same two keys.
/// </summary>
internal sealed class RowHash
{
    // 128 bits of the hash per distinct row: the only per-row state the importer keeps.
    private readonly Dictionary<UInt128, int> _occurrences = [];

    public string ExternalIdFor(ImportedRow row)
    {
        var text = string.Join('|',
            row.Type, Iso(row.TradeDate), Iso(row.SettlementDate), row.Symbol.ToUpperInvariant(),
            Plain(row.Quantity), Plain(row.Price), Plain(row.Fees), Plain(row.Amount),
            row.Currency?.Code ?? "", Plain(row.FxRate ?? 1m), Plain(row.SplitNumerator), Plain(row.SplitDenominator), row.Memo ?? "")
            + (row.Isin is null ? "" : "|" + row.Isin);   // only when present, so the keys of files stored before ISINs stay the same
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var key = new UInt128(BitConverter.ToUInt64(hash[..8]), BitConverter.ToUInt64(hash[8..16]));
        var occurrence = _occurrences[key] = _occurrences.GetValueOrDefault(key) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"h:{Convert.ToHexStringLower(hash[..16])}:{occurrence}");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Trailing zeros dropped: 100.00 and 100 are the same amount.
    private static string Plain(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
