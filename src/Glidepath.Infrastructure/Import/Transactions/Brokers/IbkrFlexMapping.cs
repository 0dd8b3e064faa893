using System.Globalization;
using System.Text.RegularExpressions;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Transactions.Brokers;

/// <summary>
/// Interactive Brokers Flex Query records (trades, cash transactions, corporate actions), the same
/// for the CSV and the XML output: fields are read by name, so <paramref name="field"/> answers both
/// the CSV's column names (TradeDate, CurrencyPrimary, IBCommission) and the XML's attributes
/// (tradeDate, currency, ibCommission). Commissions are negative in the file; amounts are signed.
/// </summary>
internal static partial class IbkrFlexMapping
{
    private static readonly string[] DateFormats = ["yyyyMMdd", "yyyy-MM-dd", "yyyyMMdd;HHmmss", "yyyy-MM-dd, HH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    public static RowParse Trade(int row, Func<string, string> field, List<ImportError> errors)
    {
        var category = field("assetCategory");
        var side = field("buySell").ToUpperInvariant();
        var symbol = field("symbol");
        var isin = field("isin");
        var currency = Currency(row, field, "currency", errors);
        var commissionCurrency = field("ibCommissionCurrency") is { Length: > 0 } c ? Currency(row, field, "ibCommissionCurrency", errors) : currency;
        var date = Date(row, field, "tradeDate", errors);
        var settle = field("settleDateTarget").Length > 0 ? Date(row, field, "settleDateTarget", errors) : date;
        var quantity = Number(row, field, "quantity", errors);
        var price = Number(row, field, "tradePrice", errors);
        var commission = Math.Abs(Number(row, field, "ibCommission", errors));
        var fx = FxRate(row, field, errors);
        var id = field("tradeID") is { Length: > 0 } t ? "ibkr:trade:" + t : null;
        if (errors.Count > 0)
        {
            return RowParse.Failed(errors);
        }

        if (category is "OPT" or "FOP" or "FUT" || (category.Length == 0 && symbol.Contains(' ', StringComparison.Ordinal)))
        {
            return RowParse.NotMapped(row, $"{side} {symbol}", "an option or future: only securities are kept in the ledger.");
        }

        // A currency conversion (CASH category, or a trade without security in the CSV): the ledger keeps cash in the
        // account's currency, so only its commission is booked.
        if (category == "CASH" || (symbol.Length == 0 && isin.Length == 0))
        {
            return commission == 0m
                ? RowParse.NotMapped(row, $"{side} {symbol}".Trim(), "a currency conversion without commission: cash is kept in the account's currency, so it has no effect.")
                : RowParse.Of(Cash(row, TransactionType.Fee, date, commission, commissionCurrency!.Value, commissionCurrency == currency ? fx : null, "FX conversion commission", id));
        }

        var type = side switch
        {
            "BUY" => TransactionType.Buy,
            "SELL" => TransactionType.Sell,
            _ => (TransactionType?)null,
        };
        if (type is null)
        {
            return RowParse.NotMapped(row, side, "a trade that is neither BUY nor SELL.");
        }

        // The commission is in the trade's price when it is in the trade's currency; otherwise it is its own fee.
        var sameCurrency = commissionCurrency == currency;
        var trade = new ImportedRow(
            row, type.Value, date, settle < date ? date : settle, symbol, field("description"), Math.Abs(quantity), price,
            sameCurrency ? commission : 0m, 0m, currency, fx, 0m, 0m, field("description") is { Length: > 0 } d ? d : null, id, isin.Length > 0 ? isin : null);
        return sameCurrency || commission == 0m
            ? RowParse.Of(trade)
            : RowParse.Of(trade, Cash(row, TransactionType.Fee, date, commission, commissionCurrency!.Value, null, "Commission of trade " + (id ?? ""), id is null ? null : id + ":commission"));
    }

    /// <summary>Dividends, payments in lieu, withholding tax (and its refunds), interest, fees, deposits and withdrawals.</summary>
    public static RowParse CashTransaction(int row, Func<string, string> field, List<ImportError> errors)
    {
        var type = field("type");
        var amount = Number(row, field, "amount", errors);
        var currency = Currency(row, field, "currency", errors);
        var dateField = field("settleDate").Length > 0 ? "settleDate" : field("dateTime").Length > 0 ? "dateTime" : "reportDate";
        var date = Date(row, field, dateField, errors);
        var fx = FxRate(row, field, errors);
        var symbol = field("symbol");
        var isin = field("isin") is { Length: > 0 } i ? i : null;
        var memo = field("description") is { Length: > 0 } d ? d : type;
        var id = field("transactionID") is { Length: > 0 } t ? "ibkr:cash:" + t : null;
        if (errors.Count > 0)
        {
            return RowParse.Failed(errors);
        }

        var t2 = type.ToUpperInvariant();
        (TransactionType Type, bool Security)? mapped = t2 switch
        {
            "DIVIDENDS" or "PAYMENT IN LIEU OF DIVIDENDS" when amount > 0 => (TransactionType.Dividend, true),
            // Withholding books as a fee next to the gross dividend; a refund of it as dividend income given back.
            "WITHHOLDING TAX" => amount < 0 ? (TransactionType.Fee, false) : (TransactionType.Dividend, true),
            "BROKER INTEREST RECEIVED" or "BOND INTEREST RECEIVED" when amount > 0 => (TransactionType.Interest, false),
            "BROKER INTEREST PAID" or "OTHER FEES" or "COMMISSION ADJUSTMENTS" or "ADVISOR FEES" => amount < 0 ? (TransactionType.Fee, false) : (TransactionType.Deposit, false),
            "DEPOSITS/WITHDRAWALS" or "DEPOSITS & WITHDRAWALS" => (amount < 0 ? TransactionType.Withdrawal : TransactionType.Deposit, false),
            _ => null,
        };
        if (mapped is not { } m || amount == 0m)
        {
            return RowParse.NotMapped(row, type, amount == 0m ? "a cash transaction of zero." : "a cash transaction type this layout does not know.");
        }

        var cash = Cash(row, m.Type, date, Math.Abs(amount), currency!.Value, fx, memo, id) with
        {
            Symbol = m.Security && isin is null ? symbol : "",
            Isin = m.Security ? isin : null,
            Description = symbol,
        };
        return RowParse.Of(cash);
    }

    /// <summary>Splits ("SPLIT 1 FOR 25") book on the old line's security; the new line is the same event. Other actions are entered by hand.</summary>
    public static RowParse CorporateAction(int row, Func<string, string> field, List<ImportError> errors)
    {
        var description = field("description");
        var quantity = Number(row, field, "quantity", errors);
        var dateField = field("dateTime").Length > 0 ? "dateTime" : "reportDate";
        var date = Date(row, field, dateField, errors);
        if (errors.Count > 0)
        {
            return RowParse.Failed(errors);
        }

        var split = SplitRatio().Match(description);
        if (!split.Success)
        {
            return RowParse.NotMapped(row, description, "a corporate action (tender, merger, spin-off, ISIN change): its effect on lots and basis is entered by hand.");
        }

        if (quantity > 0)
        {
            return RowParse.Ignored;   // the new line of a split: booked with its old line
        }

        // IB's old line names the old listing: "GCM(CA38501D2041) SPLIT 1 FOR 25 (GCM.OLD, …, CA38501D2041)".
        var isin = field("isin") is { Length: > 0 } i ? i : null;
        var symbol = field("symbol");
        symbol = symbol.EndsWith(".OLD", StringComparison.OrdinalIgnoreCase) ? symbol[..^4] : symbol;
        return RowParse.Of(new ImportedRow(
            row, TransactionType.Split, date, date, isin is null ? symbol : "", symbol, 0m, 0m, 0m, 0m, null, null,
            decimal.Parse(split.Groups[1].Value, CultureInfo.InvariantCulture), decimal.Parse(split.Groups[2].Value, CultureInfo.InvariantCulture),
            description, field("transactionID") is { Length: > 0 } t ? "ibkr:ca:" + t : null, isin));
    }

    private static ImportedRow Cash(int row, TransactionType type, DateOnly date, decimal amount, Currency currency, decimal? fx, string? memo, string? id) =>
        new(row, type, date, date, "", "", 0m, 0m, 0m, amount, currency, fx, 0m, 0m, memo, id);

    private static DateOnly Date(int row, Func<string, string> field, string name, List<ImportError> errors)
    {
        var text = field(name);
        // "2024-02-16 12:20:00 AEST": the zone abbreviation and the time are dropped; the date is the statement's.
        var datePart = text.Length >= 10 && text[4] == '-' ? text[..10] : text.Length >= 8 ? text[..8] : text;
        if (DateOnly.TryParseExact(datePart, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && Domain.Calendar.ValidDates.Contains(date))
        {
            return date;
        }

        errors.Add(new ImportError(row, name, $"'{text}' is not an IB date (yyyyMMdd or yyyy-MM-dd)."));
        return default;
    }

    private static decimal Number(int row, Func<string, string> field, string name, List<ImportError> errors)
    {
        var text = field(name);
        if (text.Length == 0)
        {
            return 0m;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new ImportError(row, name, $"'{text}' is not a number."));
        return 0m;
    }

    private static Currency? Currency(int row, Func<string, string> field, string name, List<ImportError> errors)
    {
        var text = field(name);
        if (Domain.Currencies.Currency.TryParse(text, out var currency))
        {
            return currency;
        }

        errors.Add(new ImportError(row, name, $"'{text}' is not a supported ISO-4217 currency code."));
        return null;
    }

    private static decimal? FxRate(int row, Func<string, string> field, List<ImportError> errors)
    {
        var text = field("fxRateToBase");
        if (text.Length == 0)
        {
            return null;
        }

        var rate = Number(row, field, "fxRateToBase", errors);
        return rate > 0m ? rate : null;
    }

    [GeneratedRegex(@"SPLIT (\d+(?:\.\d+)?) FOR (\d+(?:\.\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex SplitRatio();
}
