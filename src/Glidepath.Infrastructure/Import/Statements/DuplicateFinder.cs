using Glidepath.Domain.Transactions;

namespace Glidepath.Infrastructure.Import.Statements;

/// <summary>
/// Finds the stored transaction a statement row may repeat (docs/statements.md, "De-duplication"): the same
/// type, the same amount (cash rows) or units and symbol (trades), trade dates at most
/// <see cref="MaxDays"/> apart, and a similar payee (<see cref="SimilarPayee"/>). Rows with the same FITID
/// never get here: they are exact duplicates.
/// </summary>
internal sealed class DuplicateFinder
{
    public const int MaxDays = 3;

    private readonly Dictionary<(TransactionType, decimal, decimal, Guid?), List<Transaction>> _stored = [];

    public DuplicateFinder(IEnumerable<Transaction> accountHistory)
    {
        foreach (var t in accountHistory)
        {
            var key = Key(t);
            if (!_stored.TryGetValue(key, out var list))
            {
                _stored[key] = list = [];
            }

            list.Add(t);
        }
    }

    /// <summary>The closest stored transaction <paramref name="row"/> may repeat, or null.</summary>
    public Transaction? Find(Transaction row)
    {
        if (!_stored.TryGetValue(Key(row), out var candidates))
        {
            return null;
        }

        return candidates
            .Where(t => Math.Abs(t.TradeDate.DayNumber - row.TradeDate.DayNumber) <= MaxDays && SimilarPayee(t.Memo, row.Memo))
            .OrderBy(t => Math.Abs(t.TradeDate.DayNumber - row.TradeDate.DayNumber))
            .FirstOrDefault();
    }

    private static (TransactionType, decimal, decimal, Guid?) Key(Transaction t) =>
        (t.Type, t.Amount, t.Quantity, t.InstrumentId);

    /// <summary>
    /// Two payees are similar when their merchant names agree (<see cref="Domain.Categories.PayeeNames"/>), when both are empty, when their first words agree, or when at least half of
    /// their words are shared (words: runs of letters, upper-cased, of two letters or more; digits such as
    /// card or reference numbers are left out). "AMZN Mktp US*2K3" and "AMZN MKTP US*9Q1" agree; "Rent" and
    /// "Amazon" do not.
    /// </summary>
    public static bool SimilarPayee(string? a, string? b)
    {
        // The same merchant however the card network spelled it ("AMZN Mktp US*2K3" and "Amazon.com*9Q1": Amazon).
        var (na, nb) = (Domain.Categories.PayeeNames.Normalise(a), Domain.Categories.PayeeNames.Normalise(b));
        if (na.Length > 0 && string.Equals(na, nb, StringComparison.Ordinal))
        {
            return true;
        }

        var x = Words(a);
        var y = Words(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return x.Count == y.Count;
        }

        if (x[0] == y[0])
        {
            return true;
        }

        var shared = x.Intersect(y, StringComparer.Ordinal).Count();
        return shared * 2 >= Math.Max(x.Distinct(StringComparer.Ordinal).Count(), y.Distinct(StringComparer.Ordinal).Count());
    }

    private static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (text is null)
        {
            return words;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (i - start >= 2)
                {
                    words.Add(text[start..i].ToUpperInvariant());
                }

                start = -1;
            }
        }

        return words;
    }
}
