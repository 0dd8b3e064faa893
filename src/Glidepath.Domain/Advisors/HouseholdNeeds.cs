using System.Globalization;
using Glidepath.Domain.Households;
using Glidepath.Domain.Planning;

namespace Glidepath.Domain.Advisors;

/// <summary>What a household's data says about it, as matching reads it.</summary>
/// <param name="Goals">Each saved plan's name with its goals.</param>
public sealed record HouseholdFacts(
    IReadOnlyList<(string Plan, GoalDocument Goal)> Goals, IReadOnlyList<AccountType> Accounts, int ManualLiabilities, bool HasTaxSettings, int People);

/// <summary>
/// The needs of docs/advisors.md, "Needs": a retirement goal → retirement; a goal named for school or college, or a 529
/// account → education; a liability (credit card, loan, a manual mortgage or loan) → debt; saved tax settings, or both
/// taxable and tax-advantaged accounts → tax; any investment account → investing; two or more people with four or
/// more accounts → estate. Each need says why.
/// </summary>
public static class HouseholdNeeds
{
    private static readonly string[] EducationWords = ["educat", "college", "school", "universit", "tuition"];

    public static IReadOnlyList<HouseholdNeed> From(HouseholdFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var needs = new List<HouseholdNeed>();
        foreach (var (plan, goal) in facts.Goals)
        {
            if (goal.Kind == GoalKind.Retirement)
            {
                needs.Add(new(AdvisorVocabulary.Retirement, $"plan '{plan}' has the retirement goal '{goal.Name}'"));
            }
            else if (EducationWords.Any(w => goal.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                needs.Add(new(AdvisorVocabulary.Education, $"plan '{plan}' has the goal '{goal.Name}'"));
            }
        }

        if (facts.Accounts.Contains(AccountType.Plan529))
        {
            needs.Add(new(AdvisorVocabulary.Education, "a 529 education savings account"));
        }

        var liabilities = facts.Accounts.Count(a => a.IsLiability()) + facts.ManualLiabilities;
        if (liabilities > 0)
        {
            needs.Add(new(AdvisorVocabulary.Debt, Count(liabilities, "liability", "liabilities")));
        }

        var taxAdvantaged = facts.Accounts.Count(a => a is AccountType.TraditionalIra or AccountType.RothIra or AccountType.Plan401K or AccountType.Hsa);
        if (facts.HasTaxSettings)
        {
            needs.Add(new(AdvisorVocabulary.Tax, "saved tax settings"));
        }
        else if (taxAdvantaged > 0 && facts.Accounts.Any(a => a.IsTaxable()))
        {
            needs.Add(new(AdvisorVocabulary.Tax, "taxable and tax-advantaged accounts (asset location, harvesting)"));
        }

        var investing = facts.Accounts.Count(a => a.IsTaxable()) + taxAdvantaged;
        if (investing > 0)
        {
            needs.Add(new(AdvisorVocabulary.Investing, Count(investing, "investment account", "investment accounts")));
        }

        if (facts.People >= 2 && facts.Accounts.Count >= 4)
        {
            needs.Add(new(AdvisorVocabulary.Estate, $"{Count(facts.People, "person", "people")} with {Count(facts.Accounts.Count, "account", "accounts")}"));
        }

        return [.. needs.GroupBy(n => n.Speciality, StringComparer.Ordinal).Select(g => new HouseholdNeed(g.Key, string.Join("; ", g.Select(n => n.Because).Distinct(StringComparer.Ordinal))))];
    }

    private static string Count(int n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
