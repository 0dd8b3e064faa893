using System.Globalization;
using System.Text;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;

namespace Glidepath.Domain.TaxLots.WashSales;

/// <summary>
/// A year's realised gains in taxable accounts as CSV in the columns of IRS Form 8949: part (I
/// short-term, II long-term), description (a), date acquired (b), date sold (c), proceeds (d),
/// cost basis (e), code (f: W for a wash sale), adjustment (g: the disallowed loss, positive) and
/// gain or loss (h = d − e + g). Amounts are rounded as <see cref="ReportedGain"/> rounds them
/// (cents, half away from zero, (h) from the rounded columns), the rule the Tax page follows too.
/// Date acquired is the lot's own acquisition date; a tacked holding period shows in the part.
/// A sale of a lot whose basis is unknown (an imported opening lot without cost, booked at zero) says so
/// in its description: "(basis unknown)", for the user to find the basis before filing.
/// </summary>
public static class Form8949Export
{
    public const string Header = "Part,Description,Date acquired,Date sold,Proceeds,Cost basis,Code,Adjustment,Gain or loss";

    /// <summary>The CSV text (no I/O here: a front door writes it where it goes).</summary>
    public static string ToCsv(
        IEnumerable<RealisedGain> gains, int year, IEnumerable<Account> accounts, IEnumerable<Instrument> instruments, IReadOnlySet<Guid>? unknownBasisLots = null)
    {
        ArgumentNullException.ThrowIfNull(gains);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(instruments);
        var taxable = accounts.Where(a => a.Type.IsTaxable()).Select(a => a.Id).ToHashSet();
        var symbols = instruments.ToDictionary(i => i.Id, i => i.Symbol);

        var writer = new StringBuilder(Header + "\n");
        var rows = gains
            .Where(g => g.SoldDate.Year == year && taxable.Contains(g.AccountId))
            .OrderBy(g => g.Term).ThenBy(g => g.SoldDate).ThenBy(g => g.AcquiredDate).ThenBy(g => g.SaleTransactionId).ThenBy(g => g.LotId);
        foreach (var g in rows)
        {
            var reported = new ReportedGain(g, Taxable: true);
            var adjustment = reported.DisallowedLoss;
            var symbol = symbols.TryGetValue(g.InstrumentId, out var s) ? s : g.InstrumentId.ToString();
            writer.Append(string.Join(
                ',',
                g.Term == HoldingTerm.ShortTerm ? "I" : "II",
                Quote(string.Create(CultureInfo.InvariantCulture, $"{g.Quantity:0.########} {symbol}")
                    + (unknownBasisLots?.Contains(g.LotId) == true ? " (basis unknown)" : "")),
                Date(g.AcquiredDate),
                Date(g.SoldDate),
                Amount(reported.Proceeds),
                Amount(reported.CostBasis),
                adjustment > 0m ? "W" : "",
                adjustment > 0m ? Amount(adjustment) : "",
                Amount(reported.ReportableGain)) + "\n");
        }

        return writer.ToString();
    }

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal)
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
