using System.Text.RegularExpressions;
using Glidepath.Domain.Categories;

namespace Glidepath.Domain.Rules;

/// <summary>What a rule looks at in one transaction: its payee (normalised, or as set), its memo, the cash moved and where.</summary>
public sealed record RuleSubject(string Payee, string Memo, decimal SignedAmount, Guid AccountId);

/// <summary>What the rules decided for one transaction; null fields were left alone. <see cref="RuleId"/>: the first rule that matched.</summary>
public sealed record RuleOutcome(Guid? CategoryId, Guid? CategoryRuleId, string? Payee, IReadOnlyList<string> Tags, Guid? RuleId)
{
    public static RuleOutcome None { get; } = new(null, null, null, [], null);

    public bool Matched => RuleId is not null;
}

/// <summary>
/// Runs a household's rules over transactions (docs/categories.md, "Rules"). Rules are taken in position order; every
/// enabled rule whose conditions all hold contributes: the first to set a category sets it, the first to set a payee sets
/// it, tags add up (each once, in order). A rule with no condition matches everything. Text conditions compare case-
/// insensitively; a regular expression runs with a time limit of <see cref="RegexTimeout"/>, and one that runs out
/// does not match (never an error, never a hang). Pure: no I/O.
/// </summary>
public sealed class RuleMatcher
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private readonly List<(Rule Rule, Regex? Payee, Regex? Memo)> _rules;

    public RuleMatcher(IEnumerable<Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules.Where(r => r.Enabled).OrderBy(r => r.Position).ThenBy(r => r.Id)
            .Select(r => (r, RegexOf(r.PayeePattern, r.PayeeMatch), RegexOf(r.MemoPattern, r.MemoMatch)))];
    }

    /// <summary>Null when the pattern is a valid regular expression (or not a regex condition), else why not.</summary>
    public static string? PatternError(string? pattern, TextMatch match)
    {
        if (match != TextMatch.Regex || string.IsNullOrEmpty(pattern))
        {
            return null;
        }

        try
        {
            _ = new Regex(pattern, Options, RegexTimeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"Not a valid regular expression: {e.Message}";
        }
    }

    public RuleOutcome Apply(RuleSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        Guid? category = null, categoryRule = null, first = null;
        string? payee = null;
        List<string> tags = [];
        foreach (var (rule, payeeRegex, memoRegex) in _rules)
        {
            if (!Matches(rule, payeeRegex, memoRegex, subject))
            {
                continue;
            }

            first ??= rule.Id;
            if (category is null && rule.SetCategoryId is { } c)
            {
                (category, categoryRule) = (c, rule.Id);
            }

            payee ??= string.IsNullOrWhiteSpace(rule.SetPayee) ? null : rule.SetPayee;
            tags.AddRange(rule.AddTags.Where(t => !tags.Contains(t, StringComparer.OrdinalIgnoreCase)));
        }

        return first is null ? RuleOutcome.None : new RuleOutcome(category, categoryRule, payee, tags, first);
    }

    /// <summary>Whether one rule's conditions all hold for <paramref name="subject"/> (disabled rules too: a preview of a rule being written).</summary>
    public static bool Matches(Rule rule, RuleSubject subject)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(subject);
        return Matches(rule, RegexOf(rule.PayeePattern, rule.PayeeMatch), RegexOf(rule.MemoPattern, rule.MemoMatch), subject);
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static Regex? RegexOf(string? pattern, TextMatch match) =>
        match == TextMatch.Regex && !string.IsNullOrEmpty(pattern) && PatternError(pattern, match) is null ? new Regex(pattern, Options, RegexTimeout) : null;

    private static bool Matches(Rule rule, Regex? payeeRegex, Regex? memoRegex, RuleSubject subject)
    {
        var size = Math.Abs(subject.SignedAmount);
        return (rule.AccountId is not { } account || account == subject.AccountId)
            && (rule.Direction is not { } direction || direction == (subject.SignedAmount < 0m ? Direction.Outflow : Direction.Inflow))
            && (rule.MinAmount is not { } min || size >= min)
            && (rule.MaxAmount is not { } max || size <= max)
            && Text(rule.PayeePattern, rule.PayeeMatch, payeeRegex, subject.Payee)
            && Text(rule.MemoPattern, rule.MemoMatch, memoRegex, subject.Memo);
    }

    private static bool Text(string? pattern, TextMatch match, Regex? regex, string value)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return true;
        }

        if (match == TextMatch.Contains)
        {
            return value.Contains(pattern, StringComparison.OrdinalIgnoreCase);
        }

        if (regex is null)
        {
            return false;   // an invalid pattern (refused when saved) matches nothing
        }

        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
