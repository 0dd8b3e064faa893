namespace Glidepath.Quant.MonteCarlo;

/// <summary>An input the engine cannot use; <see cref="Field"/> is the scenario field path (e.g. "cashFlows[1].endMonth").</summary>
public sealed class InvalidInputException : ArgumentException
{
    public InvalidInputException()
    {
        Field = "";
    }

    public InvalidInputException(string message)
        : base(message)
    {
        Field = "";
    }

    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "";
    }

    public InvalidInputException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public string Field { get; }
}
