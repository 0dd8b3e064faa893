using Glidepath.Domain.Rebalancing;

namespace Glidepath.Domain.Tests.Rebalancing;

public class PortfolioSnapshotJsonTest
{
    [Fact]
    public void Parse_ExampleFile_ReadsEveryPartAndProposes()
    {
        var (snapshot, error) = PortfolioSnapshotJson.Parse(File.ReadAllText(ExamplePath("rebalance-snapshot.json")));

        Assert.Null(error);
        Assert.Equal((2, 5, 3, 4), (snapshot!.Accounts.Count, snapshot.Instruments.Count, snapshot.Targets.Count, snapshot.Accounts[0].Lots.Count));
        Assert.Equal(Households.AccountType.RothIra, snapshot.Accounts[1].Type);
        var proposal = Rebalancer.Propose(snapshot);
        Assert.All(proposal.Drifts, d => Assert.True(d.InBandAfter || d.Reason is not null));
        var harvest = snapshot.HarvestSettings();
        Assert.Equal((200m, 0.05m, 500m, 2), (harvest.MinLoss, harvest.MinLossFraction, harvest.LargeGain, harvest.Replacements.Count));
        var (again, _) = PortfolioSnapshotJson.Parse(PortfolioSnapshotJson.Serialize(snapshot));
        Assert.Equal(snapshot.Accounts[0].Lots, again!.Accounts[0].Lots);
    }

    [Fact]
    public void Parse_AssetLocation_OptionalAndRoundTrips()
    {
        var (example, _) = PortfolioSnapshotJson.Parse(File.ReadAllText(ExamplePath("rebalance-snapshot.json")));
        Assert.False(example!.AssetLocation);

        var json = PortfolioSnapshotJson.Serialize(example with { AssetLocation = true });
        Assert.Contains("\"assetLocation\": true", json, StringComparison.Ordinal);
        Assert.True(PortfolioSnapshotJson.Parse(json).Snapshot!.AssetLocation);
    }

    [Fact]
    public void Parse_NotASnapshot_ReturnsError()
    {
        var (snapshot, error) = PortfolioSnapshotJson.Parse("{ \"asOf\": 12 }");

        Assert.Null(snapshot);
        Assert.NotNull(error);
    }

    private static string ExamplePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name);
    }
}
