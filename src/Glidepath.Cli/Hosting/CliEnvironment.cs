using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Glidepath.Cli.Hosting;

/// <summary>What a command may touch: configuration (the server's database settings) and the two output streams.</summary>
public sealed record CliEnvironment(IConfiguration Configuration, TextWriter Out, TextWriter Error)
{
    /// <summary>"Today" for defaults such as <c>--as-of</c>; tests fix it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where answers to questions come from (<c>login</c>'s e-mail and password); tests give a string.</summary>
    public TextReader In { get; init; } = System.Console.In;

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The server's configuration sources: appsettings.json next to the binary, then in the working
    /// folder, then environment variables (<c>ConnectionStrings__Sqlite</c>, <c>ConnectionStrings__Postgres</c>).
    /// </summary>
    public static CliEnvironment FromProcess()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return new CliEnvironment(configuration, System.Console.Out, System.Console.Error);
    }

    /// <summary>Writes one line to stderr and returns <paramref name="exitCode"/>.</summary>
    public int Fail(int exitCode, string message)
    {
        Error.WriteLine("glidepath: " + message.ReplaceLineEndings(" "));
        return exitCode;
    }

    /// <summary>A Spectre console over <see cref="Out"/>, so tables go where the tests and pipes read; wide when not a terminal.</summary>
    public IAnsiConsole Console
    {
        get
        {
            var terminal = ReferenceEquals(Out, System.Console.Out) && !System.Console.IsOutputRedirected;
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Out),
                Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
            if (!terminal)
            {
                console.Profile.Width = 160;
            }

            return console;
        }
    }
}
