using System.CommandLine;
using Glidepath.Application.Orders;
using Glidepath.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Cli.Orders;

/// <summary>
/// <c>glidepath orders process [--as-of DATE]</c> (operator): the minute job's use case on demand,
/// submits pending orders and books every fill the brokers report up to the close of the date (the
/// paper broker's from the stored closes), so a test or an operator drives execution deterministically.
/// </summary>
public static class OrdersCommand
{
    public static Command Create(CliEnvironment env)
    {
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Fill with the closes up to this date (default: today)." };
        var process = new Command("process", "Submit pending orders and book the fills their brokers report.") { asOf };
        process.SetAction((parse, ct) => ProcessAsync(env, parse.GetValue(asOf), ct));
        return new Command("orders", "Order execution (operator).") { process };
    }

    private static async Task<int> ProcessAsync(CliEnvironment env, DateOnly? asOf, CancellationToken ct)
    {
        await using var services = await CliDatabase.OpenAsync(env, ct);
        await using var scope = services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<OrderProcessing>().ProcessAsync(asOf ?? env.Today, env.Clock.GetUtcNow(), ct);
        env.Out.WriteLine(OrderProcessing.Describe(run));
        return run.Errors > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
