namespace Glidepath.Quant.Taxes;

/// <summary>The federal filing statuses the tax model knows.</summary>
public enum FilingStatus
{
    Single,
    MarriedFilingJointly,
}
