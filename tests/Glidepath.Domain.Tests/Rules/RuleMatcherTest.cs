using System.Globalization;
using System.Text.RegularExpressions;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Rules;
using Glidepath.Domain.Tests.Properties;
using Glidepath.Domain.Transactions;
using Xunit.Abstractions;

namespace Glidepath.Domain.Tests.Rules;

public sealed class RuleMatcherTest(ITestOutputHelper output)
{
    private static readonly Guid Checking = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid Card = Guid.Parse("00000000-0000-0000-0000-0000000000ca");
    private static readonly Guid Groceries = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Coffee = Guid.Parse("00000000-0000-0000-0000-0000000000a2");

    private static RuleSubject Subject(string payee, decimal signed, string memo = "", Guid? account = null) => new(payee, memo, signed, account ?? Checking);

    [Theory]
    // payee contains, case-insensitive
    [InlineData("Corner Grocer", -42.10, true)]
    [InlineData("CORNER GROCER", -42.10, true)]
    // an inflow (a refund) is not the outflow the rule asks for
    [InlineData("Corner Grocer", 42.10, false)]
    // 200.00 is the inclusive upper bound; 200.01 is past it
    [InlineData("Corner Grocer", -200.00, true)]
    [InlineData("Corner Grocer", -200.01, false)]
    // 5.00 is the inclusive lower bound
    [InlineData("Corner Grocer", -5.00, true)]
    [InlineData("Corner Grocer", -4.99, false)]
    [InlineData("Corner Bakery", -42.10, false)]
    public void Matches_PayeeContainsDirectionAndAmountRange_HandWorked(string payee, double signed, bool expected)
    {
        var rule = new Rule { PayeePattern = "grocer", Direction = Direction.Outflow, MinAmount = 5m, MaxAmount = 200m, SetCategoryId = Groceries };
        Assert.Equal(expected, RuleMatcher.Matches(rule, Subject(payee, (decimal)signed)));
    }

    [Fact]
    public void Matches_RegexOnMemoAndAccount()
    {
        var rule = new Rule { MemoPattern = @"^STARBUCKS #\d{3,}", MemoMatch = TextMatch.Regex, AccountId = Card, SetCategoryId = Coffee };
        Assert.True(RuleMatcher.Matches(rule, Subject("Starbucks", -4.5m, "starbucks #1234 seattle", Card)));
        Assert.False(RuleMatcher.Matches(rule, Subject("Starbucks", -4.5m, "STARBUCKS #12 SEATTLE", Card)));       // two digits
        Assert.False(RuleMatcher.Matches(rule, Subject("Starbucks", -4.5m, "PAID STARBUCKS #1234", Card)));       // anchored
        Assert.False(RuleMatcher.Matches(rule, Subject("Starbucks", -4.5m, "STARBUCKS #1234", Checking)));        // another account
    }

    [Fact]
    public void Apply_RunsInPositionOrder_FirstCategoryAndPayeeWin_TagsAddUp()
    {
        Rule[] rules =
        [
            new() { Position = 2, PayeePattern = "star", SetCategoryId = Groceries, AddTags = ["b", "shared"] },
            new() { Position = 0, PayeePattern = "starbucks", SetPayee = "Starbucks Coffee", AddTags = ["a"] },
            new() { Position = 1, PayeePattern = "bucks", SetCategoryId = Coffee, AddTags = ["SHARED"] },
            new() { Position = 3, PayeePattern = "starbucks", SetCategoryId = Groceries, Enabled = false, AddTags = ["disabled"] },
        ];
        var outcome = new RuleMatcher(rules).Apply(Subject("Starbucks", -4.5m));
        Assert.Equal((Coffee, rules[2].Id, "Starbucks Coffee", rules[1].Id), (outcome.CategoryId!.Value, outcome.CategoryRuleId!.Value, outcome.Payee, outcome.RuleId!.Value));
        Assert.Equal(["a", "SHARED", "b"], outcome.Tags);
        Assert.False(new RuleMatcher(rules).Apply(Subject("Tesco", -4.5m)).Matched);
    }

    [Fact]
    public void Regex_ThatBacktracksCatastrophically_RunsOutOfTime_AndDoesNotMatch()
    {
        // (a+)+$ against "aaaa…a!" takes 2^n steps: the time limit stops it and it counts as no match.
        var rule = new Rule { PayeePattern = "(a+)+$", PayeeMatch = TextMatch.Regex, SetCategoryId = Groceries };
        Assert.False(RuleMatcher.Matches(rule, Subject(new string('a', 40) + "!", -1m)));
        Assert.True(RuleMatcher.Matches(rule, Subject("aaa", -1m)));
    }

    [Fact]
    public void PatternError_NamesAnInvalidRegex_AndAcceptsContainsText()
    {
        Assert.NotNull(RuleMatcher.PatternError("([unclosed", TextMatch.Regex));
        Assert.Null(RuleMatcher.PatternError("([unclosed", TextMatch.Contains));
        Assert.Null(RuleMatcher.PatternError(@"^AMZN\b", TextMatch.Regex));
    }

    /// <summary>A Contains rule and a Regex rule of the escaped same text agree on every payee; an amount range agrees with its definition.</summary>
    [Fact]
    public void Property_EscapedRegexAgreesWithContains_AndAmountBoundsAreInclusive()
    {
        const string Alphabet = "abcAB .*+?()[]#$^|\\-1";
        SeededProperty.Check(output, "rule text and amount", 500, 0.99, seed =>
        {
            var random = new Random(seed);
            string Text(int min, int max) => new([.. Enumerable.Range(0, random.Next(min, max)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            var payee = Text(0, 12);
            var pattern = random.Next(3) == 0 && payee.Length > 0 ? payee.Substring(random.Next(payee.Length), 1) : Text(1, 4);
            if (pattern.Length == 0)
            {
                return false;
            }

            var contains = RuleMatcher.Matches(new Rule { PayeePattern = pattern }, Subject(payee, -1m));
            var regex = RuleMatcher.Matches(new Rule { PayeePattern = Regex.Escape(pattern), PayeeMatch = TextMatch.Regex }, Subject(payee, -1m));
            Assert.Equal(payee.ToUpperInvariant().Contains(pattern.ToUpperInvariant(), StringComparison.Ordinal), contains);
            Assert.Equal(contains, regex);

            var (min, max) = (random.Next(0, 500) / 4m, random.Next(0, 500) / 4m);
            var amount = (random.Next(-600, 600) / 4m).ToString(CultureInfo.InvariantCulture);
            var signed = decimal.Parse(amount, CultureInfo.InvariantCulture);
            var inRange = RuleMatcher.Matches(new Rule { MinAmount = min, MaxAmount = max }, Subject("x", signed));
            Assert.Equal(Math.Abs(signed) >= min && Math.Abs(signed) <= max, inRange);
            return true;
        });
    }

    [Fact]
    public void Decide_RuleBeatsStatementCategory_WhichBeatsTheDictionary()
    {
        var household = Guid.NewGuid();
        var tree = DefaultTree(household);
        var groceries = tree.FindPath("Food/Groceries")!;
        var shopping = tree.FindPath("Shopping:Online marketplaces")!;
        var none = new RuleMatcher([]);
        Transaction Withdrawal(string memo) => new() { AccountId = Checking, Type = TransactionType.Withdrawal, Amount = 20m, Memo = memo };

        // The dictionary: "AMZN Mktp US*2K3AB1" is Amazon, Amazon is Shopping/Online marketplaces.
        var amazon = tree.Decide(Withdrawal("AMZN Mktp US*2K3AB1"), household, none, null, [])!;
        Assert.Equal((shopping.Id, CategorySource.Dictionary), (amazon.CategoryId!.Value, amazon.Source));

        // The statement's own category wins over the dictionary.
        var fromFile = tree.Decide(Withdrawal("AMZN Mktp US*2K3AB1"), household, none, "Food:Groceries", [])!;
        Assert.Equal((groceries.Id, CategorySource.Statement), (fromFile.CategoryId!.Value, fromFile.Source));

        // A rule wins over both.
        var rule = new Rule { PayeePattern = "amazon", SetCategoryId = groceries.Id, SetPayee = "Amazon Fresh" };
        var ruled = tree.Decide(Withdrawal("AMZN Mktp US*2K3AB1"), household, new RuleMatcher([rule]), "Shopping", [])!;
        Assert.Equal((groceries.Id, CategorySource.Rule, rule.Id, "Amazon Fresh"), (ruled.CategoryId!.Value, ruled.Source, ruled.RuleId!.Value, ruled.Payee));

        // Nothing decides an unknown payee without a statement category.
        Assert.Null(tree.Decide(Withdrawal("CORNER GROCER #12"), household, none, null, []));

        // Split lines keep their own categories, looked up by QIF path.
        var split = tree.Decide(Withdrawal("COSTCO #1"), household, none, null, [("Food:Groceries", "food", -15m), ("Shopping:Household", null, -5m)])!;
        Assert.Null(split.CategoryId);
        Assert.Equal([(1, groceries.Id, -15m), (2, tree.FindPath("Shopping/Household")!.Id, -5m)], split.Splits.Select(s => (s.Line, s.CategoryId!.Value, s.Amount)));
    }

    [Theory]
    [InlineData(TransactionType.Deposit, 100, 0, 0, 0, 100)]
    [InlineData(TransactionType.Withdrawal, 100, 0, 0, 0, -100)]
    [InlineData(TransactionType.Fee, 2.5, 0, 0, 0, -2.5)]
    // a buy of 3 at 10.10 with 1.00 fees takes 31.30; a sell gives 29.30
    [InlineData(TransactionType.Buy, 0, 3, 10.10, 1, -31.30)]
    [InlineData(TransactionType.Sell, 0, 3, 10.10, 1, 29.30)]
    [InlineData(TransactionType.Split, 0, 0, 0, 0, 0)]
    public void SignedAmount_IsTheCashMoved(TransactionType type, double amount, double quantity, double price, double fees, double expected)
    {
        var t = new Transaction { Type = type, Amount = (decimal)amount, Quantity = (decimal)quantity, Price = (decimal)price, Fees = (decimal)fees };
        Assert.Equal((decimal)expected, CashFlow.SignedAmount(t));
    }

    internal static CategoryTree DefaultTree(Guid household)
    {
        List<Category> all = [];
        foreach (var node in DefaultCategories.Tree)
        {
            var parent = new Category { HouseholdId = household, Name = node.Name, Kind = node.Kind };
            all.Add(parent);
            all.AddRange(node.Children.Select(c => new Category { HouseholdId = household, ParentId = parent.Id, Name = c, Kind = node.Kind }));
        }

        return new CategoryTree(all);
    }
}
