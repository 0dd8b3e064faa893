using System.Text.Json;
using Glidepath.Domain.RiskProfile;
using Glidepath.Domain.Tests.Properties;
using Xunit.Abstractions;

namespace Glidepath.Domain.Tests.RiskProfile;

/// <summary>
/// The Grable &amp; Lytton scoring against the sample's published grid and its 16 test vectors
/// (Fixtures/grable_lytton_1999_risk_tolerance.json, a copy of /work/shared/samples/risk; origins in
/// that folder's README), the capacity points and the combination rule of docs/risk-profile.md.
/// </summary>
public sealed class RiskProfileRulesTest(ITestOutputHelper output)
{
    private static readonly JsonElement Sample = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "RiskProfile", "Fixtures", "grable_lytton_1999_risk_tolerance.json"))).RootElement;

    private static List<string> Letters(string answers) => [.. answers.Select(c => c.ToString())];

    public static TheoryData<string, int, string> Vectors()
    {
        var data = new TheoryData<string, int, string>();
        // The sample lists "bbbbbbbbbbbbb" twice (identically); xUnit would skip the second as a duplicate case.
        foreach (var v in Sample.GetProperty("test_vectors").EnumerateArray().DistinctBy(v => v.GetProperty("answers").GetString()))
        {
            data.Add(v.GetProperty("answers").GetString()!, v.GetProperty("score").GetInt32(), v.GetProperty("band").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Score_PublishedTestVectors_GiveThePublishedScoreAndBand(string answers, int score, string band)
    {
        Assert.True(RiskProfileRules.Score(Letters(answers)).TryGet(out var scored, out _));
        Assert.Equal(score, scored);
        Assert.Equal(band, RiskProfileRules.Band(scored));
    }

    [Fact]
    public void Items_MatchThePublishedGrid()
    {
        var items = Sample.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, GrableLyttonScale.Items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var options = items[i].GetProperty("options").EnumerateArray().ToList();
            Assert.Equal(
                options.Select(o => (o.GetProperty("key").GetString(), o.GetProperty("points").GetInt32())),
                GrableLyttonScale.Items[i].Options.Select(o => ((string?)o.Key, o.Points)));
        }

        Assert.Equal((13, 47), (GrableLyttonScale.MinScore, GrableLyttonScale.MaxScore));
    }

    [Theory]
    [InlineData("cbbbbbbbbbbb", "answers")]
    [InlineData("cbbbbbbbcbbbb", "answers[8]")]
    [InlineData("cbbebbbbbbbbb", "answers[3]")]
    public void Score_WrongAnswers_NameTheField(string answers, string field)
    {
        Assert.False(RiskProfileRules.Score(Letters(answers)).TryGet(out _, out var problem));
        Assert.Equal(field, problem.Field);
    }

    [Theory]
    [InlineData(13, 1)]
    [InlineData(18, 2)]
    [InlineData(19, 3)]
    [InlineData(22, 4)]
    [InlineData(23, 5)]
    [InlineData(28, 6)]
    [InlineData(29, 7)]
    [InlineData(32, 8)]
    [InlineData(33, 9)]
    [InlineData(47, 10)]
    public void ToleranceLevel_BandBoundaries(int score, int level) => Assert.Equal(level, RiskProfileRules.ToleranceLevel(score));

    [Fact]
    public void Capacity_BestAndWorstAnswers_GiveTheEnds()
    {
        var best = RiskProfileRules.Capacity(new CapacityInputs(30, IncomeStability.Stable, 12, 0.1, 0));
        Assert.Equal((12, 10), (best.Points, best.Level));
        Assert.Empty(best.Limits);
        var worst = RiskProfileRules.Capacity(new CapacityInputs(1, IncomeStability.Unstable, 0, 0.5, 4));
        Assert.Equal((0, 1), (worst.Points, worst.Level));
        Assert.Equal(5, worst.Limits.Count);
    }

    [Fact]
    public void Capacity_ShortHorizon_CapsTheLevelAtThree()
    {
        // 0 (horizon) + 2 + 2 + 2 + 2 = 8 points → 1 + ⌊72/12⌋ = 7, capped at 3.
        var capacity = RiskProfileRules.Capacity(new CapacityInputs(2, IncomeStability.Stable, 12, 0.0, 0));
        Assert.Equal((8, 3), (capacity.Points, capacity.Level));
    }

    [Fact]
    public void Assess_HighToleranceLowCapacity_CapacityWins_AndSaysWhy()
    {
        // Score 47 → level 10; capacity: horizon 4 y (1) + variable (1) + 2 months (0) + 0.3 (1) + 1 dependant (1) = 4 → 1 + ⌊36/12⌋ = 4.
        Assert.True(RiskProfileRules.Assess(Letters("addccdddbbdcd"), new CapacityInputs(4, IncomeStability.Variable, 2, 0.3, 1)).TryGet(out var a, out _));
        Assert.Equal((10, 4, 4), (a.Tolerance.Level, a.Capacity.Level, a.RecommendedLevel));
        Assert.Contains("the emergency fund covers less than 3 months", a.Reason, StringComparison.Ordinal);
        Assert.Contains("the lower one wins, so level 4", a.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_LowToleranceHighCapacity_ToleranceWins()
    {
        Assert.True(RiskProfileRules.Assess(Letters("cbbbbaaaaaaaa"), new CapacityInputs(30, IncomeStability.Stable, 12, 0.1, 0)).TryGet(out var a, out _));
        Assert.Equal((18, 2, 10, 2), (a.Tolerance.Score, a.Tolerance.Level, a.Capacity.Level, a.RecommendedLevel));
        Assert.StartsWith("Your finances could carry level 10", a.Reason, StringComparison.Ordinal);
    }

    /// <summary>Raising any answer's points or any capacity factor never lowers the recommended level.</summary>
    [Fact]
    public void Assess_HigherToleranceAndCapacity_NeverGiveALowerLevel()
    {
        SeededProperty.Check(output, nameof(Assess_HigherToleranceAndCapacity_NeverGiveALowerLevel), 500, 0.99, seed =>
        {
            var random = new Random(seed);
            var items = GrableLyttonScale.Items;
            // Option indices ordered by points, so a higher index is never fewer points.
            var byPoints = items.Select(i => i.Options.OrderBy(o => o.Points).ToList()).ToList();
            var low = byPoints.Select(o => random.Next(o.Count)).ToList();
            var high = low.Select((x, i) => random.Next(x, byPoints[i].Count)).ToList();
            var lowInputs = new CapacityInputs(random.Next(0, 40), (IncomeStability)random.Next(3), random.NextDouble() * 12, random.NextDouble() * 0.6, random.Next(0, 6));
            var highInputs = new CapacityInputs(
                lowInputs.HorizonYears + random.Next(0, 10),
                (IncomeStability)random.Next((int)lowInputs.IncomeStability, 3),
                lowInputs.EmergencyFundMonths + (random.NextDouble() * 6),
                lowInputs.DebtServiceRatio * random.NextDouble(),
                random.Next(0, lowInputs.Dependants + 1));

            Assert.True(RiskProfileRules.Assess([.. low.Select((x, i) => byPoints[i][x].Key)], lowInputs).TryGet(out var lower, out _));
            Assert.True(RiskProfileRules.Assess([.. high.Select((x, i) => byPoints[i][x].Key)], highInputs).TryGet(out var higher, out _));
            Assert.True(higher.Tolerance.Score >= lower.Tolerance.Score);
            Assert.True(higher.Tolerance.Level >= lower.Tolerance.Level);
            Assert.True(higher.Capacity.Level >= lower.Capacity.Level);
            Assert.True(higher.RecommendedLevel >= lower.RecommendedLevel, $"seed {seed}: {lower.RecommendedLevel} → {higher.RecommendedLevel}");
            return true;
        });
    }
}
