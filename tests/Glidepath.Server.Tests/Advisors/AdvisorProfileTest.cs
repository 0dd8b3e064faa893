using System.Net;
using Glidepath.Application.Advisors;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Tests.Planning;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Advisors;

/// <summary>Profiles, verification and matching: only verified advisors are listed, ranked by the documented rule.</summary>
public class AdvisorProfileTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Profile_IsListedToClientsOnlyAfterAnAdminVerifiesIt(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        var (user, advisor) = await AdvisorFixtures.AdvisorAsync(app, "Dana Reyes", ["retirement", "tax"], "America/New_York", verify: false);
        using var admin = await app.CreateOperatorClientAsync();
        var url = $"/api/households/{household.Id}/advisors";

        Assert.Empty((await (await owner.GetAsync(url)).ReadAsync<AdvisorMatchesDto>()).Advisors);
        var pending = await (await admin.GetAsync("/api/admin/advisors")).ReadAsync<List<AdminAdvisorDto>>();
        Assert.False(pending.Single(a => a.Profile.AdvisorId == user.Id).Profile.Verified);
        Assert.Equal(user.Email, pending.Single(a => a.Profile.AdvisorId == user.Id).Email);
        await (await owner.GetAsync($"{url}/{user.Id}/slots")).ReadProblemAsync(HttpStatusCode.NotFound, "advisor-not-found");

        var verified = await (await admin.PostAsync($"/api/admin/advisors/{user.Id}/verify", new { })).ReadAsync<AdvisorProfileDto>();
        Assert.True(verified.Verified);
        var listed = Assert.Single((await (await owner.GetAsync(url)).ReadAsync<AdvisorMatchesDto>()).Advisors);
        Assert.Equal("Dana Reyes", listed.Advisor.DisplayName);
        Assert.Equal(["retirement", "tax"], listed.Advisor.Specialities);

        // New credentials need a new check; the other fields do not.
        var bio = await (await advisor.PutAsync("/api/advisor/profile", new AdvisorProfileRequest(null, null, null, null, null, null, null, "New bio", null))).ReadAsync<AdvisorProfileDto>();
        Assert.True(bio.Verified);
        var credentials = await (await advisor.PutAsync("/api/advisor/profile", new AdvisorProfileRequest(null, null, "CFP, CFA", null, null, null, null, null, null))).ReadAsync<AdvisorProfileDto>();
        Assert.False(credentials.Verified);
        Assert.Empty((await (await owner.GetAsync(url)).ReadAsync<AdvisorMatchesDto>()).Advisors);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Profile_BadInput_IsAProblem_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var user = await app.CreateUserAsync(roles: [Roles.Advisor], ownHousehold: false);
        var advisor = app.CreateClient(user);

        await (await advisor.PutAsync("/api/advisor/profile", new AdvisorProfileRequest("X", ["astrology"], "", ["english"], "Mars/Olympus", "free", null, null, 5)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        // "US" is a folder of the zone database, the others paths out of it (the API fuzzer found the first answering 500).
        foreach (var zone in new[] { "US", "../../etc/passwd", "/etc/localtime", "Europe\\Berlin" })
        {
            var problem = await (await advisor.PutAsync("/api/advisor/profile", new AdvisorProfileRequest("X", ["tax"], "", ["en"], zone, "flat", null, null, 30)))
                .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("timeZone", out _), zone);
        }

        // A null in a list is bad input, not a crash (the API fuzzer found it answering 500).
        var nulls = await (await advisor.PutAsync("/api/advisor/profile", new AdvisorProfileRequest("X", [null!], "", [null!], "Europe/Berlin", "flat", null, null, 30)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(["languages", "specialities"], nulls.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        await (await advisor.GetAsync("/api/advisor/profile")).ReadProblemAsync(HttpStatusCode.NotFound, "advisor-profile-not-found");
        await (await advisor.PutAsync("/api/advisor/availability", new AvailabilityRequest([], []))).ReadProblemAsync(HttpStatusCode.NotFound, "advisor-profile-not-found");

        await (await advisor.PutAsync("/api/advisor/profile", new AdvisorProfileRequest("X", ["tax"], "", ["en"], "Europe/Berlin", "flat", null, null, 30))).ReadAsync<AdvisorProfileDto>();
        await (await advisor.PutAsync("/api/advisor/availability", new AvailabilityRequest([new("monday", "09:00", "12:00")], []))).ReadAsync<AvailabilityDto>();
        await (await advisor.PutAsync("/api/advisor/availability", new AvailabilityRequest([new("monday", "13:00", "12:00"), new("funday", "09:00", "10:00")], [])))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var kept = await (await advisor.GetAsync("/api/advisor/availability")).ReadAsync<AvailabilityDto>();
        Assert.Equal([new WeeklyHoursDto("monday", "09:00", "12:00")], kept.Weekly);
        Assert.Equal("Europe/Berlin", kept.TimeZone);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Advisors_AreForTheirRoles_AndMatchingIsForTheOwner(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        var stranger = app.CreateClient(await app.CreateUserAsync());
        var (user, advisor) = await AdvisorFixtures.AdvisorAsync(app, "Dana", ["tax"]);

        await (await stranger.GetAsync("/api/advisor/profile")).ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await stranger.GetAsync("/api/admin/advisors")).ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await advisor.PostAsync($"/api/admin/advisors/{user.Id}/verify", new { })).ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await stranger.GetAsync($"/api/households/{household.Id}/advisors")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
        await (await stranger.GetAsync($"/api/households/{household.Id}/consultations")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
        await (await app.CreateAnonymousClient().GetAsync($"/api/households/{household.Id}/advisors")).ReadProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        using var admin = await app.CreateOperatorClientAsync();
        await (await admin.PostAsync($"/api/admin/advisors/{Guid.NewGuid()}/verify", new { })).ReadProblemAsync(HttpStatusCode.NotFound, "advisor-not-found");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Match_RanksByTheHouseholdsNeeds_FiltersByNeedAndLanguage_AndSaysWhy(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        // examples/household-plan.json: a retirement goal and a "Tuition" goal.
        var plan = await File.ReadAllTextAsync(Path.Combine(Fuzzing.CsvFiles.RepositoryRoot(), "examples", "household-plan.json"));
        await (await owner.PostAsync($"/api/households/{household.Id}/plans", PlanningEndpointsTest.Request("Family plan", plan))).ReadAsync<Glidepath.Server.Planning.PlanDto>(HttpStatusCode.Created);
        var (both, _) = await AdvisorFixtures.AdvisorAsync(app, "Both", ["retirement", "education"], languages: ["en", "es"]);
        var (one, _) = await AdvisorFixtures.AdvisorAsync(app, "Retirement only", ["retirement"], languages: ["en"]);
        var (none, _) = await AdvisorFixtures.AdvisorAsync(app, "Debt only", ["debt"], languages: ["de"]);
        var url = $"/api/households/{household.Id}/advisors";

        var all = await (await owner.GetAsync(url)).ReadAsync<AdvisorMatchesDto>();
        Assert.Equal(["retirement", "education"], all.Needs.Select(n => n.Speciality));
        Assert.Equal("plan 'Family plan' has the goal 'Tuition'", all.Needs[1].Because);
        Assert.Equal([both.Id, one.Id, none.Id], all.Advisors.Select(a => a.Advisor.AdvisorId));
        Assert.Equal([1, 2, 3], all.Advisors.Select(a => a.Rank));
        // All three have ten or more free slots and no reviews: the score differs by fit only (0.5·fit + 0.3 + 0.1).
        Assert.Equal([0.9, 0.65, 0.4], all.Advisors.Select(a => a.Score));
        Assert.Contains("Covers 1 of 2 needs: retirement (not education).", all.Advisors[1].Reasons);

        var spanish = await (await owner.GetAsync($"{url}?language=es")).ReadAsync<AdvisorMatchesDto>();
        Assert.Equal([both.Id], spanish.Advisors.Select(a => a.Advisor.AdvisorId));
        var debt = await (await owner.GetAsync($"{url}?need=debt")).ReadAsync<AdvisorMatchesDto>();
        Assert.Equal([none.Id], debt.Advisors.Select(a => a.Advisor.AdvisorId));
        Assert.Equal(new NeedDto("debt", "asked for"), debt.Needs[0]);
        await (await owner.GetAsync($"{url}?need=astrology")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }
}
