using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Glidepath.Domain.Aggregation;
using Microsoft.Extensions.Options;

namespace Glidepath.Infrastructure.Aggregation;

/// <summary>
/// Plaid's API (docs/aggregation.md, "Wire format"): every call is a <c>POST</c> of a JSON body carrying
/// <c>client_id</c> and <c>secret</c> (and the item's <c>access_token</c>); a failure answers a 4xx/5xx with Plaid's
/// error object <c>{error_type, error_code, error_message, display_message, request_id}</c>, thrown here as
/// <see cref="AggregationException"/>. Request bodies hold secrets, so nothing here logs them; the HTTP client's
/// own logging records the method and URL only.
/// </summary>
public sealed class PlaidProvider(HttpClient http, IOptions<PlaidOptions> options) : IAggregationProvider
{
    public const string ProviderName = "plaid";

    private readonly PlaidOptions _options = options.Value;

    public string Name => ProviderName;

    public async Task<LinkToken> CreateLinkTokenAsync(string clientUserId, CancellationToken ct)
    {
        var answer = await PostAsync("link/token/create", new Dictionary<string, object?>
        {
            ["client_name"] = _options.ClientName,
            ["language"] = _options.Language,
            ["country_codes"] = _options.CountryCodes,
            ["products"] = _options.Products,
            ["user"] = new Dictionary<string, object?> { ["client_user_id"] = clientUserId },
        }, ct);
        var expiration = Text(answer, "expiration") is { } e && DateTimeOffset.TryParse(e, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        return new LinkToken(Required(answer, "link_token"), expiration);
    }

    public async Task<ExchangedItem> ExchangePublicTokenAsync(string publicToken, CancellationToken ct)
    {
        var answer = await PostAsync("item/public_token/exchange", new Dictionary<string, object?> { ["public_token"] = publicToken }, ct);
        return new ExchangedItem(Required(answer, "access_token"), Required(answer, "item_id"));
    }

    public async Task<ItemAccounts> GetAccountsAsync(string accessToken, CancellationToken ct)
    {
        var answer = await PostAsync("accounts/get", new Dictionary<string, object?> { ["access_token"] = accessToken }, ct);
        var item = answer.TryGetProperty("item", out var i) && i.ValueKind == JsonValueKind.Object ? i : default;
        return new ItemAccounts(
            item.ValueKind == JsonValueKind.Object ? Text(item, "item_id") ?? "" : "",
            item.ValueKind == JsonValueKind.Object ? Text(item, "institution_id") : null,
            item.ValueKind == JsonValueKind.Object ? Text(item, "institution_name") : null,
            Accounts(answer));
    }

    public async Task<TransactionsPage> SyncTransactionsAsync(string accessToken, string? cursor, int count, CancellationToken ct)
    {
        var body = new Dictionary<string, object?> { ["access_token"] = accessToken, ["count"] = count };
        if (!string.IsNullOrEmpty(cursor))
        {
            body["cursor"] = cursor;
        }

        var answer = await PostAsync("transactions/sync", body, ct);
        return new TransactionsPage(
            Transactions(answer, "added"),
            Transactions(answer, "modified"),
            [.. Array(answer, "removed").Select(r => Required(r, "transaction_id"))],
            Required(answer, "next_cursor"),
            answer.TryGetProperty("has_more", out var more) && more.ValueKind == JsonValueKind.True);
    }

    public async Task<IReadOnlyList<ProviderHolding>> GetHoldingsAsync(string accessToken, CancellationToken ct)
    {
        var answer = await PostAsync("investments/holdings/get", new Dictionary<string, object?> { ["access_token"] = accessToken }, ct);
        var securities = Array(answer, "securities").ToDictionary(s => Required(s, "security_id"), StringComparer.Ordinal);
        return [.. Array(answer, "holdings").Select(h =>
        {
            var securityId = Required(h, "security_id");
            var security = securities.GetValueOrDefault(securityId);
            var known = security.ValueKind == JsonValueKind.Object;
            return new ProviderHolding(
                Required(h, "account_id"), securityId,
                known ? Text(security, "ticker_symbol") : null, known ? Text(security, "name") : null, known ? Text(security, "type") : null,
                Number(h, "quantity") ?? 0m, Number(h, "institution_value"), Text(h, "iso_currency_code"));
        })];
    }

    private async Task<JsonElement> PostAsync(string path, Dictionary<string, object?> body, CancellationToken ct)
    {
        body["client_id"] = _options.ClientId;
        body["secret"] = _options.Secret;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds)));
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(new Uri(_options.BaseUrl, path), body, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new AggregationException("API_ERROR", "NETWORK_ERROR", $"Plaid could not be reached ({path}): {e.GetType().Name}.", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonElement answer;
            try
            {
                using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
                answer = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new AggregationException("API_ERROR", "INVALID_RESPONSE", $"Plaid answered {path} with HTTP {(int)response.StatusCode} and a body that is not JSON.");
            }

            if (!response.IsSuccessStatusCode || answer.ValueKind != JsonValueKind.Object)
            {
                var type = answer.ValueKind == JsonValueKind.Object ? Text(answer, "error_type") : null;
                var code = answer.ValueKind == JsonValueKind.Object ? Text(answer, "error_code") : null;
                var message = answer.ValueKind == JsonValueKind.Object ? Text(answer, "error_message") : null;
                throw new AggregationException(
                    type ?? "API_ERROR", code ?? "HTTP_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
                    message ?? $"Plaid answered {path} with HTTP {(int)response.StatusCode}.");
            }

            return answer;
        }
    }

    private static List<ProviderAccount> Accounts(JsonElement answer) =>
        [.. Array(answer, "accounts").Select(a => new ProviderAccount(
            Required(a, "account_id"), Text(a, "name") ?? Text(a, "official_name") ?? "Account", Text(a, "mask"), Text(a, "type") ?? "other", Text(a, "subtype"),
            a.TryGetProperty("balances", out var b) && b.ValueKind == JsonValueKind.Object ? Text(b, "iso_currency_code") : null))];

    private static List<ProviderTransaction> Transactions(JsonElement answer, string name) =>
        [.. Array(answer, name).Select(t => new ProviderTransaction(
            Required(t, "transaction_id"),
            Required(t, "account_id"),
            Number(t, "amount") ?? throw new AggregationException("API_ERROR", "INVALID_RESPONSE", $"A transaction in '{name}' has no amount."),
            Text(t, "iso_currency_code"),
            DateOnly.TryParseExact(Text(t, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date : throw new AggregationException("API_ERROR", "INVALID_RESPONSE", $"A transaction in '{name}' has no valid date."),
            Text(t, "name"),
            Text(t, "merchant_name"),
            t.TryGetProperty("pending", out var p) && p.ValueKind == JsonValueKind.True))];

    private static List<JsonElement> Array(JsonElement answer, string name) =>
        answer.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Required(JsonElement element, string name) =>
        Text(element, name) ?? throw new AggregationException("API_ERROR", "INVALID_RESPONSE", $"Plaid's answer has no '{name}'.");

    private static decimal? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) ? d : null;
}
