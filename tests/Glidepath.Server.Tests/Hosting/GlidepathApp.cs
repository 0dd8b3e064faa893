using System.Net.Http.Headers;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth.Tokens;
using Glidepath.Server.Demo;
using Glidepath.Application.Planning.Runs;
using Glidepath.Server.Planning.Runs;
using Glidepath.Testing.Databases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Tests.Hosting;

/// <summary>
/// The real server in process over a fresh database of one provider. Demo seeding is off unless
/// asked for, so each test starts from an empty, migrated database. Disposing drops the database,
/// unless the app was started on a database the test owns (<see cref="StartOn"/>, to restart
/// a server over the same data).
/// <see cref="WebApplicationFactory{T}.CreateClient()"/> is signed in as a default test user (role
/// user, a recent second factor) who owns exactly the households it creates through the API; with
/// demo seeding on it is signed in as the demo user instead. <see cref="CreateAnonymousClient"/>,
/// <see cref="CreateUserAsync"/> and <see cref="CreateClient(TestUser)"/> make the other callers.
/// Signing keys and e-mails go to a temp folder of this app; every log line is kept in <see cref="Logs"/>.
/// </summary>
public sealed class GlidepathApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase database;
    private readonly bool seedDemoData;
    private readonly bool ownsDatabase;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private string environment = "Testing";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "glidepath-app-" + Guid.NewGuid().ToString("N"));
    private string? defaultToken;

    private GlidepathApp(TestDatabase database, bool seedDemoData, bool ownsDatabase, IReadOnlyDictionary<string, string?>? settings)
    {
        this.database = database;
        this.seedDemoData = seedDemoData;
        this.ownsDatabase = ownsDatabase;
        this.settings = settings ?? new Dictionary<string, string?>();
    }

    public TestDatabase Database => database;

    /// <summary>Every log entry the server wrote (category, level, rendered message and exception).</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The console's lines when <c>Logging:Format</c> is <c>json</c> (<see cref="ConsoleLines"/>); empty otherwise.</summary>
    public IReadOnlyList<string> ConsoleLines => consoleLines?.Lines ?? [];

    private ConsoleLines? consoleLines;

    /// <summary>Open unless a test closes it: then every background run holds mid-way until it is opened or cancelled.</summary>
    public HeldSimulationGate SimulationGate { get; } = new();

    /// <summary>Calls of the password hasher (<see cref="CountingPasswordHasher"/>), over every request.</summary>
    public PasswordHashCounts PasswordHashes { get; } = new();

    public string KeyFolder => Path.Combine(folder, "keys");

    public string MailFolder => Path.Combine(folder, "mail");

    private const string DefaultUserEmail = "default-test-user@example.test";

    private const string DefaultUserPassword = "correct horse battery staple default";

    /// <summary>The user behind <see cref="WebApplicationFactory{T}.CreateClient()"/>.</summary>
    public TestUser DefaultUser { get; private set; } = null!;

    /// <param name="settings">Configuration overrides, e.g. <c>["RateLimits:ApiPerMinute"] = "5"</c>.</param>
    public static async Task<GlidepathApp> StartAsync(DatabaseProvider provider, bool seedDemoData = false, IReadOnlyDictionary<string, string?>? settings = null) =>
        await StartAsync(new GlidepathApp(await TestDatabase.CreateAsync(provider), seedDemoData, ownsDatabase: true, settings));

    /// <summary>A server over <paramref name="database"/>, which outlives it; the default user is reused when it exists.</summary>
    public static async Task<GlidepathApp> StartOnAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null) =>
        await StartAsync(new GlidepathApp(database, seedDemoData: false, ownsDatabase: false, settings));

    /// <summary>
    /// The server in the Development environment, as README's <c>dotnet run</c> starts it (its
    /// appsettings.Development.json, the demo household), with the same scope and build validation.
    /// </summary>
    public static async Task<GlidepathApp> StartInDevelopmentAsync(DatabaseProvider provider) =>
        await StartAsync(new GlidepathApp(await TestDatabase.CreateAsync(provider), seedDemoData: true, ownsDatabase: true, settings: null) { environment = "Development" });

    /// <summary>The server on real Kestrel (a free loopback port) instead of the in-memory test server, for what only Kestrel enforces (request limits).</summary>
    public static async Task<GlidepathApp> StartOnKestrelAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new GlidepathApp(await TestDatabase.CreateAsync(provider), seedDemoData: false, ownsDatabase: true, settings);
        app.UseKestrel(0);
        return await StartAsync(app);
    }

    private static async Task<GlidepathApp> StartAsync(GlidepathApp app)
    {
        app.StartServer(); // start now, so migrations and seeding run before the first request is timed
        app.DefaultUser = app.seedDemoData
            ? await app.SignInExistingAsync(DemoUser.Email, DemoUser.Password)
            : await app.UserExistsAsync(DefaultUserEmail)
                ? await app.SignInExistingAsync(DefaultUserEmail, DefaultUserPassword)
                : await app.CreateUserAsync(DefaultUserEmail, ownHousehold: false, password: DefaultUserPassword);
        app.defaultToken = app.DefaultUser.AccessToken;
        return app;
    }

    public GlidepathDbContext CreateDbContext() => database.CreateDbContext();

    private TestUser? operatorUser;

    /// <summary>
    /// A client signed in as an operator (admin, second factor): the only role that writes shared
    /// instruments and prices by default (Auth:ReferenceDataWriters).
    /// </summary>
    public async Task<HttpClient> CreateOperatorClientAsync()
    {
        operatorUser ??= await CreateUserAsync(roles: [Roles.Admin], ownHousehold: false);
        return CreateClient(operatorUser);
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client signed in as <paramref name="user"/> (bearer <see cref="TestUser.AccessToken"/>).</summary>
    public HttpClient CreateClient(TestUser user) => CreateClient(user.AccessToken);

    public HttpClient CreateClient(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>
    /// Creates a user directly through Identity (no HTTP round trips) and signs a token for them with
    /// the server's own issuer. <paramref name="mfa"/> enrols a TOTP key (see <see cref="TestUser.AuthenticatorKey"/>)
    /// and puts <c>mfa</c> in the token; <paramref name="stepUp"/> false makes the token's
    /// <c>auth_time</c> an hour old, so critical actions refuse it.
    /// </summary>
    public async Task<TestUser> CreateUserAsync(
        string? email = null, IReadOnlyList<string>? roles = null, bool mfa = true, bool stepUp = true, bool ownHousehold = true, string? password = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.test";
        roles ??= [Roles.User];
        password ??= "correct horse battery staple " + Guid.NewGuid().ToString("N")[..6];
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<GlidepathUser>>();
        var user = new GlidepathUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, CreatedUtc = DateTimeOffset.UtcNow };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, roles.Append(Roles.User).Distinct(StringComparer.Ordinal)));
        string? key = null;
        if (mfa)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        Guid? householdId = null;
        if (ownHousehold)
        {
            var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
            var household = new Domain.Households.Household { Name = "Household of " + email, CreatedUtc = DateTimeOffset.UtcNow };
            db.Households.Add(household);
            db.HouseholdOwners.Add(new HouseholdOwner { HouseholdId = household.Id, UserId = user.Id });
            await db.SaveChangesAsync();
            householdId = household.Id;
        }

        var authTime = stepUp ? DateTimeOffset.UtcNow : DateTimeOffset.UtcNow.AddHours(-1);
        var token = MintToken(user, roles.Append(Roles.User).Distinct(StringComparer.Ordinal).ToList(), mfa ? SignInProof.PasswordAndCode : SignInProof.PasswordOnly, authTime);
        return new TestUser(user.Id, email, password, householdId, key, token);
    }

    /// <summary>An access token signed by the server's active key, with the given roles, methods and auth_time.</summary>
    public string MintToken(GlidepathUser user, IReadOnlyList<string> roles, string methods, DateTimeOffset authTime) =>
        Services.GetRequiredService<AccessTokenIssuer>().Issue(user, roles, new SignInProof(authTime, methods));

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        if (defaultToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", defaultToken);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in database.ConfigurationValues)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Glidepath:SeedDemoData", seedDemoData ? "true" : "false");
        builder.UseSetting("Auth:KeyFolder", KeyFolder);
        builder.UseSetting("Auth:EmailPickupFolder", MailFolder);
        // Ordinary tests make many requests a minute; the rate-limit tests lower these.
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
        builder.UseSetting("RateLimits:AuthPerIpPerMinute", "100000");
        builder.UseSetting("RateLimits:AuthPerAccountPerMinute", "100000");
        builder.UseSetting("RateLimits:ReadCostPerMinute", "10000000");
        // No scheduler unless a test asks for one (Jobs:Enabled): jobs would run against the test's data.
        builder.UseSetting("Jobs:Enabled", "false");
        // No test reaches the internet: every market-data provider points at a closed loopback port
        // (connection refused at once, no retries) unless a test names its stub.
        foreach (var provider in new[] { "stooq", "alphavantage", "yahoo", "ecb", "fred" })
        {
            builder.UseSetting($"MarketData:Providers:{provider}:BaseUrl", "http://127.0.0.1:9/");
            builder.UseSetting($"MarketData:Providers:{provider}:MaxRetries", "0");
        }

        // Nor does Plaid: the aggregation tests name their stub (PlaidStub).
        builder.UseSetting("Aggregation:Plaid:BaseUrl", "http://127.0.0.1:9/");

        // The local provider's folder (where the demo writes its closes) is this host's own.
        builder.UseSetting("MarketData:Providers:local:BaseUrl", Path.Combine(folder, "prices"));

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<SimulationGate>(SimulationGate);
            services.AddScoped<IPasswordHasher<GlidepathUser>>(s => new CountingPasswordHasher(
                new PasswordHasher<GlidepathUser>(s.GetRequiredService<IOptions<PasswordHasherOptions>>()), PasswordHashes));
        });
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace);
            logging.Services.AddSingleton<ILoggerProvider>(services => consoleLines = new ConsoleLines(services));
        });
        builder.UseEnvironment(environment);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SimulationGate.Dispose();
        if (ownsDatabase)
        {
            await database.DisposeAsync();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<bool> UserExistsAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<GlidepathUser>>();
        return await users.FindByEmailAsync(email) is not null;
    }

    private async Task<TestUser> SignInExistingAsync(string email, string password)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<GlidepathUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"{email} was not seeded.");
        var roles = await users.GetRolesAsync(user);
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        var household = db.HouseholdOwners.Where(o => o.UserId == user.Id).Select(o => (Guid?)o.HouseholdId).FirstOrDefault();
        return new TestUser(user.Id, email, password, household, null, MintToken(user, [.. roles], SignInProof.PasswordAndCode, DateTimeOffset.UtcNow));
    }

    private static void Check(Microsoft.AspNetCore.Identity.IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code + ": " + e.Description)));
}

/// <summary>A user made by <see cref="GlidepathApp.CreateUserAsync"/>; <see cref="AuthenticatorKey"/> feeds <see cref="Totp"/>.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, Guid? HouseholdId, string? AuthenticatorKey, string AccessToken);
