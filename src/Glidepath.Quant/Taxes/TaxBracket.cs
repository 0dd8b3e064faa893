namespace Glidepath.Quant.Taxes;

/// <summary>A rate that applies to taxable income above <paramref name="Over"/> (up to the next bracket's lower bound).</summary>
public readonly record struct TaxBracket(double Over, double Rate);
