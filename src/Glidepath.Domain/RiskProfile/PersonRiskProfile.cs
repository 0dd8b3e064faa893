namespace Glidepath.Domain.RiskProfile;

/// <summary>
/// One completed questionnaire of one person: the answers, the capacity inputs and what the rule made
/// of them, as it was on the day. Profiles are never edited; a re-take adds a new one, so the history
/// stays (docs/risk-profile.md).
/// </summary>
public sealed class PersonRiskProfile
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The chosen option of each item, in item order ("a".."d"), e.g. "cbbbbbbbbbbbb".</summary>
    public required string Answers { get; set; }

    public int ToleranceScore { get; set; }

    public required string ToleranceBand { get; set; }

    public int ToleranceLevel { get; set; }

    public int HorizonYears { get; set; }

    public IncomeStability IncomeStability { get; set; }

    public double EmergencyFundMonths { get; set; }

    public double DebtServiceRatio { get; set; }

    public int Dependants { get; set; }

    public int CapacityPoints { get; set; }

    public int CapacityLevel { get; set; }

    public int RecommendedLevel { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset TakenUtc { get; set; }
}
