using System.Globalization;
using System.Text;
using System.Text.Json;
using Glidepath.Domain.Planning;

namespace Glidepath.Domain.Tests.Planning;

/// <summary>
/// The fast scenario reader (start-up, issue 18) against the serializer it stands in for: whatever
/// it reads must be the serializer's document, field for field, and whatever the serializer refuses
/// it must leave to the serializer (null), so errors stay the serializer's.
/// </summary>
public class ScenarioReaderTests
{
    private static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", name));

    /// <summary>The serializer's reading, or null where it throws.</summary>
    private static ScenarioDocument? Serializer(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ScenarioDocument>(json, ScenarioParser.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void AssertAgrees(string json, bool mustBeFast)
    {
        var fast = ScenarioReader.TryRead(json);
        var slow = Serializer(json);
        if (mustBeFast)
        {
            Assert.NotNull(fast);
        }

        if (fast is not null)
        {
            Assert.True(slow is not null, $"the fast reader accepted what the serializer refuses: {json}");
            // Every member, defaults included (Write leaves out only nulls).
            Assert.Equal(ScenarioParser.Write(slow), ScenarioParser.Write(fast));
        }
    }

    [Theory]
    [InlineData("benchmark-retirement.json", true)]
    [InlineData("guardrails-student-t.json", true)]
    [InlineData("historical-sequences.json", true)]
    [InlineData("household-plan.json", false)] // plan: the serializer's
    [InlineData("household-plan-taxes.json", false)] // plan and taxes: the serializer's
    public void TryRead_Examples_EqualTheSerializer(string name, bool fast)
    {
        var json = Example(name);

        AssertAgrees(json, fast);
        Assert.Equal(fast, ScenarioReader.TryRead(json) is not null);
    }

    [Theory]
    [InlineData("""{"horizonMonths": 12, "assets": [{"name": "a", "expectedReturn": 0.05, "volatility": 0.1}]}""")] // allocation missing
    [InlineData("""{"horizonMonths": 12.5, "assets": [], "allocation": {"weights": []}}""")] // fractional int
    [InlineData("""{"horizonMonths": "12", "assets": [], "allocation": {"weights": []}}""")] // string for a number
    [InlineData("""{"HorizonMonths": 12, "assets": [], "allocation": {"weights": []}}""")] // case: the serializer's rule
    [InlineData("""{"horizonMonths": 12, "horizonMonths": 12, "assets": [], "allocation": {"weights": []}}""")] // duplicate
    [InlineData("""{"horizonMonths": 12, "assets": [], "allocation": {"weights": []}, "extra": 1}""")] // unknown field
    [InlineData("""{"horizonMonths": 12, "assets": [], "allocation": {"weights": [], "rebalance": "Monthly"}}""")] // enum spelling
    [InlineData("""{"horizonMonths": 12, "assets": [], "allocation": {"weights": []}, "paths": null}""")] // null for a value
    [InlineData("""{"horizonMonths": 12, "assets": [], "allocation": {"weights": []},}""")] // trailing comma
    [InlineData("""{"horizonMonths": 12, /* c */ "assets": [], "allocation": {"weights": []}}""")] // comment
    [InlineData("""[1, 2]""")]
    [InlineData("""null""")]
    [InlineData("""{"horizonMonths": 12, "assets": [], "allocation": {"weights": []}, "seed": -1}""")]
    [InlineData("""{"horizonMonths": 12, "assets": [{"name": null, "expectedReturn": 0, "volatility": 0}], "allocation": {"weights": []}}""")]
    [InlineData("""{"horizonMonths": 12, "assets": [], "allocation": {"weights": []}, "plan": {"people": []}}""")] // an extension it leaves
    public void TryRead_WhatItDoesNotMap_IsLeftToTheSerializer(string json)
    {
        Assert.Null(ScenarioReader.TryRead(json));
    }

    [Fact]
    public void TryRead_ErrorsAreTheSerializers()
    {
        var bad = """{"horizonMonths": 12, "assets": [], "allocation": {"weights": [], "rebalance": "weekly"}}""";

        var parsed = ScenarioParser.Parse(bad);

        Assert.False(parsed.Succeeded);
        Assert.Equal("allocation.rebalance", parsed.Problem!.Field);
    }

    /// <summary>
    /// 3,000 generated scenarios over every field the reader maps, each also mutated one way the
    /// serializer may refuse (or accept: then the documents must still be equal).
    /// </summary>
    [Fact]
    public void TryRead_GeneratedScenarios_EqualTheSerializer()
    {
        var random = new Random(18);
        var fastCount = 0;
        for (var n = 0; n < 3000; n++)
        {
            var fields = Scenario(random);
            var json = Render(fields);
            AssertAgrees(json, mustBeFast: true);
            fastCount++;

            var mutated = Render(Mutate(fields, random));
            AssertAgrees(mutated, mustBeFast: false);
        }

        Assert.Equal(3000, fastCount);
    }

    // A JSON object as an ordered list of (name, raw JSON value); nested objects as rendered text.
    private static List<(string Name, string Value)> Scenario(Random r)
    {
        var assets = r.Next(1, 4);
        var fields = new List<(string, string)>
        {
            ("horizonMonths", Int(r, 1, 1200)),
            ("assets", Array(assets, _ => Render([("name", Str(r)), ("expectedReturn", Num(r)), ("volatility", Num(r))]))),
            ("allocation", Render(Allocation(r, assets))),
        };
        Maybe(r, fields, "startBalance", () => r.Next(5) == 0 ? "null" : Num(r));
        Maybe(r, fields, "inflation", () => r.Next(5) == 0 ? "null" : Num(r));
        Maybe(r, fields, "correlations", () => r.Next(5) == 0 ? "null" : Array(assets, _ => Array(assets, _ => Num(r))));
        Maybe(r, fields, "cashFlows", () => Array(r.Next(0, 4), _ => Render(CashFlow(r))));
        Maybe(r, fields, "annualFee", () => Num(r));
        Maybe(r, fields, "paths", () => Int(r, 1, 1_000_000));
        Maybe(r, fields, "seed", () => ((ulong)r.NextInt64() * 2).ToString(CultureInfo.InvariantCulture));
        Maybe(r, fields, "antithetic", () => r.Next(2) == 0 ? "true" : "false");
        Maybe(r, fields, "returnModel", () => r.Next(5) == 0 ? "null" : Render(ReturnModel(r, assets)));
        Maybe(r, fields, "spending", () => r.Next(5) == 0 ? "null" : Render(Spending(r)));
        Maybe(r, fields, "targetSuccess", () => Num(r));
        Shuffle(r, fields);
        return fields;
    }

    private static List<(string, string)> Allocation(Random r, int assets)
    {
        var fields = new List<(string, string)> { ("weights", Array(assets, _ => Num(r))) };
        Maybe(r, fields, "rebalance", () => Pick(r, "monthly", "annually", "never"));
        Maybe(r, fields, "glidePath", () => r.Next(4) == 0 ? "null" : Array(r.Next(0, 3), _ =>
        {
            var point = new List<(string, string)> { ("weights", Array(assets, _ => Num(r))) };
            Maybe(r, point, "month", () => r.Next(4) == 0 ? "null" : Int(r, 0, 600));
            Maybe(r, point, "age", () => r.Next(4) == 0 ? "null" : Num(r));
            return Render(point);
        }));
        return fields;
    }

    private static List<(string, string)> CashFlow(Random r)
    {
        var fields = new List<(string, string)>
        {
            ("kind", Pick(r, "contribution", "withdrawal")),
            ("amount", Num(r)),
            ("startMonth", Int(r, 0, 600)),
            ("endMonth", Int(r, 0, 600)),
        };
        Maybe(r, fields, "frequency", () => Pick(r, "monthly", "annual", "once"));
        Maybe(r, fields, "inflationIndexed", () => r.Next(2) == 0 ? "true" : "false");
        Maybe(r, fields, "role", () => r.Next(5) == 0 ? "null" : Pick(r, "saving", "spending", "income", "goal"));
        Maybe(r, fields, "goal", () => r.Next(5) == 0 ? "null" : Str(r));
        Maybe(r, fields, "priority", () => Int(r, -3, 10));
        Shuffle(r, fields);
        return fields;
    }

    private static List<(string, string)> ReturnModel(Random r, int assets)
    {
        var fields = new List<(string, string)> { ("kind", Pick(r, "normal", "studentT", "bootstrap", "historical")) };
        Maybe(r, fields, "degreesOfFreedom", () => Int(r, 1, 30));
        Maybe(r, fields, "blockMonths", () => Int(r, 1, 60));
        Maybe(r, fields, "series", () =>
        {
            var series = new List<(string, string)>();
            Maybe(r, series, "file", () => r.Next(4) == 0 ? "null" : Str(r));
            Maybe(r, series, "dataset", () => r.Next(4) == 0 ? "null" : Str(r));
            Maybe(r, series, "monthlyReturns", () => r.Next(4) == 0 ? "null" : Array(assets, _ => Array(r.Next(0, 5), _ => Num(r))));
            Maybe(r, series, "columns", () => r.Next(4) == 0 ? "null" : Array(assets, _ => Str(r)));
            Maybe(r, series, "units", () => Pick(r, "fraction", "percent"));
            Maybe(r, series, "returns", () => Pick(r, "simple", "log"));
            Maybe(r, series, "monthlyOffset", () => Num(r));
            return Render(series);
        });
        return fields;
    }

    private static List<(string, string)> Spending(Random r)
    {
        var fields = new List<(string, string)>
        {
            ("rule", Pick(r, "constantReal", "percentOfPortfolio", "guytonKlinger", "vpw")),
            ("annualAmount", Num(r)),
            ("startMonth", Int(r, 0, 600)),
            ("endMonth", Int(r, 0, 600)),
        };
        foreach (var name in new[] { "rate", "floor", "guardrail", "adjustment", "expectedRealReturn" })
        {
            Maybe(r, fields, name, () => Num(r));
        }

        Maybe(r, fields, "ceiling", () => r.Next(4) == 0 ? "null" : Num(r));
        Shuffle(r, fields);
        return fields;
    }

    /// <summary>One change at the top level or inside a nested object: drop, duplicate, rename, retype, null.</summary>
    private static List<(string Name, string Value)> Mutate(List<(string Name, string Value)> fields, Random r)
    {
        var copy = new List<(string Name, string Value)>(fields);
        var i = r.Next(copy.Count);
        var (name, value) = copy[i];
        switch (r.Next(9))
        {
            case 0:
                copy.RemoveAt(i);
                break;
            case 1:
                copy.Add((name, value));
                break;
            case 2:
                copy[i] = (char.ToUpperInvariant(name[0]) + name[1..], value);
                break;
            case 3:
                copy[i] = (name, "null");
                break;
            case 4:
                copy[i] = (name, "\"" + value.Replace("\"", "'", StringComparison.Ordinal) + "\"");
                break;
            case 5:
                copy[i] = (name, "1.5");
                break;
            case 6:
                copy.Add((Pick(r, "fromLedger", "plan", "taxes", "unknown"), "{}"));
                break;
            case 7:
                // Inside the nested text: a field renamed, a value made null or a string, an extension added.
                copy[i] = (name, Pick(r, "\"kind\"", "\"weights\"", "\"name\"", "\"amount\"") is var key && value.Contains(key, StringComparison.Ordinal)
                    ? value.Replace(key, Pick(r, "\"Kind\"", "\"taxAs\"", "\"assetClasses\"", "\"x\""), StringComparison.Ordinal)
                    : value.Replace("true", "\"true\"", StringComparison.Ordinal));
                break;
            default:
                copy[i] = (name, value.Replace("\"monthly\"", "\"Monthly\"", StringComparison.Ordinal).Replace(": 1", ": null", StringComparison.Ordinal));
                break;
        }

        return copy;
    }

    private static void Maybe(Random r, List<(string, string)> fields, string name, Func<string> value)
    {
        if (r.Next(2) == 0)
        {
            fields.Add((name, value()));
        }
    }

    private static void Shuffle(Random r, List<(string, string)> fields)
    {
        for (var i = fields.Count - 1; i > 0; i--)
        {
            var j = r.Next(i + 1);
            (fields[i], fields[j]) = (fields[j], fields[i]);
        }
    }

    private static string Render(List<(string Name, string Value)> fields)
    {
        var b = new StringBuilder("{");
        for (var i = 0; i < fields.Count; i++)
        {
            b.Append(i == 0 ? "" : ", ").Append('"').Append(fields[i].Name).Append("\": ").Append(fields[i].Value);
        }

        return b.Append('}').ToString();
    }

    private static string Array(int count, Func<int, string> item) => "[" + string.Join(", ", Enumerable.Range(0, count).Select(item)) + "]";

    private static string Pick(Random r, params string[] names) => "\"" + names[r.Next(names.Length)] + "\"";

    private static string Int(Random r, int low, int high) => r.Next(low, high).ToString(CultureInfo.InvariantCulture);

    // Integers, decimals, exponents and negatives: the number forms a scenario may hold.
    private static string Num(Random r) => r.Next(4) switch
    {
        0 => r.Next(-5, 2_000_000).ToString(CultureInfo.InvariantCulture),
        1 => (r.NextDouble() * 2).ToString("R", CultureInfo.InvariantCulture),
        2 => (r.NextDouble() * 1000).ToString("E6", CultureInfo.InvariantCulture),
        _ => (-r.NextDouble()).ToString("F4", CultureInfo.InvariantCulture),
    };

    private static string Str(Random r) => JsonSerializer.Serialize(new string((char)r.Next('a', 'z'), r.Next(0, 6)) + (r.Next(3) == 0 ? "\u00e9\"\\" : ""));
}
