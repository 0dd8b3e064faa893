namespace Glidepath.Cli.Hosting;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and could not do what was asked: bad input file, unknown household, rejected import.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: unknown command, missing or malformed option.</summary>
    public const int Usage = 2;
}
