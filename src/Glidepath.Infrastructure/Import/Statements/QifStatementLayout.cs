using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Import.Transactions;

namespace Glidepath.Infrastructure.Import.Statements;

/// <summary>
/// Quicken Interchange Format: <c>!Type:Bank</c>, <c>Cash</c>, <c>CCard</c>, <c>Oth A</c>, <c>Oth L</c>
/// and <c>Invst</c> sections of one account (list sections such as <c>!Type:Cat</c>, <c>!Type:Class</c>,
/// <c>!Type:Security</c> and <c>!Account</c> blocks are read past), after Quicken's published QIF
/// specification: one field a line, its code the first character (<c>D</c> date, <c>T</c>/<c>U</c>
/// amount, <c>P</c> payee, <c>M</c> memo, <c>L</c> category or <c>[transfer account]</c>, <c>N</c>
/// number or investment action, <c>S</c>/<c>E</c>/<c>$</c>/<c>%</c> a split line, <c>Y</c> security,
/// <c>I</c> price, <c>Q</c> quantity, <c>O</c> commission), <c>^</c> ending each record. "Row" is the
/// line a record starts on. Dates and splits: docs/statements.md.
/// </summary>
internal sealed partial class QifStatementLayout : IBrokerStatementLayout
{
    private static readonly string[] TransactionSections = ["BANK", "CASH", "CCARD", "OTH A", "OTH L", "INVST"];
    private static readonly string[] ListSections = ["CAT", "CLASS", "MEMORIZED", "SECURITY", "PRICES", "INVITEM", "TEMPLATE", "BUDGET"];

    public string Name => "qif";

    public bool Detect(FileHead head)
    {
        var first = head.Text.TrimStart().Split('\n', 2)[0].Trim();
        return first.StartsWith("!Type:", StringComparison.OrdinalIgnoreCase)
            || first.StartsWith("!Account", StringComparison.OrdinalIgnoreCase)
            || first.StartsWith("!Option:", StringComparison.OrdinalIgnoreCase)
            || first.StartsWith("!Clear:", StringComparison.OrdinalIgnoreCase);
    }

    public async IAsyncEnumerable<RowParse> ReadAsync(Stream file, ImportErrors errors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (bytes, tooLarge) = await StatementFile.ReadAllAsync(file, cancellationToken);
        if (tooLarge)
        {
            yield return RowParse.Failed([new ImportError(0, null, $"The statement is larger than {OfxDocument.MaxBytes / 1024 / 1024} MiB.")]);
            yield break;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            // Quicken writes the system's ANSI code page; UTF-8 is tried first, Windows-1252 otherwise (docs/statements.md).
            text = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
        }

        var (records, structure) = Records(text);
        if (structure is not null)
        {
            yield return RowParse.Failed([structure]);
            yield break;
        }

        var (dayFirst, orderError) = DateOrder(records);
        if (orderError is not null)
        {
            yield return RowParse.Failed([orderError]);
            yield break;
        }

        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return RowParse.Guard(record.Line, () => record.Section == "INVST" ? Investment(record, dayFirst) : Cash(record, dayFirst));
        }
    }

    public string ColumnFor(string property) => property switch
    {
        nameof(Transaction.TradeDate) or nameof(Transaction.SettlementDate) => "D",
        nameof(Transaction.Amount) => "T",
        nameof(Transaction.InstrumentId) => "Y",
        nameof(Transaction.Quantity) => "Q",
        nameof(Transaction.Price) => "I",
        nameof(Transaction.Fees) => "O",
        nameof(Transaction.Type) => "N",
        nameof(Transaction.Memo) => "P",
        _ => property,
    };

    /// <summary>One record: its section, the line it starts on, its fields in order (code, value).</summary>
    internal sealed record QifRecord(string Section, int Line, IReadOnlyList<(char Code, string Value, int Line)> Fields)
    {
        public string? First(char code) => Fields.FirstOrDefault(f => f.Code == code).Value;
    }

    /// <summary>The transaction records of the file's one account, or the structural error that refuses it.</summary>
    internal static (List<QifRecord> Records, ImportError? Error) Records(string text)
    {
        var records = new List<QifRecord>();
        string? section = null;
        var inAccountList = false;   // between !Option:AutoSwitch and !Clear:AutoSwitch: a list of accounts, not the current one
        var accountBlock = false;
        string? account = null;
        var accountsWithRows = new List<string>();
        var fields = new List<(char, string, int)>();
        var start = 0;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line[0] == '!')
            {
                if (fields.Count > 0)
                {
                    return ([], new ImportError(start, null, $"The record starting on line {start} has no closing '^' before the header on line {lineNumber}."));
                }

                var header = line.Trim();
                accountBlock = false;
                if (header.StartsWith("!Type:", StringComparison.OrdinalIgnoreCase))
                {
                    var name = header[6..].Trim().ToUpperInvariant();
                    if (TransactionSections.Contains(name))
                    {
                        section = name;
                    }
                    else if (ListSections.Contains(name))
                    {
                        section = "LIST";
                    }
                    else
                    {
                        return ([], new ImportError(lineNumber, null, $"'{Cut(header)}' is not a QIF section (!Type:Bank, Cash, CCard, Oth A, Oth L, Invst, or a list: Cat, Class, Memorized, Security, Prices)."));
                    }
                }
                else if (header.Equals("!Account", StringComparison.OrdinalIgnoreCase))
                {
                    section = "ACCOUNT";
                    accountBlock = true;
                }
                else if (header.Equals("!Option:AutoSwitch", StringComparison.OrdinalIgnoreCase))
                {
                    inAccountList = true;
                }
                else if (header.Equals("!Clear:AutoSwitch", StringComparison.OrdinalIgnoreCase))
                {
                    inAccountList = false;
                }
                else if (!header.StartsWith("!Option:", StringComparison.OrdinalIgnoreCase) && !header.StartsWith("!Clear:", StringComparison.OrdinalIgnoreCase))
                {
                    return ([], new ImportError(lineNumber, null, $"'{Cut(header)}' is not a QIF header."));
                }

                continue;
            }

            if (section is null)
            {
                return ([], new ImportError(lineNumber, null, "A QIF file starts with a header such as !Type:Bank; this line comes before any."));
            }

            if (line[0] == '^')
            {
                if (section == "ACCOUNT" && accountBlock && !inAccountList)
                {
                    account = fields.Where(f => f.Item1 == 'N').Select(f => f.Item2).FirstOrDefault() ?? account;
                }
                else if (TransactionSections.Contains(section) && fields.Count > 0)
                {
                    records.Add(new QifRecord(section, start, [.. fields]));
                    var current = account ?? "(the file's account)";
                    if (!accountsWithRows.Contains(current))
                    {
                        accountsWithRows.Add(current);
                    }
                }

                fields.Clear();
                continue;
            }

            if (fields.Count == 0)
            {
                start = lineNumber;
            }

            fields.Add((line[0], line[1..].Trim(), lineNumber));
        }

        if (fields.Count > 0)
        {
            return ([], new ImportError(start, null, $"The file ends inside the record starting on line {start}: it has no closing '^'."));
        }

        if (accountsWithRows.Count > 1)
        {
            return ([], new ImportError(0, null, $"The file holds the transactions of {accountsWithRows.Count} accounts ({string.Join(", ", accountsWithRows.Select(a => "'" + Cut(a) + "'"))}): import one account's file at a time."));
        }

        if (records.Count == 0)
        {
            return ([], new ImportError(0, null, "The file holds no transactions (no record in a !Type:Bank, Cash, CCard, Oth A, Oth L or Invst section)."));
        }

        return (records, null);
    }

    /// <summary>
    /// Whether the file writes the day first: a first part past 12 says so, a second part past 12 says
    /// month first, both is an error; neither is Quicken's US order, month first (docs/statements.md).
    /// </summary>
    internal static (bool DayFirst, ImportError? Error) DateOrder(IEnumerable<QifRecord> records)
    {
        int? dayFirstLine = null, monthFirstLine = null;
        foreach (var record in records)
        {
            foreach (var (code, value, line) in record.Fields)
            {
                if (code == 'D' && DateParts().Match(value) is { Success: true } m)
                {
                    var a = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                    var b = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                    if (a > 12)
                    {
                        dayFirstLine ??= line;
                    }

                    if (b > 12)
                    {
                        monthFirstLine ??= line;
                    }
                }
            }
        }

        return dayFirstLine is { } d && monthFirstLine is { } mf
            ? (false, new ImportError(Math.Max(d, mf), "D", $"The file's dates disagree: line {d} writes the day first, line {mf} the month first."))
            : (dayFirstLine is not null, null);
    }

    private static DateOnly? Date(string text, bool dayFirst)
    {
        if (IsoDate().IsMatch(text))
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? iso : null;
        }

        if (DateParts().Match(text) is not { Success: true } m)
        {
            return null;
        }

        var a = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var yearText = m.Groups[4].Value;
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (yearText.Length == 2)
        {
            // Quicken writes 2000 and later as M/D'YY; a two-digit year after '/' pivots at 50.
            year += m.Groups[3].Value == "'" || year < 50 ? 2000 : 1900;
        }

        var (day, month) = dayFirst ? (a, b) : (b, a);
        return month is >= 1 and <= 12 && year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>A bank, cash, card or other account's record: deposit or withdrawal by the sign of T, splits checked against it.</summary>
    private static RowParse Cash(QifRecord record, bool dayFirst)
    {
        var errors = new List<ImportError>();
        var date = RecordDate(record, dayFirst, errors);
        var amount = RecordAmount(record, 'T', errors, required: true);
        var splits = Splits(record, amount, errors);
        if (errors.Count > 0)
        {
            return RowParse.Failed(errors);
        }

        if (amount == 0m)
        {
            return RowParse.Ignored;
        }

        var category = record.First('L');
        return RowParse.Of(new ImportedRow(
            record.Line, amount > 0 ? TransactionType.Deposit : TransactionType.Withdrawal, date, date, "", "", 0m, 0m, 0m, Math.Abs(amount),
            null, null, 0m, 0m, StatementValues.Memo(record.First('P'), record.First('M')), null)
        {
            Category = category is { Length: > 0 } ? category : null,
            Splits = splits,
        });
    }

    /// <summary>The record's split lines (S category, E memo, $ amount); their amounts must add up to T.</summary>
    private static List<StatementSplit> Splits(QifRecord record, decimal total, List<ImportError> errors)
    {
        var splits = new List<StatementSplit>();
        string? category = null, memo = null;
        var open = false;
        foreach (var (code, value, line) in record.Fields)
        {
            switch (code)
            {
                case 'S':
                    if (open)
                    {
                        errors.Add(new ImportError(record.Line, "$", $"The split line for '{Cut(category ?? "")}' (line {line - 1}) has no $ amount."));
                    }

                    category = value;
                    memo = null;
                    open = true;
                    break;
                case 'E' when open:
                    memo = value;
                    break;
                case '$' when open:
                    if (StatementValues.QifAmount(value) is { } amount)
                    {
                        splits.Add(new StatementSplit(category!.Length == 0 ? null : category, memo, amount));
                    }
                    else
                    {
                        errors.Add(new ImportError(record.Line, "$", $"'{Cut(value)}' (line {line}) is not an amount."));
                    }

                    open = false;
                    break;
            }
        }

        if (open)
        {
            errors.Add(new ImportError(record.Line, "$", $"The split line for '{Cut(category ?? "")}' has no $ amount."));
        }

        if (splits.Count > 0 && errors.Count == 0 && splits.Sum(s => s.Amount) is var sum && sum != total)
        {
            errors.Add(new ImportError(record.Line, "$", FormattableString.Invariant($"The split lines add up to {sum}, not to the transaction's amount {total}.")));
        }

        return splits;
    }

    /// <summary>
    /// An investment record by its action (N): buys and sells, dividends, interest and capital gains,
    /// reinvestments, cash in and out. An action ending in X moves its cash to or from another account
    /// (L), booked here as the matching deposit or withdrawal, so this account's cash is unchanged.
    /// </summary>
    private static RowParse Investment(QifRecord record, bool dayFirst)
    {
        var errors = new List<ImportError>();
        var action = record.First('N') ?? "";
        var date = RecordDate(record, dayFirst, errors);
        var security = StatementValues.Squeeze(record.First('Y'));
        var total = Math.Abs(RecordAmount(record, 'T', errors));
        var price = Math.Abs(RecordAmount(record, 'I', errors));
        var quantity = Math.Abs(RecordAmount(record, 'Q', errors));
        var commission = Math.Abs(RecordAmount(record, 'O', errors));
        var memo = StatementValues.Memo(record.First('P'), record.First('M'));
        if (errors.Count > 0)
        {
            return RowParse.Failed(errors);
        }

        var moved = action.EndsWith('X') && action.Length > 1;
        var basic = moved ? action[..^1] : action;
        var line = record.Line;

        ImportedRow Row(TransactionType type, string symbol = "", decimal qty = 0m, decimal unitPrice = 0m, decimal fees = 0m, decimal amount = 0m) =>
            new(line, type, date, date, symbol, "", qty, unitPrice, fees, amount, null, null, 0m, 0m, memo, null);

        ImportedRow Transfer(bool intoThisAccount) => Row(intoThisAccount ? TransactionType.Deposit : TransactionType.Withdrawal, amount: total) with
        {
            Memo = StatementValues.Memo("Transfer " + (intoThisAccount ? "from " : "to ") + (record.First('L') ?? "another account"), memo),
        };

        RowParse NeedsSecurity() => RowParse.Failed([new ImportError(line, "Y", $"'{action}' names no security (Y).")]);

        switch (basic.ToUpperInvariant())
        {
            case "BUY" or "SELL" when security.Length == 0:
                return NeedsSecurity();
            case "BUY" or "SELL":
                {
                    if (quantity == 0m)
                    {
                        return RowParse.Failed([new ImportError(line, "Q", $"'{action}' trades no units (Q).")]);
                    }

                    var buy = basic.Equals("Buy", StringComparison.OrdinalIgnoreCase);
                    var unitPrice = total == 0m ? price : buy ? (total - commission) / quantity : (total + commission) / quantity;
                    if (unitPrice < 0m)
                    {
                        return RowParse.Failed([new ImportError(line, "T", $"The total {total} is less than the commission {commission}.")]);
                    }

                    var trade = Row(buy ? TransactionType.Buy : TransactionType.Sell, security, quantity, unitPrice, commission);
                    return !moved ? RowParse.Of(trade) : buy ? RowParse.Of(Transfer(true), trade) : RowParse.Of(trade, Transfer(false));
                }

            case "DIV" or "INTINC" or "CGLONG" or "CGSHORT" or "CGMID" or "MISCINC":
                {
                    if (total == 0m)
                    {
                        return RowParse.Ignored;
                    }

                    var type = basic.Equals("IntInc", StringComparison.OrdinalIgnoreCase) ? TransactionType.Interest
                        : basic.Equals("MiscInc", StringComparison.OrdinalIgnoreCase) ? TransactionType.Deposit : TransactionType.Dividend;
                    var symbol = type == TransactionType.Dividend ? security : "";
                    if (type == TransactionType.Dividend && symbol.Length == 0)
                    {
                        return NeedsSecurity();
                    }

                    var income = Row(type, symbol, amount: total);
                    return moved ? RowParse.Of(income, Transfer(false)) : RowParse.Of(income);
                }

            case "REINVDIV" or "REINVINT" or "REINVLG" or "REINVSH" or "REINVMD":
                if (security.Length == 0)
                {
                    return NeedsSecurity();
                }

                return RowParse.Of(Row(TransactionType.DividendReinvested, security, quantity, price, amount: total));
            case "SHRSIN":
                // Shares arriving from outside: booked as a buy at the record's price with the cash to pay it, so cash is unchanged and the basis is the file's.
                if (security.Length == 0)
                {
                    return NeedsSecurity();
                }

                var cost = total != 0m ? total : quantity * price;
                return quantity == 0m
                    ? RowParse.Failed([new ImportError(line, "Q", "'ShrsIn' moves no units (Q).")])
                    : RowParse.Of(Row(TransactionType.Deposit, amount: cost) with { Memo = StatementValues.Memo("Shares transferred in", memo) }, Row(TransactionType.Buy, security, quantity, quantity == 0m ? 0m : cost / quantity));
            case "XIN" or "CONTRIB":
                return total == 0m ? RowParse.Ignored : RowParse.Of(Transfer(true));
            case "XOUT" or "WITHDRW":
                return total == 0m ? RowParse.Ignored : RowParse.Of(Transfer(false));
            case "MISCEXP" or "MARGINT":
                return total == 0m ? RowParse.Ignored : moved ? RowParse.Of(Transfer(true), Row(TransactionType.Fee, amount: total)) : RowParse.Of(Row(TransactionType.Fee, amount: total));
            case "CASH":
                {
                    var signed = RecordAmount(record, 'T', errors);
                    return signed == 0m ? RowParse.Ignored : RowParse.Of(Row(signed > 0 ? TransactionType.Deposit : TransactionType.Withdrawal, amount: Math.Abs(signed)));
                }

            case "STKSPLIT":
                // Quicken's Q is the new shares per 10 old ones.
                return security.Length == 0 ? NeedsSecurity()
                    : quantity == 0m ? RowParse.Failed([new ImportError(line, "Q", "'StkSplit' gives no ratio (Q: new shares per 10 old).")])
                    : RowParse.Of(Row(TransactionType.Split, security) with { SplitNumerator = quantity, SplitDenominator = 10m });
            case "":
                return RowParse.Failed([new ImportError(line, "N", "An investment record needs its action (N: Buy, Sell, Div, ReinvDiv, …).")]);
            default:
                return RowParse.NotMapped(line, action,
                    "shares out, options, reminders and actions without a cash or lot meaning here (ShrsOut, Grant, Vest, Exercise, Expire, RtrnCap, …) are not imported; enter them by hand.");
        }
    }

    private static DateOnly RecordDate(QifRecord record, bool dayFirst, List<ImportError> errors)
    {
        var text = record.First('D');
        if (text is not null && Date(text, dayFirst) is { } date)
        {
            return date;
        }

        errors.Add(new ImportError(record.Line, "D", text is null
            ? "The record has no date (D)."
            : $"'{Cut(text)}' is not a QIF date ({(dayFirst ? "D/M/YYYY" : "M/D/YYYY")}, M/D'YY for 2000 and later, or YYYY-MM-DD)."));
        return default;
    }

    private static decimal RecordAmount(QifRecord record, char code, List<ImportError> errors, bool required = false)
    {
        var text = record.First(code) ?? (code == 'T' ? record.First('U') : null);
        if (text is null)
        {
            if (required)
            {
                errors.Add(new ImportError(record.Line, code.ToString(), $"The record has no amount ({code})."));
            }

            return 0m;
        }

        if (StatementValues.QifAmount(text) is { } amount)
        {
            return amount;
        }

        errors.Add(new ImportError(record.Line, code.ToString(), $"'{Cut(text)}' is not an amount ('.' decimal point, ',' thousands)."));
        return 0m;
    }

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex(@"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*(['/.-])\s*(\d{4}|\d{2})\s*$")]
    private static partial Regex DateParts();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}
