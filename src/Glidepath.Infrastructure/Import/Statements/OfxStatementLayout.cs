using System.Runtime.CompilerServices;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Import.Transactions;

namespace Glidepath.Infrastructure.Import.Statements;

/// <summary>
/// OFX 1.x (SGML), OFX 2.x (XML) and QFX (Quicken's OFX 1.x with an <c>INTU.BID</c>) statements: bank
/// (<c>STMTRS</c>), credit card (<c>CCSTMTRS</c>) and investment (<c>INVSTMTRS</c>). Read whole
/// (<see cref="OfxDocument"/>; the security list that names an investment's ticker follows the
/// transactions). "Row" in errors and previews is the transaction's number in the file (its
/// <c>STMTTRN</c> or investment aggregate, counting from 1); the column is the OFX tag. Mapping in
/// docs/statements.md.
/// </summary>
internal sealed class OfxStatementLayout : IBrokerStatementLayout
{
    /// <summary>A statement's aggregates after its transaction list: inside the list only when the file leaves the list open.</summary>
    private static readonly string[] StatementLevel = ["LEDGERBAL", "AVAILBAL", "BALLIST", "MKTGINFO", "INVPOSLIST", "INVBAL", "INVOOLIST", "INV401K", "INV401KBAL"];

    public string Name => "ofx";

    public bool Detect(FileHead head) => OfxDocument.Looks(head.Text);

    public async IAsyncEnumerable<RowParse> ReadAsync(Stream file, ImportErrors errors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (bytes, tooLarge) = await StatementFile.ReadAllAsync(file, cancellationToken);
        if (tooLarge)
        {
            yield return RowParse.Failed([new ImportError(0, null, $"The statement is larger than {OfxDocument.MaxBytes / 1024 / 1024} MiB.")]);
            yield break;
        }

        var (root, error) = OfxDocument.Parse(bytes);
        if (root is null)
        {
            yield return RowParse.Failed([new ImportError(0, null, error!)]);
            yield break;
        }

        var statements = root.Descendants("STMTRS").Concat(root.Descendants("CCSTMTRS")).Concat(root.Descendants("INVSTMTRS")).ToList();
        if (statements.Count == 0)
        {
            yield return RowParse.Failed([new ImportError(0, null, "The file holds no statement (STMTRS, CCSTMTRS or INVSTMTRS).")]);
            yield break;
        }

        if (statements.Count > 1)
        {
            yield return RowParse.Failed([new ImportError(0, null,
                $"The file holds {statements.Count} statements (lines {string.Join(", ", statements.Select(s => s.Line))}): import one account's statement per file.")]);
            yield break;
        }

        var statement = statements[0];
        Currency? currency = null;
        if (statement.Text("CURDEF") is { } curdef)
        {
            if (!Currency.TryParse(curdef, out var parsed))
            {
                yield return RowParse.Failed([new ImportError(0, "CURDEF", $"'{curdef}' is not an ISO-4217 currency code.")]);
                yield break;
            }

            currency = parsed;
        }

        var securities = Securities(root);
        var number = 0;
        var list = statement.Child("BANKTRANLIST") ?? statement.Child("INVTRANLIST");
        foreach (var record in list?.Children ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (record.Name is "DTSTART" or "DTEND" || StatementLevel.Contains(record.Name))
            {
                continue;   // balances and the like inside a transaction list its file never closed (Nubank)
            }

            var row = ++number;
            yield return RowParse.Guard(row, () => statement.Name == "INVSTMTRS"
                ? Investment(row, record, currency, securities)
                : record.Name == "STMTTRN" ? Bank(row, record, currency) : RowParse.Failed([new ImportError(row, record.Name, $"<{record.Name}> (line {record.Line}) is not a transaction of a bank statement.")]));
        }
    }

    public string ColumnFor(string property) => property switch
    {
        nameof(Transaction.TradeDate) => "DTPOSTED",
        nameof(Transaction.Amount) => "TRNAMT",
        nameof(Transaction.InstrumentId) => "SECID",
        nameof(Transaction.Quantity) => "UNITS",
        nameof(Transaction.Price) => "UNITPRICE",
        nameof(Transaction.Fees) => "COMMISSION",
        nameof(Transaction.Type) => "TRNTYPE",
        nameof(Transaction.FxRate) => "CURRATE",
        nameof(Transaction.Memo) => "NAME",
        nameof(Transaction.ExternalId) => "FITID",
        _ => property,
    };

    /// <summary>A bank or card line: the sign of TRNAMT gives the direction, TRNTYPE names interest, dividends and fees.</summary>
    private static RowParse Bank(int row, OfxElement trn, Currency? currency)
    {
        var errors = new List<ImportError>();
        var type = trn.Text("TRNTYPE") ?? "";
        var date = Date(row, trn, "DTPOSTED", errors);
        var amount = Amount(row, trn, "TRNAMT", errors, required: true);
        var fitId = FitId(row, trn, errors);
        if (trn.Child("CORRECTFITID") is not null)
        {
            return RowParse.NotMapped(row, type, $"a correction ({trn.Text("CORRECTACTION")}) of transaction {trn.Text("CORRECTFITID")}: corrections are not applied to stored rows; enter it by hand.");
        }

        if (errors.Count > 0)
        {
            return RowParse.Failed(errors);
        }

        if (amount == 0m)
        {
            return RowParse.Ignored;   // moves no money (docs/statements.md)
        }

        var (txCurrency, rate) = OriginalCurrency(trn, currency);
        var payee = trn.Child("PAYEE")?.Text("NAME") ?? trn.Text("NAME");
        var kind = (type.ToUpperInvariant(), amount > 0) switch
        {
            ("INT", true) => TransactionType.Interest,
            ("DIV", true) => TransactionType.Dividend,
            ("FEE" or "SRVCHG", false) => TransactionType.Fee,
            (_, true) => TransactionType.Deposit,
            _ => TransactionType.Withdrawal,
        };
        return RowParse.Of(new ImportedRow(
            row, kind, date, date, "", "", 0m, 0m, 0m, Math.Abs(amount), txCurrency, rate, 0m, 0m,
            StatementValues.Memo(payee, trn.Text("MEMO")), StatementValues.ExternalId(fitId)));
    }

    private static RowParse Investment(int row, OfxElement record, Currency? currency, Dictionary<string, Security> securities)
    {
        var errors = new List<ImportError>();
        if (record.Name == "INVBANKTRAN")
        {
            return record.Child("STMTTRN") is { } trn ? Bank(row, trn, currency) : RowParse.Failed([new ImportError(row, "STMTTRN", $"<INVBANKTRAN> (line {record.Line}) has no <STMTTRN>.")]);
        }

        // BUYSTOCK wraps INVBUY; INCOME, REINVEST and others hold INVTRAN directly.
        var body = record.Child("INVBUY") ?? record.Child("INVSELL") ?? record;
        var invtran = body.Child("INVTRAN");
        if (invtran is null)
        {
            return RowParse.Failed([new ImportError(row, "INVTRAN", $"<{record.Name}> (line {record.Line}) has no <INVTRAN>.")]);
        }

        var fitId = FitId(row, invtran, errors);
        var trade = Date(row, invtran, "DTTRADE", errors);
        var settle = invtran.Child("DTSETTLE") is null ? trade : Date(row, invtran, "DTSETTLE", errors);
        var memo = StatementValues.Memo(null, invtran.Text("MEMO"));
        var (txCurrency, rate) = OriginalCurrency(body, currency);
        var security = SecurityOf(row, body, securities, errors);
        switch (record.Name)
        {
            case "BUYSTOCK" or "BUYMF" or "BUYDEBT" or "BUYOTHER" or "SELLSTOCK" or "SELLMF" or "SELLDEBT" or "SELLOTHER":
                {
                    var buy = record.Name.StartsWith("BUY", StringComparison.Ordinal);
                    var units = Amount(row, body, "UNITS", errors, required: true);
                    var price = Amount(row, body, "UNITPRICE", errors, required: true);
                    var total = Amount(row, body, "TOTAL", errors, required: true);
                    var fees = Amount(row, body, "COMMISSION", errors) + Amount(row, body, "FEES", errors) + Amount(row, body, "TAXES", errors) + Amount(row, body, "LOAD", errors);
                    if (errors.Count > 0)
                    {
                        return RowParse.Failed(errors);
                    }

                    var quantity = Math.Abs(units);
                    if (quantity == 0m)
                    {
                        return RowParse.Failed([new ImportError(row, "UNITS", $"<{record.Name}> (line {record.Line}) trades no units.")]);
                    }

                    // The cash that moved decides the unit price, as every preset does (docs/import.md, "Conventions").
                    var unitPrice = total == 0m ? Math.Abs(price) : buy ? (Math.Abs(total) - fees) / quantity : (Math.Abs(total) + fees) / quantity;
                    if (unitPrice < 0m)
                    {
                        return RowParse.Failed([new ImportError(row, "TOTAL", $"TOTAL {total} is less than the fees {fees}.")]);
                    }

                    return RowParse.Of(new ImportedRow(
                        row, buy ? TransactionType.Buy : TransactionType.Sell, trade, settle, security.Symbol, security.Name, quantity, unitPrice, fees, 0m,
                        txCurrency, rate, 0m, 0m, memo, StatementValues.ExternalId(fitId), security.Isin));
                }

            case "INCOME":
                {
                    var total = Amount(row, body, "TOTAL", errors, required: true);
                    var incomeType = body.Text("INCOMETYPE")?.ToUpperInvariant() ?? "";
                    if (errors.Count > 0)
                    {
                        return RowParse.Failed(errors);
                    }

                    if (total <= 0m)
                    {
                        return RowParse.NotMapped(row, "INCOME " + incomeType, $"income of {total} (a reversal) is not imported; enter it by hand.");
                    }

                    var memoWithKind = incomeType is "CGLONG" or "CGSHORT" ? StatementValues.Memo(incomeType == "CGLONG" ? "Long-term capital gain distribution" : "Short-term capital gain distribution", memo) : memo;
                    return incomeType switch
                    {
                        "INTEREST" => RowParse.Of(new ImportedRow(
                            row, TransactionType.Interest, trade, settle, "", "", 0m, 0m, 0m, total, txCurrency, rate, 0m, 0m,
                            StatementValues.Memo(security.Symbol, memo), StatementValues.ExternalId(fitId))),
                        "DIV" or "CGLONG" or "CGSHORT" or "MISC" => RowParse.Of(new ImportedRow(
                            row, TransactionType.Dividend, trade, settle, security.Symbol, security.Name, 0m, 0m, 0m, total, txCurrency, rate, 0m, 0m,
                            memoWithKind, StatementValues.ExternalId(fitId), security.Isin)),
                        _ => RowParse.Failed([new ImportError(row, "INCOMETYPE", $"'{incomeType}' is not an OFX income type (CGLONG, CGSHORT, DIV, INTEREST, MISC).")]),
                    };
                }

            case "REINVEST":
                {
                    var units = Amount(row, body, "UNITS", errors, required: true);
                    var price = Amount(row, body, "UNITPRICE", errors, required: true);
                    var total = Amount(row, body, "TOTAL", errors, required: true);
                    var fees = Amount(row, body, "COMMISSION", errors) + Amount(row, body, "FEES", errors);
                    if (errors.Count > 0)
                    {
                        return RowParse.Failed(errors);
                    }

                    if (fees != 0m)
                    {
                        return RowParse.NotMapped(row, "REINVEST", "a reinvestment with commission or fees is not imported; enter the dividend and the buy by hand.");
                    }

                    return RowParse.Of(new ImportedRow(
                        row, TransactionType.DividendReinvested, trade, settle, security.Symbol, security.Name, Math.Abs(units), Math.Abs(price), 0m, Math.Abs(total),
                        txCurrency, rate, 0m, 0m, memo, StatementValues.ExternalId(fitId), security.Isin));
                }

            case "SPLIT":
                {
                    var numerator = Amount(row, body, "NUMERATOR", errors, required: true);
                    var denominator = Amount(row, body, "DENOMINATOR", errors, required: true);
                    if (errors.Count > 0)
                    {
                        return RowParse.Failed(errors);
                    }

                    return RowParse.Of(new ImportedRow(
                        row, TransactionType.Split, trade, settle, security.Symbol, security.Name, 0m, 0m, 0m, 0m,
                        txCurrency, rate, numerator, denominator, memo, StatementValues.ExternalId(fitId), security.Isin));
                }

            case "MARGININTEREST":
                {
                    var total = Amount(row, body, "TOTAL", errors, required: true);
                    if (errors.Count > 0)
                    {
                        return RowParse.Failed(errors);
                    }

                    return total == 0m ? RowParse.Ignored : RowParse.Of(new ImportedRow(
                        row, total < 0 ? TransactionType.Fee : TransactionType.Interest, trade, settle, "", "", 0m, 0m, 0m, Math.Abs(total), txCurrency, rate, 0m, 0m,
                        StatementValues.Memo("Margin interest", memo), StatementValues.ExternalId(fitId)));
                }

            default:
                return RowParse.NotMapped(row, record.Name,
                    "options, transfers of securities, journals, returns of capital and closures are not imported; enter them by hand (docs/statements.md).");
        }
    }

    private sealed record Security(string Symbol, string Name, string? Isin);

    /// <summary>The statement's securities (SECLIST) by their SECID: ticker and name.</summary>
    private static Dictionary<string, Security> Securities(OfxElement root)
    {
        var securities = new Dictionary<string, Security>(StringComparer.Ordinal);
        foreach (var info in root.Descendants("SECINFO"))
        {
            if (info.Child("SECID") is { } id && Key(id) is { } key)
            {
                var ticker = StatementValues.Squeeze(info.Text("TICKER"));
                var isin = id.Text("UNIQUEIDTYPE") == "ISIN" ? id.Text("UNIQUEID") : null;
                securities.TryAdd(key, new Security(ticker.Length > 0 ? ticker : id.Text("UNIQUEID")!, StatementValues.Squeeze(info.Text("SECNAME")), isin));
            }
        }

        return securities;
    }

    private static string? Key(OfxElement secId) =>
        secId.Text("UNIQUEID") is { Length: > 0 } unique ? (secId.Text("UNIQUEIDTYPE") ?? "") + ":" + unique : null;

    /// <summary>The transaction's security: its ticker from the security list, else its CUSIP or ISIN as the symbol (docs/statements.md).</summary>
    private static Security SecurityOf(int row, OfxElement body, Dictionary<string, Security> securities, List<ImportError> errors)
    {
        if (body.Child("SECID") is not { } secId || Key(secId) is not { } key)
        {
            if (body.Name is "INCOME" or "REINVEST" or "SPLIT" or "INVBUY" or "INVSELL")
            {
                errors.Add(new ImportError(row, "SECID", "The transaction names no security (SECID with UNIQUEID)."));
            }

            return new Security("", "", null);
        }

        if (securities.TryGetValue(key, out var known))
        {
            return known;
        }

        var unique = secId.Text("UNIQUEID")!;
        return new Security(unique, "", secId.Text("UNIQUEIDTYPE") == "ISIN" ? unique : null);
    }

    /// <summary>A transaction in another currency than the statement's (CURRENCY or ORIGCURRENCY with CURRATE, CURSYM).</summary>
    private static (Currency? Currency, decimal? Rate) OriginalCurrency(OfxElement body, Currency? statement)
    {
        if ((body.Child("ORIGCURRENCY") ?? body.Child("CURRENCY")) is { } other
            && Currency.TryParse(StatementValues.Squeeze(other.Text("CURSYM")), out var currency)
            && currency != statement
            && StatementValues.OfxAmount(other.Text("CURRATE")) is { } rate and > 0m)
        {
            return (currency, rate);
        }

        return (statement, null);
    }

    private static DateOnly Date(int row, OfxElement element, string tag, List<ImportError> errors)
    {
        var text = element.Text(tag);
        if (StatementValues.OfxDate(text) is { } date)
        {
            return date;
        }

        errors.Add(new ImportError(row, tag, text is null
            ? $"<{element.Name}> (line {element.Line}) has no <{tag}>."
            : $"'{text}' is not an OFX date (YYYYMMDD, optionally HHMMSS.XXX and [offset:zone])."));
        return default;
    }

    private static decimal Amount(int row, OfxElement element, string tag, List<ImportError> errors, bool required = false)
    {
        var text = element.Text(tag);
        if (text is null && !required)
        {
            return 0m;
        }

        if (StatementValues.OfxAmount(text) is { } amount)
        {
            return amount;
        }

        errors.Add(new ImportError(row, tag, text is null ? $"<{element.Name}> (line {element.Line}) has no <{tag}>." : $"'{text}' is not an OFX amount."));
        return 0m;
    }

    private static string FitId(int row, OfxElement element, List<ImportError> errors)
    {
        if (element.Text("FITID") is { Length: > 0 } fitId)
        {
            return fitId;
        }

        errors.Add(new ImportError(row, "FITID", $"<{element.Name}> (line {element.Line}) has no <FITID>: every OFX transaction has its institution's id."));
        return "";
    }
}
