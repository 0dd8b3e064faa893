namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>Every statement layout, in the order detection tries them (the most specific first, the generic one last).</summary>
internal static class BrokerLayouts
{
    /// <summary>New instances each time: a layout may keep state while it reads one file (e.g. Fidelity's account number).</summary>
    public static IReadOnlyList<IBrokerStatementLayout> All =>
    [
        new Statements.OfxStatementLayout(),
        new Statements.QifStatementLayout(),
        new Brokers.IbkrFlexXmlLayout(),
        new Brokers.IbkrFlexCsvLayout(),
        new SchwabTransactionLayout(),
        new Brokers.FidelityLayout(),
        new Brokers.VanguardUkLayout(),
        new Brokers.ETradeLayout(),
        new Brokers.RobinhoodLayout(),
        new Brokers.DegiroTransactionsLayout(),
        new Brokers.Trading212Layout(),
        new GenericTransactionLayout(),
    ];

    public static IReadOnlyList<string> Names => [.. All.Select(l => l.Name)];

    public static IBrokerStatementLayout? Detect(FileHead head) => All.FirstOrDefault(l => l.Detect(head));

    /// <summary>A bank, card or broker statement's layout (OFX, QFX, QIF; docs/statements.md), or null.</summary>
    public static IBrokerStatementLayout? DetectStatement(FileHead head) =>
        new IBrokerStatementLayout[] { new Statements.OfxStatementLayout(), new Statements.QifStatementLayout() }.FirstOrDefault(l => l.Detect(head));

    public static IBrokerStatementLayout? Find(string name) => All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string Expected => $"Known layouts: {string.Join(", ", Names)} (docs/import.md); a file none of them knows can be imported with a column mapping.";
}
