using Microsoft.OpenApi;

namespace Glidepath.Server.Api.Contract;

/// <summary>
/// The document-level parts of the contract: title, licence, the bearer scheme every authorised operation
/// names (<see cref="OperationConventions"/>), the problem-details schema's <c>code</c> and <c>traceId</c>, and
/// a description for each tag. A tag missing from <see cref="TagDescriptions"/> is a lint warning (npm run api:lint).
/// </summary>
internal static class ApiContract
{
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Health"] = "Liveness and readiness; the detailed report is for admins.",
        ["Auth"] = "Registration, sign-in (password, TOTP, external OpenID Connect providers), token refresh and password reset. Anonymous.",
        ["Households"] = "A household owns people, accounts, transactions, plans and settings; every other household route hangs off one.",
        ["Instruments"] = "Securities and funds: shared reference data, or private to a household; their daily closes.",
        ["Imports"] = "CSV imports of transactions and closes (docs/import.md), all or nothing unless skipInvalid; column mappings saved per account.",
        ["Advisors"] = "Advisors: the grants a household's owner gives, an advisor's profile, hours and clients, matching advisors to a household, booking, moving and reviewing consultations.",
        ["Optimization"] = "Portfolio weights from a returns or prices table (docs/analytics.md).",
        ["Learning"] = "Articles for users in Markdown, rendered as sanitised HTML, with topics and reading time; admins write them (docs/learning.md).",
        ["Strategies"] = "Model portfolios published as strategies: weights, a rebalancing rule and performance since publication on shared closes; following, copying, reports and moderation (docs/strategies.md). Never the publisher's holdings or amounts.",
        ["Model portfolios"] = "Target allocations a household can rebalance towards, stored or generated.",
        ["Assumptions"] = "Versioned capital-market assumptions (expected returns, volatilities, correlations by asset class) with their date and sources; admins add versions (docs/assumptions.md).",
        ["Risk profile"] = "The Grable & Lytton risk questionnaire, risk capacity and the recommended risk level per person, with history (docs/risk-profile.md).",
        ["Recommendations"] = "Ranked advice per household with its reasons and numbers, accepted or dismissed by the household (docs/recommendations.md).",
        ["FX rates"] = "Exchange rates: shared ones, and a household's own that win over them.",
        ["Admin"] = "Operator tasks: users and roles, advisor verification, signing keys, shared reference-data imports. Admin role.",
        ["Me"] = "The signed-in user: profile, data export and erasure.",
        ["MFA"] = "Second factors: TOTP enrolment, recovery codes and step-up.",
        ["Sessions"] = "The signed-in user's sessions (refresh-token families) and their revocation.",
        ["Market data"] = "Price, FX and macro providers and their refresh. Operators only.",
        ["Jobs"] = "Scheduled background jobs, their runs and manual triggers. Operators only.",
        ["People"] = "The members of a household, whose ages drive plans.",
        ["Accounts"] = "A household's brokerage, retirement and cash accounts.",
        ["Transactions"] = "The ledger: buys, sells, income, fees, transfers and corporate actions; every change replays the tax lots.",
        ["Positions"] = "Holdings and cash valued at the last close on or before a date.",
        ["Lots"] = "Open tax lots with their cost basis and holding period.",
        ["RealisedGains"] = "Realised gains by sale date, short and long term, with wash-sale adjustments (docs/wash-sales.md).",
        ["Valuation"] = "The household's value on a date and its net-worth series, in any currency with rates.",
        ["Performance"] = "Time- and money-weighted returns, risk and benchmark statistics (docs/analytics.md).",
        ["Rebalancing"] = "Rebalance proposals, their orders, and tax-loss harvesting opportunities (docs/rebalancing.md).",
        ["Alerts"] = "Drift, harvesting, broker-position and anomaly alerts for the dashboard.",
        ["Anomalies"] = "Unusual days in a household's daily returns and spending per category, found by the daily anomaly scan (docs/anomalies.md).",
        ["Orders"] = "Orders to trade in an account: placing (step-up, idempotent), their status, transitions and fills, cancelling (docs/orders.md).",
        ["CorporateActions"] = "Dividends and splits the market data publishes and the ledger lacks, proposed and booked only when confirmed (docs/import.md).",
        ["Notifications"] = "The signed-in user's notification centre (unread count, mark read) and preferences per event kind and channel, with the daily digest (docs/notifications.md).",
        ["Connections"] = "Institutions linked through an aggregation service (Plaid-shaped): link token, public-token exchange (step-up), health, sync now and delete (docs/aggregation.md).",
        ["Webhooks"] = "Signed deliveries of the household's events to an HTTPS endpoint, their log and redelivery (docs/webhooks.md).",
        ["Planning"] = "Retirement plans, Monte Carlo simulations and solves (docs/monte-carlo.md).",
        ["TaxSettings"] = "The tax profile, rebalance targets, substantially identical pairs and replacement funds.",
        ["Manual assets"] = "Assets and liabilities valued by hand, with their value history.",
        ["Categories"] = "The household's category tree and each transaction's category, payee, tags and split lines.",
        ["Rules"] = "Ordered categorisation rules: run on every import, and applied to stored transactions with a preview.",
        ["Categoriser"] = "The household's learned categoriser: its status and metrics, training on request, and accepting its suggestions.",
        ["Budgets"] = "Monthly budgets per expense category with rollover, budget against actual in the reporting currency, and the cash-flow and spending report (docs/budgets.md).",
        ["Goals"] = "What a household saves for: target, date or age, funding accounts, progress today and the status its plan's newest simulation gives it.",
    };

    public static Task ApplyAsync(OpenApiDocument document, string publicBaseUrl, string licenseName, Uri? licenseUrl)
    {
        document.Info.Title = "Glidepath API";
        document.Info.Description = "Household ledger and planning: accounts, transactions, tax lots, positions, valuation, performance, "
            + "rebalancing, retirement plans and imports. Errors are problem details (RFC 7807) with a stable `code`; "
            + "the conventions are in docs/api.md. Routes live under `/api/v1`; the unversioned `/api/…` paths still answer "
            + "until their `Sunset` date, with `Deprecation` headers.";
        document.Info.License = new OpenApiLicense { Name = licenseName, Url = licenseUrl };
        document.Servers = [new OpenApiServer { Url = publicBaseUrl.TrimEnd('/') }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OperationConventions.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /auth/login (or /auth/refresh), sent as `Authorization: Bearer TOKEN`.",
        };

        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            if (document.Components.Schemas is { } schemas && schemas.TryGetValue(name, out var found) && found is OpenApiSchema problem)
            {
                problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
                problem.Properties["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable machine-readable error code (docs/api.md)." };
                problem.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace id, for support." };
            }
        }

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var text))
            {
                tag.Description ??= text;
            }
        }

        // Routes are mapped once, unversioned; clients are to use the versioned paths (ApiVersioning).
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
        {
            paths.Add(ApiVersioning.ToVersioned(path), item);
        }

        document.Paths = paths;
        return Task.CompletedTask;
    }
}
