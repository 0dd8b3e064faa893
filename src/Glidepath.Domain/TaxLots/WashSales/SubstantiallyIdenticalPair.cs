namespace Glidepath.Domain.TaxLots.WashSales;

/// <summary>Two instruments the household marks as substantially identical for the wash-sale rule (order does not matter).</summary>
public sealed record SubstantiallyIdenticalPair(Guid First, Guid Second);
