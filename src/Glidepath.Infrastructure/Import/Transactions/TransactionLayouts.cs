using CsvHelper;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>Finds the layout from the header, skipping a broker's title line above it.</summary>
internal static class TransactionLayouts
{
    private static readonly ITransactionLayout[] All = [new SchwabTransactionLayout(), new GenericTransactionLayout()];

    // Schwab puts "Transactions for account … as of …" above the header in some exports.
    private const int MaxTitleLines = 2;

    public static async Task<(ITransactionLayout? Layout, Dictionary<string, int> Header)> DetectAsync(CsvReader reader, CancellationToken cancellationToken)
    {
        for (var line = 0; line <= MaxTitleLines && await reader.ReadAsync(cancellationToken); line++)
        {
            var header = CsvCells.IndexHeader(reader);
            if (All.FirstOrDefault(l => l.Matches(header)) is { } layout)
            {
                return (layout, header);
            }
        }

        return (null, []);
    }

    public static string Expected =>
        "Expected the generic layout (Date,Type,… see docs/import.md) or Schwab's (\"Date\",\"Action\",\"Symbol\",\"Description\",\"Quantity\",\"Price\",\"Fees & Comm\",\"Amount\").";
}
