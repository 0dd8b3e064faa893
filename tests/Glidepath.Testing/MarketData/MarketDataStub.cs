using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Glidepath.Testing.MarketData;

/// <summary>One scripted answer: status, body, an optional Retry-After and a delay before answering.</summary>
public sealed record StubAnswer(int Status, string Body = "", string ContentType = "text/plain", string? RetryAfter = null, TimeSpan Delay = default, byte[]? Bytes = null)
{
    public static StubAnswer Ok(string body, string contentType = "text/plain") => new(200, body, contentType);
}

/// <summary>
/// A provider on a loopback port: each request takes the next scripted answer, else the
/// <see cref="Answer"/> function (which sees the path and query), and is recorded.
/// </summary>
public sealed class MarketDataStub : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<StubAnswer> script = new();

    private MarketDataStub(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public Func<HttpRequest, StubAnswer> Answer { get; set; } = _ => new StubAnswer(404, "not found");

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<MarketDataStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var stub = new MarketDataStub(builder.Build());
        stub.app.Run(stub.HandleAsync);
        await stub.app.StartAsync();
        stub.BaseUrl = stub.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return stub;
    }

    /// <summary>The next requests get these answers, in order.</summary>
    public void Then(params StubAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            script.Enqueue(answer);
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        Requests.Enqueue(context.Request.Path + context.Request.QueryString);
        var answer = script.TryDequeue(out var next) ? next : Answer(context.Request);
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (answer.Bytes is { } bytes)
        {
            await context.Response.Body.WriteAsync(bytes);
        }
        else
        {
            await context.Response.WriteAsync(answer.Body);
        }
    }
}
