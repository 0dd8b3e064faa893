using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Recommendations;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Quant.MonteCarlo;
using Glidepath.Server.Planning;
using Glidepath.Server.Recommendations;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Tests.Planning;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Recommendations;

/// <summary>
/// Save more / retire later / spend less: each effect is reproduced here by running the engine by hand on the plan's
/// scenario written out with the recommended value (the same seed and path count), not through the recommendation code.
/// </summary>
public class PlanRecommendationsTest
{
    /// <summary>One person of 45 retiring at 65 with 100,000 saved and 500 a month, spending 60,000 a year until 95: short of 85 %.</summary>
    internal static string Scenario(int paths, double monthlySaving = 500, double retirementAge = 65, double annualSpending = 60_000) => """
        {"startBalance": 100000, "horizonMonths": 600, "inflation": 0.025,
         "assets": [{"name": "Equity", "expectedReturn": 0.065, "volatility": 0.17}, {"name": "Bonds", "expectedReturn": 0.03, "volatility": 0.06}],
         "correlations": [[1, 0.1], [0.1, 1]],
         "allocation": {"weights": [0.6, 0.4]},
         "paths": PATHS, "seed": 11, "targetSuccess": 0.85,
         "plan": {"people": [{"name": "Alex", "age": 45, "retirementAge": RETIRE}],
                  "monthlySaving": SAVING,
                  "incomes": [{"kind": "socialSecurity", "person": 0, "annualAmount": 20000, "fromAge": 67}],
                  "goals": [{"name": "Retirement", "kind": "retirement", "annualAmount": SPENDING, "untilAge": 95}]}}
        """.Replace("PATHS", Text(paths), StringComparison.Ordinal).Replace("RETIRE", Text(retirementAge), StringComparison.Ordinal)
        .Replace("SAVING", Text(monthlySaving), StringComparison.Ordinal).Replace("SPENDING", Text(annualSpending), StringComparison.Ordinal);

    /// <summary>A number as JSON writes it, round-tripping the double.</summary>
    private static string Text(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The engine run by hand: parse, compile, simulate.</summary>
    internal static double Success(string json)
    {
        var document = ScenarioParser.Parse(json).Match(d => d, p => throw new InvalidOperationException(p.Message));
        var compiled = ScenarioCompiler.Compile(document, null).Match(c => c, p => throw new InvalidOperationException(p.Message));
        return MonteCarloSimulator.Run(compiled.Input).SuccessProbability;
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task PlanAdvice_EachEffectIsTheSameSeedRunWithAndWithoutTheChange(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        // The plan asks for 20,000 paths; the advice runs 5,000 (PlanLeverRules.MaxPaths) with the plan's seed.
        var plan = await (await client.PostAsync($"{url}/plans", PlanningEndpointsTest.Request("Retirement", Scenario(20_000)))).ReadAsync<PlanDto>(HttpStatusCode.Created);

        var list = await (await client.GetAsync($"{url}/recommendations")).ReadAsync<RecommendationsDto>();

        var without = Success(Scenario(5_000));
        Assert.True(without < 0.85, $"the plan should fall short of its target, succeeds {without}");
        var save = Assert.Single(list.Items, i => i.Kind == RecommendationKinds.SaveMore);
        var later = Assert.Single(list.Items, i => i.Kind == RecommendationKinds.RetireLater);
        var less = Assert.Single(list.Items, i => i.Kind == RecommendationKinds.SpendLess);
        Assert.Equal($"save-more:{plan.Id}", save.Key);
        Assert.Equal((5_000m, 11m, Math.Round((decimal)without, 6)), (save.Data["paths"], save.Data["seed"], save.Data["successProbability"]));

        // Save more: the recommended saving reaches 85 %, one unit less does not, and the effect is the difference of the two runs.
        var saving = (double)save.Data["monthlySaving"];
        var withSaving = Success(Scenario(5_000, monthlySaving: saving));
        Assert.True(withSaving >= 0.85 && Success(Scenario(5_000, monthlySaving: saving - 1)) < 0.85);
        Assert.Equal(withSaving - without, save.Effect.SuccessProbabilityChange!.Value, 12);
        Assert.Equal((decimal)saving - 500m, save.Effect.Amount);

        // Retire later: the first month that reaches the target (age = 45 + month / 12), a month earlier does not.
        var month = (double)later.Data["retirementMonth"];
        var withLater = Success(Scenario(5_000, retirementAge: 45 + (month / 12)));
        Assert.True(withLater >= 0.85 && Success(Scenario(5_000, retirementAge: 45 + ((month - 1) / 12))) < 0.85);
        Assert.Equal(withLater - without, later.Effect.SuccessProbabilityChange!.Value, 12);
        Assert.Equal(month - 240, (double)later.Data["monthsLater"]);

        // Spend less: the most spending (to 10 a year) that reaches the target.
        var spending = (double)less.Data["annualSpending"];
        var withLess = Success(Scenario(5_000, annualSpending: spending));
        Assert.True(withLess >= 0.85 && Success(Scenario(5_000, annualSpending: spending + 10)) < 0.85);
        Assert.Equal(withLess - without, less.Effect.SuccessProbabilityChange!.Value, 12);
        Assert.Equal(60_000m - (decimal)spending, less.Effect.Amount);

        // A dismissal of the plan's advice holds until the plan changes (its version is in the fingerprint).
        await (await client.PostAsJsonAsync($"{url}/recommendations/{save.Key}/decision", new { status = "Dismissed", reason = "We will work longer instead." })).ReadAsync<RecommendationDto>();
        var after = await (await client.GetAsync($"{url}/recommendations")).ReadAsync<RecommendationsDto>();
        Assert.DoesNotContain(after.Items, i => i.Key == save.Key);
        await (await client.PutAsync($"{url}/plans/{plan.Id}", PlanningEndpointsTest.Request("Retirement", Scenario(20_000, monthlySaving: 600), plan.Version))).ReadAsync<PlanDto>();
        var changed = await (await client.GetAsync($"{url}/recommendations")).ReadAsync<RecommendationsDto>();
        Assert.Equal(RecommendationStatus.Open, Assert.Single(changed.Items, i => i.Key == save.Key).Status);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task PlanAdvice_NoneWhenThePlanAlreadyReachesItsTarget(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var rich = Scenario(2_000, monthlySaving: 6_000, annualSpending: 30_000);
        Assert.True(Success(rich) >= 0.85);
        await (await client.PostAsync($"{url}/plans", PlanningEndpointsTest.Request("Comfortable", rich))).ReadAsync<PlanDto>(HttpStatusCode.Created);

        var list = await (await client.GetAsync($"{url}/recommendations")).ReadAsync<RecommendationsDto>();

        Assert.DoesNotContain(list.Items, i => i.Kind is RecommendationKinds.SaveMore or RecommendationKinds.RetireLater or RecommendationKinds.SpendLess);
    }
}
