namespace Glidepath.Domain.Households;

/// <summary>US federal filing status (IRS Form 1040).</summary>
public enum FilingStatus
{
    Single,
    MarriedFilingJointly,
    MarriedFilingSeparately,
    HeadOfHousehold,
    QualifyingSurvivingSpouse,
}
