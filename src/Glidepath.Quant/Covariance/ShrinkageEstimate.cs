namespace Glidepath.Quant.Covariance;

/// <summary>A shrunk covariance δF + (1 - δ)S with its shrinkage intensity δ in [0, 1] and target F.</summary>
public sealed record ShrinkageEstimate(double[,] Covariance, double Intensity, double[,] Target);
