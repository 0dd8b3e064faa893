using System.Net;
using Glidepath.Application.People;
using Glidepath.Application.RiskProfile;
using Glidepath.Domain.Households;
using Glidepath.Domain.RiskProfile;
using Glidepath.Server.People;
using Glidepath.Server.RiskProfile;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.RiskProfile;

public class RiskProfileEndpointsTest
{
    private static List<string> Letters(string answers) => [.. answers.Select(c => c.ToString())];

    private static async Task<(HttpClient Client, Guid HouseholdId, PersonDto Person)> SetUpAsync(GlidepathApp app)
    {
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var person = await (await client.PostAsync($"/api/households/{household.Id}/people", new PersonRequest("Ada", new DateOnly(1980, 1, 1), FilingStatus.Single, "US", null)))
            .ReadAsync<PersonDto>(HttpStatusCode.Created);
        return (client, household.Id, person);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Take_HighToleranceLowCapacity_StoresLevelFourWithTheReason_AndKeepsHistory(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, householdId, person) = await SetUpAsync(app);
        var url = $"/api/households/{householdId}/risk-profile";

        // The sample's maximum vector (score 47) with a 4-year horizon and 2 months of savings: capacity 4 points → level 4.
        var first = await (await client.PostAsync(url, new RiskProfileRequest(person.Id, Letters("addccdddbbdcd"), 4, IncomeStability.Variable, 2, 0.3, 1)))
            .ReadAsync<RiskProfileDto>(HttpStatusCode.Created);
        Assert.Equal((47, 10, 4, 4), (first.ToleranceScore, first.ToleranceLevel, first.CapacityLevel, first.RecommendedLevel));
        Assert.Contains("the lower one wins", first.Reason, StringComparison.Ordinal);

        var second = await (await client.PostAsync(url, new RiskProfileRequest(person.Id, Letters("cbbbbbbbbbbbb"), 20, IncomeStability.Stable, 6, 0.1, 0)))
            .ReadAsync<RiskProfileDto>(HttpStatusCode.Created);
        Assert.Equal((28, 6, 10, 6), (second.ToleranceScore, second.ToleranceLevel, second.CapacityLevel, second.RecommendedLevel));

        var summary = await (await client.GetAsync(url)).ReadAsync<RiskProfileSummaryDto>();
        Assert.Equal(second.Id, Assert.Single(summary.Current).Profile.Id);
        Assert.False(summary.Current[0].RetakeSuggested);
        Assert.Equal(2, summary.History.Count);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Get_ProfileOlderThanAYear_SuggestsARetake(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, householdId, person) = await SetUpAsync(app);
        await using (var db = app.CreateDbContext())
        {
            db.RiskProfiles.Add(new PersonRiskProfile
            {
                HouseholdId = householdId,
                PersonId = person.Id,
                Answers = "bbbbbbbbbbbbb",
                ToleranceScore = 29,
                ToleranceBand = "Above-average risk tolerance",
                ToleranceLevel = 7,
                HorizonYears = 20,
                IncomeStability = IncomeStability.Stable,
                EmergencyFundMonths = 6,
                DebtServiceRatio = 0.1,
                CapacityPoints = 12,
                CapacityLevel = 10,
                RecommendedLevel = 7,
                Reason = "stored",
                TakenUtc = DateTimeOffset.UtcNow.AddDays(-400),
            });
            await db.SaveChangesAsync();
        }

        var summary = await (await client.GetAsync($"/api/households/{householdId}/risk-profile")).ReadAsync<RiskProfileSummaryDto>();

        Assert.True(Assert.Single(summary.Current).RetakeSuggested);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Take_BadInput_OrSomeoneElsesPerson_IsRefused_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, householdId, person) = await SetUpAsync(app);
        var url = $"/api/households/{householdId}/risk-profile";

        var wrong = await (await client.PostAsync(url, new RiskProfileRequest(person.Id, Letters("cbbbbbbbcbbbb"), 20, IncomeStability.Stable, 6, 0.1, 0)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(wrong.GetProperty("errors").TryGetProperty("answers[8]", out _));
        await (await client.PostAsync(url, new RiskProfileRequest(person.Id, Letters("cbbbbbbbbbbbb"), -1, IncomeStability.Stable, 6, 0.1, 0)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        // A person of another household (of another user) is not found here, and that household's profiles are not reachable.
        var stranger = app.CreateClient(await app.CreateUserAsync());
        var theirs = await stranger.HouseholdAsync();
        var theirPerson = await (await stranger.PostAsync($"/api/households/{theirs.Id}/people", new PersonRequest("Bo", new DateOnly(1970, 1, 1), FilingStatus.Single, "US", null)))
            .ReadAsync<PersonDto>(HttpStatusCode.Created);
        await (await client.PostAsync(url, new RiskProfileRequest(theirPerson.Id, Letters("cbbbbbbbbbbbb"), 20, IncomeStability.Stable, 6, 0.1, 0)))
            .ReadProblemAsync(HttpStatusCode.NotFound, "person-not-found");
        await (await client.GetAsync($"/api/households/{theirs.Id}/risk-profile")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");

        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.RiskProfiles.CountAsync());
    }

    [Fact]
    public async Task Questionnaire_ServesThirteenItemsWithTheirPoints()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);

        var questionnaire = await (await app.CreateClient().GetAsync("/api/risk-profile/questionnaire")).ReadAsync<QuestionnaireDto>();

        Assert.Equal(13, questionnaire.Items.Count);
        Assert.Equal([4, 3, 2, 1], questionnaire.Items[0].Options.Select(o => o.Points));
        Assert.Equal((13, 47, 5), (questionnaire.MinScore, questionnaire.MaxScore, questionnaire.Bands.Count));
    }
}
