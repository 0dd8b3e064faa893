using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Tests.Hosting;

/// <summary>
/// What the server's console logger would print, line by line, written by the console formatter the
/// server configured (the JSON one when <c>Logging:Format</c> is <c>json</c>) with the same scopes. The
/// console itself is one stream per process, shared by every test; this is per app. Captures nothing
/// unless the JSON formatter is chosen, so other tests pay nothing.
/// </summary>
public sealed class ConsoleLines(IServiceProvider services) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly Lazy<ConsoleFormatter?> formatter = new(() =>
    {
        var name = services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        return name == ConsoleFormatterNames.Json ? services.GetServices<ConsoleFormatter>().Single(f => f.Name == name) : null;
    });

    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(ConsoleLines owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && owner.formatter.Value is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (owner.formatter.Value is not { } console)
            {
                return;
            }

            using var writer = new StringWriter();
            console.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), owner.scopes, writer);
            owner.lines.Enqueue(writer.ToString());
        }
    }
}
