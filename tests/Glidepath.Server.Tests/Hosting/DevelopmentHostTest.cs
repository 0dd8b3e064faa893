using System.Net;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth;
using Glidepath.Server.Demo;
using Glidepath.Server.Households;

namespace Glidepath.Server.Tests.Hosting;

/// <summary>
/// The server as README's <c>dotnet run</c> starts it: the Development environment, which validates
/// service scopes. It crashed there (a singleton holding the scoped password hasher) while every
/// test host, in another environment, started.
/// </summary>
public class DevelopmentHostTest
{
    [Fact]
    public async Task Development_Starts_AndTheDemoUserSignsIn_AndAnUnknownEmailGetsTheSame401()
    {
        await using var app = await GlidepathApp.StartInDevelopmentAsync(DatabaseProvider.Sqlite);
        var anonymous = app.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        var tokens = await (await anonymous.PostAsync("/auth/login", new LoginRequest(DemoUser.Email, DemoUser.Password, null, null))).ReadAsync<TokensDto>();
        var households = await (await app.CreateClient(tokens.AccessToken).GetAsync("/api/households")).ReadAsync<List<HouseholdDto>>();
        Assert.Single(households);

        // The unknown e-mail goes through the dummy-hash path (the one that resolved the scoped hasher).
        await (await anonymous.PostAsync("/auth/login", new LoginRequest("nobody@example.test", "some password of words", null, null)))
            .ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
    }
}
