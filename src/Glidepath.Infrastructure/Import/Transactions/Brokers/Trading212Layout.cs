using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions.Brokers;

/// <summary>
/// Trading 212 history CSV (Action, Time, ISIN, Ticker, No. of shares, Price / share, Exchange rate,
/// Total, Currency (Total), Withholding tax…). Total is what the account's cash moved, in the account's
/// currency, so trades book at the file's price with the rate implied by Total (cash exact); the
/// account's currency must be the Trading 212 account's. Dividends book net as paid: Trading 212 states
/// the withholding in the security's currency without a rate, so it is kept in the memo.
/// </summary>
internal sealed class Trading212Layout : CsvStatementLayout
{
    private static readonly string[] TimeFormats = ["yyyy-MM-dd"];

    public override string Name => "trading212";

    protected override string[] HeaderColumns => ["Action", "Time", "No. of shares", "Price / share", "Total"];

    protected override RowParse Parse(RowCells cells)
    {
        var action = cells.Text("Action");
        var date = cells.Date("Time", TimeFormats, dropTime: true);
        var total = Math.Abs(cells.Money("Total"));
        var totalCurrency = cells.OptionalCurrency("Currency (Total)");
        var id = cells.OptionalText("ID");
        var ticker = cells.Text("Ticker");
        var isin = cells.OptionalText("ISIN");
        var a = action.ToUpperInvariant();
        if (cells.Errors.Count > 0)
        {
            return RowParse.Failed(cells.Errors);
        }

        if (a.EndsWith(" BUY", StringComparison.Ordinal) || a.EndsWith(" SELL", StringComparison.Ordinal))
        {
            var quantity = cells.Money("No. of shares");
            var price = cells.Money("Price / share");
            var priceCurrency = cells.OptionalCurrency("Currency (Price / share)");
            if (cells.Errors.Count > 0)
            {
                return RowParse.Failed(cells.Errors);
            }

            // Total = units × price ÷ rate (+ fees on buys): the implied rate makes the account's cash exact.
            var sameCurrency = priceCurrency is null || priceCurrency == totalCurrency;
            decimal? rate = sameCurrency || quantity * price == 0m ? null : total / (quantity * price);
            var buy = a.EndsWith(" BUY", StringComparison.Ordinal);
            return RowParse.Of(new ImportedRow(
                cells.Row, buy ? TransactionType.Buy : TransactionType.Sell, date, date, ticker, cells.Text("Name"), quantity,
                sameCurrency ? total / quantity : price, 0m, 0m, sameCurrency ? totalCurrency : priceCurrency, rate, 0m, 0m,
                cells.OptionalText("Name"), id is null ? null : "t212:" + id, isin));
        }

        TransactionType? type = a switch
        {
            "DEPOSIT" => TransactionType.Deposit,
            "WITHDRAWAL" => TransactionType.Withdrawal,
            "INTEREST ON CASH" or "LENDING INTEREST" => TransactionType.Interest,
            _ when a.StartsWith("DIVIDEND", StringComparison.Ordinal) => TransactionType.Dividend,
            _ => null,
        };
        if (type is null || total == 0m)
        {
            return RowParse.NotMapped(cells.Row, action, a.Contains("DISTRIBUTION", StringComparison.Ordinal) || a.Contains("SPLIT", StringComparison.Ordinal)
                ? "a corporate action: its effect on lots and basis is entered by hand."
                : a.Contains("CONVERSION", StringComparison.Ordinal) ? "a currency conversion: cash is kept in the account's currency." : "an action this layout does not know.");
        }

        var withholding = cells.Text("Withholding tax");
        var memo = type is TransactionType.Dividend && withholding.Length > 0
            ? $"{action} (net; withholding tax {withholding} {cells.Text("Currency (Withholding tax)")})"
            : cells.OptionalText("Notes") ?? action;
        return RowParse.Of(new ImportedRow(
            cells.Row, type.Value, date, date, type is TransactionType.Dividend ? ticker : "", cells.Text("Name"), 0m, 0m, 0m, total, totalCurrency, null, 0m, 0m,
            memo, id is null ? null : "t212:" + id, type is TransactionType.Dividend ? isin : null));
    }

    public override string ColumnFor(string property) => property switch
    {
        nameof(Transaction.TradeDate) => "Time",
        nameof(Transaction.InstrumentId) => "ISIN",
        nameof(Transaction.Type) => "Action",
        nameof(Transaction.Quantity) => "No. of shares",
        nameof(Transaction.Amount) => "Total",
        _ => property,
    };
}
