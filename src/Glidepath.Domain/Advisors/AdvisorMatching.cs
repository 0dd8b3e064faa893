using System.Globalization;

namespace Glidepath.Domain.Advisors;

/// <summary>A household need and what in the household shows it ("plan 'Retire at 62' has a retirement goal").</summary>
public sealed record HouseholdNeed(string Speciality, string Because);

/// <summary>A verified advisor as matching sees them.</summary>
public sealed record MatchCandidate(Guid AdvisorId, string DisplayName, IReadOnlyList<string> Specialities, int FreeSlots, int Reviews, double RatingSum);

public sealed record AdvisorMatch(MatchCandidate Advisor, int Rank, double Score, double Fit, double Availability, double Rating, IReadOnlyList<string> Reasons);

/// <summary>
/// The ranking rule of docs/advisors.md, "Matching": score = 0.5·fit + 0.3·availability + 0.2·rating, each in [0, 1].
/// Fit is the share of the household's needs the advisor covers (0.5 when no need is known); availability is the
/// free slots in the next 14 days over <see cref="FullAvailability"/>, capped at 1; rating is the Bayesian mean of the
/// 1–5 stars with <see cref="PriorReviews"/> phantom reviews of <see cref="PriorStars"/>, mapped 1→0 and 5→1, so one
/// five-star review does not beat twenty four-star ones. Ties go to more free slots, then the name.
/// </summary>
public static class AdvisorMatching
{
    public const double FitWeight = 0.5;
    public const double AvailabilityWeight = 0.3;
    public const double RatingWeight = 0.2;
    public const int FullAvailability = 10;
    public const double PriorStars = 3;
    public const int PriorReviews = 2;

    public static double BayesianStars(int reviews, double ratingSum) => (ratingSum + (PriorStars * PriorReviews)) / (reviews + PriorReviews);

    public static IReadOnlyList<AdvisorMatch> Rank(IReadOnlyList<HouseholdNeed> needs, IReadOnlyList<MatchCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(candidates);
        var wanted = needs.Select(n => n.Speciality).Distinct(StringComparer.Ordinal).ToList();
        var scored = candidates.Select(c =>
        {
            var covered = wanted.Where(c.Specialities.Contains).ToList();
            var fit = wanted.Count == 0 ? 0.5 : (double)covered.Count / wanted.Count;
            var availability = Math.Min(c.FreeSlots, FullAvailability) / (double)FullAvailability;
            var stars = BayesianStars(c.Reviews, c.RatingSum);
            var rating = (stars - 1) / 4;
            var score = (FitWeight * fit) + (AvailabilityWeight * availability) + (RatingWeight * rating);
            var reasons = new List<string>
            {
                wanted.Count == 0
                    ? "No need is known for this household yet (fit counted as 0.5)."
                    : Invariant($"Covers {covered.Count} of {wanted.Count} needs") + (covered.Count > 0 ? ": " + string.Join(", ", covered) : "")
                        + (covered.Count < wanted.Count ? " (not " + string.Join(", ", wanted.Except(covered)) + ")." : "."),
                Invariant($"{c.FreeSlots} free slot{(c.FreeSlots == 1 ? "" : "s")} in the next 14 days."),
                c.Reviews == 0
                    ? Invariant($"No reviews yet (counted as {PriorStars:0.0} stars).")
                    : Invariant($"Rated {c.RatingSum / c.Reviews:0.0} from {c.Reviews} review{(c.Reviews == 1 ? "" : "s")} ({stars:0.00} after the prior)."),
            };
            return (c, score, fit, availability, rating, reasons);
        })
            .OrderByDescending(x => x.score).ThenByDescending(x => x.c.FreeSlots).ThenBy(x => x.c.DisplayName, StringComparer.Ordinal).ThenBy(x => x.c.AdvisorId)
            .ToList();
        return [.. scored.Select((x, i) => new AdvisorMatch(x.c, i + 1, Math.Round(x.score, 4), x.fit, x.availability, x.rating,
            [Invariant($"Rank {i + 1}, score {x.score:0.000} = 0.5×{x.fit:0.00} fit + 0.3×{x.availability:0.00} availability + 0.2×{x.rating:0.00} rating."), .. x.reasons]))];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
