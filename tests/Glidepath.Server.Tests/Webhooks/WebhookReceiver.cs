using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.Webhooks;

/// <summary>A loopback HTTP receiver that records every request and answers <see cref="Status"/> (200 by default).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public sealed record Received(string? Event, string? Delivery, string? Signature, string Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public int Status { get; set; } = StatusCodes.Status200OK;

    /// <summary>Answers a redirect instead (to prove redirects are not followed).</summary>
    public string? RedirectTo { get; set; }

    public string Url { get; private set; } = "";

    /// <summary>Holds the answer to the first request this long (the sender is killed meanwhile).</summary>
    public TimeSpan HoldFirst { get; set; }

    private int answered;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Requests.Enqueue(new Received(
                http.Request.Headers["Glidepath-Event"], http.Request.Headers["Glidepath-Delivery"], http.Request.Headers["Glidepath-Signature"], body));
            if (Interlocked.Increment(ref receiver.answered) == 1 && receiver.HoldFirst > TimeSpan.Zero)
            {
                await Task.Delay(receiver.HoldFirst, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            if (receiver.RedirectTo is { } target)
            {
                http.Response.Redirect(target);
                return;
            }

            http.Response.StatusCode = receiver.Status;
        });
        app.MapPost("/elsewhere", (HttpContext http) => receiver.Requests.Enqueue(new Received("redirected", null, null, "")));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    public async Task<List<Received>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return [.. Requests];
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
