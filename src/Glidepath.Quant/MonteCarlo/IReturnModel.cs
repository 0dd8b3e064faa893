namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// Monthly gross returns (1 + simple return) of every asset for a block of paths. One
/// implementation per way of drawing returns: parametric normal, Student-t, block bootstrap,
/// historical sequences.
/// </summary>
public interface IReturnModel
{
    /// <summary>Number of assets a draw covers.</summary>
    int AssetCount { get; }

    /// <summary>A fixed number of paths (historical sequences: one per start year), or null.</summary>
    int? FixedPathCount { get; }

    /// <summary>Whether the model keeps one int per path between months (<see cref="ReturnBlock.PathState"/>).</summary>
    bool NeedsPathState { get; }

    /// <summary>Floats of scratch a block of <paramref name="count"/> paths needs.</summary>
    int ScratchLength(int count);

    /// <summary>Writes gross returns for month <c>block.Month</c>, asset-major: asset a of path i at a*count + i.</summary>
    void Generate(ReturnBlock block, Span<float> gross);
}

/// <summary>Where a return model draws for one block and month.</summary>
/// <param name="Month">Month index from 0.</param>
/// <param name="FirstPath">First path of the block.</param>
/// <param name="Count">Paths in the block (a multiple of 32).</param>
/// <param name="Random">Per-path random streams.</param>
/// <param name="PathState">One int per path of the block that the model may keep between months.</param>
/// <param name="Scratch">Scratch of <see cref="IReturnModel.ScratchLength"/> floats.</param>
/// <param name="Antithetic">Whether the second half of the block mirrors the first.</param>
public readonly ref struct ReturnBlock(int Month, int FirstPath, int Count, PathRandom Random, Span<int> PathState, Span<float> Scratch, bool Antithetic)
{
    public int Month { get; } = Month;
    public int FirstPath { get; } = FirstPath;
    public int Count { get; } = Count;
    public PathRandom Random { get; } = Random;
    public Span<int> PathState { get; } = PathState;
    public Span<float> Scratch { get; } = Scratch;
    public bool Antithetic { get; } = Antithetic;
}
