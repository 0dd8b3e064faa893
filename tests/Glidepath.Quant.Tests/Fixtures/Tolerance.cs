namespace Glidepath.Quant.Tests.Fixtures;

/// <summary>Tolerance assertions: |actual - expected| ≤ abs + rel·|expected|.</summary>
internal static class Tolerance
{
    public static void Close(double expected, double actual, double rel = 1e-12, double abs = 0.0, string? what = null)
    {
        var limit = abs + rel * Math.Abs(expected);
        Assert.True(Math.Abs(actual - expected) <= limit,
            $"{what}: expected {expected:R}, actual {actual:R}, difference {actual - expected:R} > {limit:R}");
    }

    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double rel = 1e-12, double abs = 0.0, string? what = null)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Close(expected[i], actual[i], rel, abs, $"{what}[{i}]");
        }
    }

    public static void Close(double[,] expected, double[,] actual, double rel = 1e-12, double abs = 0.0, string? what = null)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (var i = 0; i < expected.GetLength(0); i++)
        {
            for (var j = 0; j < expected.GetLength(1); j++)
            {
                Close(expected[i, j], actual[i, j], rel, abs, $"{what}[{i},{j}]");
            }
        }
    }
}
