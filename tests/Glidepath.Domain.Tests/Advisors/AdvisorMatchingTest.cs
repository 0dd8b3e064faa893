using Glidepath.Domain.Advisors;
using Glidepath.Domain.Households;
using Glidepath.Domain.Planning;

namespace Glidepath.Domain.Tests.Advisors;

/// <summary>The ranking rule of docs/advisors.md, checked against scores worked out by hand from the documented formula.</summary>
public class AdvisorMatchingTest
{
    private static readonly HouseholdNeed[] RetirementAndTax = [new("retirement", "goal"), new("tax", "accounts")];

    [Fact]
    public void Rank_ScoresByTheDocumentedWeights_AndExplainsEachTerm()
    {
        // A: covers both needs, 5 free slots, no reviews.  fit 1, availability 0.5, rating (3−1)/4 = 0.5
        //    score = 0.5 + 0.15 + 0.1 = 0.75
        // B: covers retirement only, 12 free slots (capped at 10), two 5-star reviews.  Bayesian (10 + 6) / 4 = 4 → 0.75
        //    score = 0.25 + 0.3 + 0.15 = 0.70
        var a = new MatchCandidate(Guid.NewGuid(), "A", ["retirement", "tax"], 5, 0, 0);
        var b = new MatchCandidate(Guid.NewGuid(), "B", ["retirement"], 12, 2, 10);

        var ranked = AdvisorMatching.Rank(RetirementAndTax, [b, a]);

        Assert.Equal(["A", "B"], ranked.Select(m => m.Advisor.DisplayName));
        Assert.Equal(0.75, ranked[0].Score, 10);
        Assert.Equal(0.70, ranked[1].Score, 10);
        Assert.Equal(1, ranked[0].Rank);
        Assert.Contains("Covers 2 of 2 needs: retirement, tax.", ranked[0].Reasons);
        Assert.Contains("Covers 1 of 2 needs: retirement (not tax).", ranked[1].Reasons);
        Assert.Contains("Rated 5.0 from 2 reviews (4.00 after the prior).", ranked[1].Reasons);
        Assert.Contains("No reviews yet (counted as 3.0 stars).", ranked[0].Reasons);
    }

    [Fact]
    public void Rank_OneFiveStarReview_DoesNotBeatManyFourStarOnes()
    {
        // One 5: (5 + 6) / 3 = 3.667. Twenty 4s: (80 + 6) / 22 = 3.909.
        var lucky = new MatchCandidate(Guid.NewGuid(), "Lucky", ["tax"], 10, 1, 5);
        var steady = new MatchCandidate(Guid.NewGuid(), "Steady", ["tax"], 10, 20, 80);

        var ranked = AdvisorMatching.Rank([new("tax", "asked for")], [lucky, steady]);

        Assert.Equal("Steady", ranked[0].Advisor.DisplayName);
        Assert.Equal((86.0 / 22 - 1) / 4, ranked[0].Rating, 10);
    }

    [Fact]
    public void Rank_EqualScores_GoToMoreFreeSlotsThenTheName()
    {
        var needs = Array.Empty<HouseholdNeed>();
        var zed = new MatchCandidate(Guid.NewGuid(), "Zed", ["tax"], 10, 0, 0);
        var amy = new MatchCandidate(Guid.NewGuid(), "Amy", ["tax"], 10, 0, 0);

        Assert.Equal(["Amy", "Zed"], AdvisorMatching.Rank(needs, [zed, amy]).Select(m => m.Advisor.DisplayName));
    }

    [Fact]
    public void Needs_FromGoalsAccountsAndPeople_SayWhy()
    {
        var goals = new List<(string, GoalDocument)>
        {
            ("Family", new GoalDocument { Name = "Retire", Kind = GoalKind.Retirement }),
            ("Family", new GoalDocument { Name = "College for Ann", Kind = GoalKind.LumpSum }),
            ("Family", new GoalDocument { Name = "Boat", Kind = GoalKind.LumpSum }),
        };
        var accounts = new[] { AccountType.TaxableBrokerage, AccountType.RothIra, AccountType.CreditCard, AccountType.Checking };

        var needs = HouseholdNeeds.From(new HouseholdFacts(goals, accounts, ManualLiabilities: 1, HasTaxSettings: false, People: 2));

        Assert.Equal(["retirement", "education", "debt", "tax", "investing", "estate"], needs.Select(n => n.Speciality));
        Assert.Equal("2 liabilities", needs.Single(n => n.Speciality == "debt").Because);
        Assert.Equal("plan 'Family' has the goal 'College for Ann'", needs.Single(n => n.Speciality == "education").Because);
    }

    [Fact]
    public void Needs_OfAnEmptyHousehold_AreNone()
    {
        Assert.Empty(HouseholdNeeds.From(new HouseholdFacts([], [], 0, false, 1)));
    }
}
