using Glidepath.Domain.Results;

namespace Glidepath.Domain.RiskProfile;

/// <summary>How steady the household's earned income is.</summary>
public enum IncomeStability
{
    /// <summary>No earned income to rely on, or income at risk (seasonal, commission only, job in doubt).</summary>
    Unstable,

    /// <summary>Income that varies a lot from year to year (self-employed, bonuses).</summary>
    Variable,

    /// <summary>A salary or pension that is secure.</summary>
    Stable,
}

/// <summary>Risk capacity: what the household can afford to lose, independent of how it feels about risk.</summary>
/// <param name="HorizonYears">Years until the money is needed (0–100).</param>
/// <param name="EmergencyFundMonths">Liquid savings in months of essential spending (≥ 0).</param>
/// <param name="DebtServiceRatio">Monthly debt payments over gross monthly income (0–5).</param>
/// <param name="Dependants">People who depend on this income (0–20).</param>
public sealed record CapacityInputs(int HorizonYears, IncomeStability IncomeStability, double EmergencyFundMonths, double DebtServiceRatio, int Dependants);

/// <summary>The tolerance part: the scale's score and band, and the risk level it maps to.</summary>
public sealed record ToleranceResult(int Score, string Band, int Level);

/// <summary>The capacity part: points per factor (0–12 in all) and the risk level they map to.</summary>
public sealed record CapacityResult(int Points, int Level, IReadOnlyList<string> Limits);

/// <summary>Both parts and the recommended level (the lower of the two) with the reason in plain words.</summary>
public sealed record RiskAssessment(ToleranceResult Tolerance, CapacityResult Capacity, int RecommendedLevel, string Reason);

/// <summary>
/// The documented rule of docs/risk-profile.md: the Grable &amp; Lytton score gives a tolerance level, five
/// capacity factors give a capacity level, and the recommended level is the lower of the two.
/// Every mapping is non-decreasing in its inputs, so a higher tolerance and capacity never give a
/// lower level.
/// </summary>
public static class RiskProfileRules
{
    public const int MinLevel = 1;

    public const int MaxLevel = 10;

    /// <summary>Suggest re-taking the questionnaire once the latest answers are this old.</summary>
    public const int RetakeAfterDays = 365;

    /// <summary>The total of the chosen options' points, or a validation problem naming the answer.</summary>
    public static Result<int> Score(IReadOnlyList<string>? answers)
    {
        var items = GrableLyttonScale.Items;
        if (answers is null || answers.Count != items.Count)
        {
            return Problem.Invalid("answers", $"Answer all {items.Count} items, one letter each.");
        }

        var score = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var option = items[i].Options.FirstOrDefault(o => string.Equals(o.Key, answers[i]?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (option is null)
            {
                return Problem.Invalid($"answers[{i}]", $"Item {items[i].Number} takes one of {string.Join(", ", items[i].Options.Select(o => o.Key))}.");
            }

            score += option.Points;
        }

        return score;
    }

    public static string Band(int score) =>
        GrableLyttonScale.Bands.First(b => score >= b.Min && score <= b.Max).Label;

    /// <summary>
    /// Two levels per band, the lower for the lower part of the band: Low 13–15 → 1, 16–18 → 2;
    /// below-average 19–20 → 3, 21–22 → 4; average 23–25 → 5, 26–28 → 6; above-average 29–30 → 7,
    /// 31–32 → 8; high 33–39 → 9, 40–47 → 10.
    /// </summary>
    public static int ToleranceLevel(int score) => score switch
    {
        <= 15 => 1,
        <= 18 => 2,
        <= 20 => 3,
        <= 22 => 4,
        <= 25 => 5,
        <= 28 => 6,
        <= 30 => 7,
        <= 32 => 8,
        <= 39 => 9,
        _ => 10,
    };

    public static Problem? Check(CapacityInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.HorizonYears is < 0 or > 100)
        {
            return Problem.Invalid("horizonYears", "The horizon is 0 to 100 years.");
        }

        if (!Enum.IsDefined(inputs.IncomeStability))
        {
            return Problem.Invalid("incomeStability", "Unknown income stability.");
        }

        if (!double.IsFinite(inputs.EmergencyFundMonths) || inputs.EmergencyFundMonths is < 0 or > 600)
        {
            return Problem.Invalid("emergencyFundMonths", "Months of spending held in cash: 0 to 600.");
        }

        if (!double.IsFinite(inputs.DebtServiceRatio) || inputs.DebtServiceRatio is < 0 or > 5)
        {
            return Problem.Invalid("debtServiceRatio", "Monthly debt payments over gross monthly income: 0 to 5.");
        }

        return inputs.Dependants is < 0 or > 20 ? Problem.Invalid("dependants", "Dependants: 0 to 20.") : null;
    }

    /// <summary>
    /// Points (each factor's best answer first): horizon ≥ 16 y 4, 11–15 3, 6–10 2, 3–5 1, under 3 0;
    /// income stable 2, variable 1, unstable 0; emergency fund ≥ 6 months 2, 3–6 1, under 3 0; debt
    /// service ratio ≤ 0.20 2, ≤ 0.36 1, above 0 (0.36: the conventional back-end ratio of mortgage
    /// underwriting); dependants none 2, 1–2 1, 3 or more 0. Level = 1 + ⌊9 × points / 12⌋; a horizon
    /// under 3 years caps it at 3 (money needed soon cannot wait out a fall).
    /// </summary>
    public static CapacityResult Capacity(CapacityInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var limits = new List<string>();
        var horizon = inputs.HorizonYears switch { >= 16 => 4, >= 11 => 3, >= 6 => 2, >= 3 => 1, _ => 0 };
        var income = inputs.IncomeStability switch { IncomeStability.Stable => 2, IncomeStability.Variable => 1, _ => 0 };
        var fund = inputs.EmergencyFundMonths switch { >= 6 => 2, >= 3 => 1, _ => 0 };
        var debt = inputs.DebtServiceRatio switch { <= 0.20 => 2, <= 0.36 => 1, _ => 0 };
        var dependants = inputs.Dependants switch { 0 => 2, <= 2 => 1, _ => 0 };
        if (horizon < 2)
        {
            limits.Add($"the money is needed in {inputs.HorizonYears} year{(inputs.HorizonYears == 1 ? "" : "s")}");
        }

        if (income == 0)
        {
            limits.Add("income is not steady");
        }

        if (fund == 0)
        {
            limits.Add("the emergency fund covers less than 3 months");
        }

        if (debt == 0)
        {
            limits.Add("debt payments take more than 36 % of income");
        }

        if (dependants == 0)
        {
            limits.Add($"{inputs.Dependants} people depend on this income");
        }

        var points = horizon + income + fund + debt + dependants;
        var level = 1 + (9 * points / 12);
        if (inputs.HorizonYears < 3)
        {
            level = Math.Min(level, 3);
        }

        return new CapacityResult(points, level, limits);
    }

    /// <summary>The recommended level is min(tolerance, capacity); the reason says which part decided and why.</summary>
    public static Result<RiskAssessment> Assess(IReadOnlyList<string>? answers, CapacityInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!Score(answers).TryGet(out var score, out var problem))
        {
            return problem;
        }

        if (Check(inputs) is { } invalid)
        {
            return invalid;
        }

        var tolerance = new ToleranceResult(score, Band(score), ToleranceLevel(score));
        var capacity = Capacity(inputs);
        var level = Math.Min(tolerance.Level, capacity.Level);
        var because = capacity.Limits.Count > 0 ? $" because {string.Join(", ", capacity.Limits)}" : "";
        var reason = tolerance.Level == capacity.Level
            ? $"Your tolerance (score {tolerance.Score}, {tolerance.Band.ToLowerInvariant()}) and your capacity agree on level {level}."
            : tolerance.Level < capacity.Level
                ? $"Your finances could carry level {capacity.Level}, but your answers (score {tolerance.Score}, {tolerance.Band.ToLowerInvariant()}) point to level {tolerance.Level}: the lower one wins, so level {level}."
                : $"Your answers (score {tolerance.Score}, {tolerance.Band.ToLowerInvariant()}) point to level {tolerance.Level}, but your capacity to take losses allows level {capacity.Level}{because}: the lower one wins, so level {level}.";
        return new RiskAssessment(tolerance, capacity, level, reason);
    }
}
