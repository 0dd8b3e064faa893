using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Glidepath.Testing.Aggregation;

/// <summary>
/// Plaid's API on a loopback port, speaking its wire format: <c>POST</c> with a JSON body carrying <c>client_id</c>,
/// <c>secret</c> and (for item calls) <c>access_token</c>; 200 with the documented answer, or 400 with Plaid's error
/// object. The answers are built from Plaid's documentation examples (<c>Samples/Apis/plaid_*.json</c>): one item,
/// whose public token is <see cref="PublicToken"/> (or one made by <c>sandbox/public_token/create</c>), whose access
/// token and item id are the exchange example's, whose accounts are those of the sync and holdings examples, and
/// whose <c>transactions/sync</c> pages are <see cref="Pages"/> keyed by the cursor they answer (null: the first).
/// A cursor with no page answers an empty page with the same cursor, as Plaid does when nothing changed.
/// </summary>
public sealed class PlaidStub : IAsyncDisposable
{
    public const string ClientId = "glidepath-test-client";
    public const string Secret = "glidepath-test-secret-5f3c";
    public const string PublicToken = "public-sandbox-b0e2c4d6-8e1a-4b3c-9d5e-7f6a8b9c0d1e";

    /// <summary>Plaid's documented message for ITEM_LOGIN_REQUIRED.</summary>
    public const string LoginRequiredMessage = "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information. use Link's update mode to restore the item to a good state";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, bool> publicTokens = new(StringComparer.Ordinal);

    private PlaidStub(WebApplication app)
    {
        this.app = app;
        publicTokens[PublicToken] = true;
        var exchange = Sample("plaid_item_public_token_exchange.response.json");
        AccessToken = (string)exchange["access_token"]!;
        ItemId = (string)exchange["item_id"]!;
        Pages[""] = Sample("plaid_transactions_sync.response.json");
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The item's access token (the exchange example's).</summary>
    public string AccessToken { get; }

    public string ItemId { get; }

    /// <summary>The <c>transactions/sync</c> answer for each cursor ("" for none).</summary>
    public ConcurrentDictionary<string, JsonObject> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>Errors to answer by path (e.g. <c>transactions/sync</c> → ITEM_LOGIN_REQUIRED), each used once per entry in its queue.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<(string Type, string Code, string Message)>> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A Plaid error answered every time <c>transactions/sync</c> is called with this cursor ("" for none).</summary>
    public ConcurrentDictionary<string, (string Type, string Code, string Message)> CursorErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request: path and body as sent.</summary>
    public ConcurrentQueue<(string Path, JsonObject Body)> Requests { get; } = new();

    public static async Task<PlaidStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var stub = new PlaidStub(builder.Build());
        stub.app.Run(stub.HandleAsync);
        await stub.app.StartAsync();
        stub.BaseUrl = stub.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/";
        return stub;
    }

    /// <summary>A documentation example from <c>Samples/Apis</c>, parsed.</summary>
    public static JsonObject Sample(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(ApiSamples.Apis(), name)))!.AsObject();

    /// <summary>The next call of <paramref name="path"/> answers this Plaid error.</summary>
    public void FailNext(string path, string type, string code, string message) =>
        Errors.GetOrAdd(path, _ => new()).Enqueue((type, code, message));

    /// <summary>The cursors <c>transactions/sync</c> was called with, in order (null: none).</summary>
    public IReadOnlyList<string?> SyncCursors => [.. Requests.Where(r => r.Path == "transactions/sync").Select(r => (string?)r.Body["cursor"])];

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.TrimStart('/');
        JsonObject body;
        try
        {
            body = (await JsonNode.ParseAsync(context.Request.Body))?.AsObject() ?? [];
        }
        catch (JsonException)
        {
            await ErrorAsync(context, "INVALID_REQUEST", "INVALID_BODY", "body could not be parsed as JSON");
            return;
        }

        Requests.Enqueue((path, body));
        if (context.Request.Method != "POST")
        {
            context.Response.StatusCode = 405;
            return;
        }

        if ((string?)body["client_id"] != ClientId || (string?)body["secret"] != Secret)
        {
            await ErrorAsync(context, "INVALID_INPUT", "INVALID_API_KEYS", "invalid client_id or secret provided");
            return;
        }

        if (Errors.TryGetValue(path, out var queue) && queue.TryDequeue(out var error))
        {
            await ErrorAsync(context, error.Type, error.Code, error.Message);
            return;
        }

        var item = path is "link/token/create" or "item/public_token/exchange" or "sandbox/public_token/create";
        if (!item && (string?)body["access_token"] != AccessToken)
        {
            await ErrorAsync(context, "INVALID_INPUT", "INVALID_ACCESS_TOKEN", "provided access token is in an invalid format. expected format: access-<environment>-<identifier>");
            return;
        }

        var hasUser = body["user"] is JsonObject user && user["client_user_id"] is not null;
        switch (path)
        {
            case "link/token/create" when hasUser:
                await OkAsync(context, Sample("plaid_link_token_create.response.json"));
                return;
            case "sandbox/public_token/create":
                var token = "public-sandbox-" + Guid.NewGuid().ToString("D");
                publicTokens[token] = true;
                await OkAsync(context, new JsonObject { ["public_token"] = token, ["request_id"] = "stubSandbox1" });
                return;
            case "item/public_token/exchange":
                // Public tokens are single-use.
                if ((string?)body["public_token"] is not { } publicToken || !publicTokens.TryRemove(publicToken, out _))
                {
                    await ErrorAsync(context, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN", "provided public token is expired. Public tokens expire 30 minutes after creation at which point they can no longer be exchanged");
                    return;
                }

                await OkAsync(context, Sample("plaid_item_public_token_exchange.response.json"));
                return;
            case "accounts/get":
                await OkAsync(context, Accounts());
                return;
            case "transactions/sync":
                var cursor = (string?)body["cursor"] ?? "";
                if (CursorErrors.TryGetValue(cursor, out var failure))
                {
                    await ErrorAsync(context, failure.Type, failure.Code, failure.Message);
                    return;
                }

                var page = Pages.TryGetValue(cursor, out var scripted)
                    ? (JsonObject)scripted.DeepClone()
                    : new JsonObject { ["accounts"] = new JsonArray(), ["added"] = new JsonArray(), ["modified"] = new JsonArray(), ["removed"] = new JsonArray(), ["next_cursor"] = cursor, ["has_more"] = false, ["request_id"] = "stubEmpty1", ["transactions_update_status"] = "HISTORICAL_UPDATE_COMPLETE" };
                await OkAsync(context, page);
                return;
            case "investments/holdings/get":
                await OkAsync(context, Sample("plaid_investments_holdings_get.response.json"));
                return;
            default:
                await ErrorAsync(context, "INVALID_REQUEST", "UNKNOWN_FIELDS", $"the stub does not answer {path}");
                return;
        }
    }

    /// <summary><c>accounts/get</c>: the sync example's checking account and the holdings example's four accounts, with its item.</summary>
    private JsonObject Accounts()
    {
        var accounts = new JsonArray();
        foreach (var account in Sample("plaid_transactions_sync.response.json")["accounts"]!.AsArray().Concat(Sample("plaid_investments_holdings_get.response.json")["accounts"]!.AsArray()))
        {
            accounts.Add(account!.DeepClone());
        }

        var item = Sample("plaid_investments_holdings_get.response.json")["item"]!.DeepClone();
        item["item_id"] = ItemId;
        return new JsonObject { ["accounts"] = accounts, ["item"] = item, ["request_id"] = "stubAccounts1" };
    }

    private static async Task OkAsync(HttpContext context, JsonObject answer)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private static async Task ErrorAsync(HttpContext context, string type, string code, string message)
    {
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["display_message"] = null,
            ["documentation_url"] = "https://plaid.com/docs/errors/",
            ["error_code"] = code,
            ["error_message"] = message,
            ["error_type"] = type,
            ["request_id"] = "stubError1",
            ["suggested_action"] = null,
        }.ToJsonString());
    }
}
