using Glidepath.Application;
using Glidepath.Infrastructure.Backups;
using Glidepath.Infrastructure.Aggregation;
using Glidepath.Infrastructure.Brokers;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Auth.Tokens;
using Glidepath.Server.Demo;
using Glidepath.Server.Errors;
using Glidepath.Server.Health;
using Glidepath.Server.Instruments;
using Glidepath.Server.Jobs;
using Glidepath.Server.Notifications;
using Glidepath.Server.Observability;
using Glidepath.Server.Planning;
using Glidepath.Server.Positions;
using Glidepath.Server.Protection;
using Glidepath.Server.Realtime;
using Glidepath.Server.ScaleOut;
using Glidepath.Server.Transactions;
using Glidepath.Server.WebApp;
using Glidepath.Server.Webhooks;

// Settings live next to the binary, so they are found whatever folder the server starts in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Every environment checks lifetimes and registrations as Development does: a singleton holding a
// scoped service crashed `dotnet run` (Development) while Production and the tests started.
builder.Host.UseDefaultServiceProvider(options =>
{
    options.ValidateScopes = true;
    options.ValidateOnBuild = true;
});

builder.Services.AddSingleton(TimeProvider.System);
builder.AddObservability();
builder.Services.AddGlidepathPersistence(builder.Configuration);
builder.Services.AddApiErrors();
builder.Services.AddHouseholdScope();
builder.Services.AddApiDocumentation(builder.Configuration);
builder.Services.AddApiVersioning(builder.Configuration);
builder.Services.AddIdempotencyKeys();
builder.Services.AddHealth();
builder.Services.AddGlidepathAuth(builder.Configuration);
builder.AddProtection();
builder.Services.AddTransactions();
builder.Services.AddHouseholdReports();
builder.Services.AddGlidepathApplication().AddGlidepathUserUseCases();
builder.Services.AddDemoData(builder.Configuration);
builder.Services.AddPlanning(builder.Configuration);
builder.Services.AddInstrumentLimits(builder.Configuration);
builder.Services.AddMarketData(builder.Configuration);
builder.Services.AddCorporateActionProposals();
builder.Services.AddGlidepathBrokers(builder.Configuration);
builder.Services.AddGlidepathAggregation(builder.Configuration);
builder.Services.AddRealtime(); // after AddMarketData: replaces its silent notifier
builder.Services.AddScaleOut(builder.Configuration); // Redis when ConnectionStrings:Redis is set: rate limits, cache, SignalR backplane
builder.Services.AddGlidepathBackups(builder.Configuration);
builder.Services.AddJobs(builder.Configuration);
builder.Services.AddWebhooks(builder.Configuration, builder.Environment);
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddWebAppFiles();
builder.Services.AddApiCompression();
// Development and a plain build serve the UI's files (and their build-time compressed copies) where
// the build left them, through the build's manifest; a published copy has none and serves its wwwroot.
builder.WebHost.UseStaticWebAssets();

var app = builder.Build();

await app.Services.MigrateGlidepathDatabaseAsync();
await app.Services.EnsureRolesAsync();
await app.Services.SeedDemoDataAsync();

app.UseApiVersioning(); // before routing: /api/v1/… is rewritten to the route it names
app.UseRouting();
app.UseApiErrors();
app.UseProtection();
app.UseApiCompression();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseReadETags();
app.UseIdempotencyKeys();
app.MapHealthEndpoints();
app.MapDetailedHealth();
app.MapApiDocumentation();
app.MapJwks();
app.MapAuthEndpoints();
app.MapGlidepathApi();
app.MapRealtime();
app.MapWebAppFiles(); // the UI's files are public
app.MapWebAppFallback();

await app.RunAsync();
