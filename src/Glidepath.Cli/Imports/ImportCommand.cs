using System.CommandLine;
using Glidepath.Cli.Hosting;

namespace Glidepath.Cli.Imports;

/// <summary><c>glidepath import transactions|prices FILE ...</c></summary>
public static class ImportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("import", "Import transactions or prices from CSV files.");
        return command;
    }
}
