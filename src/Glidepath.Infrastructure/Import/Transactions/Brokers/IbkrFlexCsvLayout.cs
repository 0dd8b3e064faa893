namespace Glidepath.Infrastructure.Import.Transactions.Brokers;

/// <summary>
/// Interactive Brokers Flex Query as CSV: a Trades query (Buy/Sell, TradeDate, Quantity, TradePrice,
/// CurrencyPrimary, IBCommission…) or a Cash Transactions query (Type, SettleDate, Amount,
/// CurrencyPrimary…), columns in any order; mapping in <see cref="IbkrFlexMapping"/>.
/// </summary>
internal sealed class IbkrFlexCsvLayout : CsvStatementLayout
{
    // Flex field → the CSV column names IB writes for it.
    private static readonly Dictionary<string, string[]> Columns = new(StringComparer.Ordinal)
    {
        ["buySell"] = ["Buy/Sell"],
        ["tradeDate"] = ["TradeDate"],
        ["settleDateTarget"] = ["SettleDateTarget"],
        ["settleDate"] = ["SettleDate"],
        ["reportDate"] = ["ReportDate"],
        ["dateTime"] = ["Date/Time", "DateTime"],
        ["currency"] = ["CurrencyPrimary", "Currency"],
        ["ibCommission"] = ["IBCommission"],
        ["ibCommissionCurrency"] = ["IBCommissionCurrency"],
        ["quantity"] = ["Quantity"],
        ["tradePrice"] = ["TradePrice"],
        ["assetCategory"] = ["AssetClass", "AssetCategory"],
        ["symbol"] = ["Symbol"],
        ["isin"] = ["ISIN"],
        ["description"] = ["Description"],
        ["fxRateToBase"] = ["FXRateToBase"],
        ["tradeID"] = ["TradeID"],
        ["transactionID"] = ["TransactionID"],
        ["type"] = ["Type"],
        ["amount"] = ["Amount"],
    };

    public override string Name => "ibkr-flex-csv";

    protected override string[] HeaderColumns => ["CurrencyPrimary"];

    protected override bool IsHeader(IReadOnlyDictionary<string, int> header) =>
        header.ContainsKey("CurrencyPrimary") && ((header.ContainsKey("Buy/Sell") && header.ContainsKey("TradePrice")) || (header.ContainsKey("Type") && header.ContainsKey("Amount")));

    protected override RowParse Parse(RowCells cells)
    {
        var errors = new List<ImportError>();
        var parse = cells.Text("Buy/Sell").Length > 0 || cells.Text("TradePrice").Length > 0
            ? IbkrFlexMapping.Trade(cells.Row, Field, errors)
            : IbkrFlexMapping.CashTransaction(cells.Row, Field, errors);
        return parse with { Errors = [.. parse.Errors.Select(e => e with { Column = e.Column is { } c ? ColumnOf(c) : null })] };

        string Field(string name) =>
            Columns.TryGetValue(name, out var names) ? names.Select(cells.Text).FirstOrDefault(t => t.Length > 0) ?? "" : "";
    }

    public override string ColumnFor(string property) => property switch
    {
        nameof(Domain.Transactions.Transaction.InstrumentId) => "ISIN",
        nameof(Domain.Transactions.Transaction.Type) => "Buy/Sell or Type",
        _ => property,
    };

    private static string ColumnOf(string field) => Columns.TryGetValue(field, out var names) ? names[0] : field;
}
