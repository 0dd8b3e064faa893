using System.Text.Json;

namespace Glidepath.Domain.Planning;

/// <summary>
/// The fast path of <see cref="ScenarioParser.Parse"/>: reads the common scenario shape through
/// <see cref="JsonDocument"/> (non-generic, precompiled in the framework's ReadyToRun image) with a
/// hand-written mapper, so a one-shot CLI run does not JIT-compile the serializer's generic
/// converters (about 960 methods, most of <c>glidepath simulate</c>'s start-up: bench/README.md,
/// issue 18). It accepts a strict subset of what the serializer accepts and answers null for
/// anything else (an unknown, misspelt or duplicated field, a wrong type, a null, a missing
/// required field, or an extension it does not map: <c>fromLedger</c>, <c>plan</c>, <c>taxes</c>,
/// <c>assetClasses</c>, <c>taxAs</c>); the serializer then reads the text and gives its usual error.
/// What it returns equals the serializer's document (ScenarioReaderTests compares them).
/// </summary>
internal static class ScenarioReader
{
    // A field given twice fails the parse (the serializer's rule for duplicates is its own to apply).
    private static readonly JsonDocumentOptions Strict = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, AllowDuplicateProperties = false };

    /// <summary>The document, or null where the serializer must decide.</summary>
    public static ScenarioDocument? TryRead(string json)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json, Strict);
            return Scenario(parsed.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Thrown inside the mapper for anything it leaves to the serializer.</summary>
    private sealed class Unmapped : Exception
    {
    }

    private static ScenarioDocument? Scenario(JsonElement e)
    {
        try
        {
            return ReadScenario(e);
        }
        catch (Unmapped)
        {
            return null;
        }
    }

    private static ScenarioDocument ReadScenario(JsonElement e)
    {
        var d = new ScenarioDocument { HorizonMonths = 0, Assets = [], Allocation = new AllocationDocument { Weights = [] } };
        bool horizon = false, assets = false, allocation = false;
        foreach (var p in Fields(e))
        {
            var v = p.Value;
            d = p.Name switch
            {
                "startBalance" => d with { StartBalance = NullableDouble(v) },
                "horizonMonths" => d with { HorizonMonths = Int(v) },
                "inflation" => d with { Inflation = NullableDouble(v) },
                "assets" => d with { Assets = Array(v, Asset) },
                "correlations" => d with { Correlations = v.ValueKind == JsonValueKind.Null ? null : Array(v, Doubles) },
                "allocation" => d with { Allocation = Allocation(v) },
                "cashFlows" => d with { CashFlows = Array(v, CashFlow) },
                "annualFee" => d with { AnnualFee = Double(v) },
                "paths" => d with { Paths = Int(v) },
                "seed" => d with { Seed = v.ValueKind == JsonValueKind.Number && v.TryGetUInt64(out var s) ? s : throw new Unmapped() },
                "antithetic" => d with { Antithetic = Bool(v) },
                "returnModel" => d with { ReturnModel = v.ValueKind == JsonValueKind.Null ? null : ReturnModel(v) },
                "spending" => d with { Spending = v.ValueKind == JsonValueKind.Null ? null : Spending(v) },
                "targetSuccess" => d with { TargetSuccess = Double(v) },
                _ => throw new Unmapped(), // fromLedger, plan, taxes, or a field the serializer refuses
            };
            horizon |= p.Name == "horizonMonths";
            assets |= p.Name == "assets";
            allocation |= p.Name == "allocation";
        }

        return horizon && assets && allocation ? d : throw new Unmapped();
    }

    private static AssetDocument Asset(JsonElement e)
    {
        string? name = null;
        double? expected = null, volatility = null;
        foreach (var p in Fields(e))
        {
            switch (p.Name)
            {
                case "name":
                    name = String(p.Value);
                    break;
                case "expectedReturn":
                    expected = Double(p.Value);
                    break;
                case "volatility":
                    volatility = Double(p.Value);
                    break;
                default:
                    throw new Unmapped(); // assetClasses (fromLedger) and unknown fields
            }
        }

        return name is not null && expected is { } mu && volatility is { } sigma ? new AssetDocument(name, mu, sigma) : throw new Unmapped();
    }

    private static AllocationDocument Allocation(JsonElement e)
    {
        var a = new AllocationDocument { Weights = [] };
        var weights = false;
        foreach (var p in Fields(e))
        {
            var v = p.Value;
            a = p.Name switch
            {
                "weights" => a with { Weights = Doubles(v) },
                "rebalance" => a with
                {
                    Rebalance = String(v) switch
                    {
                        "monthly" => RebalanceRule.Monthly,
                        "annually" => RebalanceRule.Annually,
                        "never" => RebalanceRule.Never,
                        _ => throw new Unmapped(),
                    },
                },
                "glidePath" => a with { GlidePath = v.ValueKind == JsonValueKind.Null ? null : Array(v, GlidePoint) },
                _ => throw new Unmapped(),
            };
            weights |= p.Name == "weights";
        }

        return weights ? a : throw new Unmapped();
    }

    private static GlidePointDocument GlidePoint(JsonElement e)
    {
        var g = new GlidePointDocument { Weights = [] };
        var weights = false;
        foreach (var p in Fields(e))
        {
            var v = p.Value;
            g = p.Name switch
            {
                "month" => g with { Month = v.ValueKind == JsonValueKind.Null ? null : Int(v) },
                "age" => g with { Age = NullableDouble(v) },
                "weights" => g with { Weights = Doubles(v) },
                _ => throw new Unmapped(),
            };
            weights |= p.Name == "weights";
        }

        return weights ? g : throw new Unmapped();
    }

    private static CashFlowDocument CashFlow(JsonElement e)
    {
        var c = new CashFlowDocument { Kind = FlowKind.Contribution, Amount = 0, StartMonth = 0, EndMonth = 0 };
        var required = 0;
        foreach (var p in Fields(e))
        {
            var v = p.Value;
            c = p.Name switch
            {
                "kind" => c with
                {
                    Kind = String(v) switch
                    {
                        "contribution" => FlowKind.Contribution,
                        "withdrawal" => FlowKind.Withdrawal,
                        _ => throw new Unmapped(),
                    },
                },
                "amount" => c with { Amount = Double(v) },
                "startMonth" => c with { StartMonth = Int(v) },
                "endMonth" => c with { EndMonth = Int(v) },
                "frequency" => c with
                {
                    Frequency = String(v) switch
                    {
                        "monthly" => FlowFrequency.Monthly,
                        "annual" => FlowFrequency.Annual,
                        "once" => FlowFrequency.Once,
                        _ => throw new Unmapped(),
                    },
                },
                "inflationIndexed" => c with { InflationIndexed = Bool(v) },
                "role" => c with
                {
                    Role = v.ValueKind == JsonValueKind.Null ? null : String(v) switch
                    {
                        "saving" => FlowRole.Saving,
                        "spending" => FlowRole.Spending,
                        "income" => FlowRole.Income,
                        "goal" => FlowRole.Goal,
                        _ => throw new Unmapped(),
                    },
                },
                "goal" => c with { Goal = v.ValueKind == JsonValueKind.Null ? null : String(v) },
                "priority" => c with { Priority = Int(v) },
                _ => throw new Unmapped(), // taxAs (with taxes) and unknown fields
            };
            required += p.Name is "kind" or "amount" or "startMonth" or "endMonth" ? 1 : 0;
        }

        return required == 4 ? c : throw new Unmapped();
    }

    private static ReturnModelDocument ReturnModel(JsonElement e)
    {
        var r = new ReturnModelDocument { Kind = ReturnModelKind.Normal };
        var kind = false;
        foreach (var p in Fields(e))
        {
            var v = p.Value;
            r = p.Name switch
            {
                "kind" => r with
                {
                    Kind = String(v) switch
                    {
                        "normal" => ReturnModelKind.Normal,
                        "studentT" => ReturnModelKind.StudentT,
                        "bootstrap" => ReturnModelKind.Bootstrap,
                        "historical" => ReturnModelKind.Historical,
                        _ => throw new Unmapped(),
                    },
                },
                "degreesOfFreedom" => r with { DegreesOfFreedom = Int(v) },
                "blockMonths" => r with { BlockMonths = Int(v) },
                "series" => r with { Series = v.ValueKind == JsonValueKind.Null ? null : Series(v) },
                _ => throw new Unmapped(),
            };
            kind |= p.Name == "kind";
        }

        return kind ? r : throw new Unmapped();
    }

    private static SeriesDocument Series(JsonElement e)
    {
        var s = new SeriesDocument();
        foreach (var p in Fields(e))
        {
            var v = p.Value;
            var isNull = v.ValueKind == JsonValueKind.Null;
            s = p.Name switch
            {
                "file" => s with { File = isNull ? null : String(v) },
                "dataset" => s with { Dataset = isNull ? null : String(v) },
                "monthlyReturns" => s with { MonthlyReturns = isNull ? null : Array(v, Doubles) },
                "columns" => s with { Columns = isNull ? null : Array(v, String) },
                "units" => s with
                {
                    Units = String(v) switch
                    {
                        "fraction" => SeriesUnits.Fraction,
                        "percent" => SeriesUnits.Percent,
                        _ => throw new Unmapped(),
                    },
                },
                "returns" => s with
                {
                    Returns = String(v) switch
                    {
                        "simple" => SeriesReturns.Simple,
                        "log" => SeriesReturns.Log,
                        _ => throw new Unmapped(),
                    },
                },
                "monthlyOffset" => s with { MonthlyOffset = Double(v) },
                _ => throw new Unmapped(),
            };
        }

        return s;
    }

    private static SpendingDocument Spending(JsonElement e)
    {
        var s = new SpendingDocument { Rule = SpendingRuleKind.ConstantReal, AnnualAmount = 0, StartMonth = 0, EndMonth = 0 };
        var required = 0;
        foreach (var p in Fields(e))
        {
            var v = p.Value;
            s = p.Name switch
            {
                "rule" => s with
                {
                    Rule = String(v) switch
                    {
                        "constantReal" => SpendingRuleKind.ConstantReal,
                        "percentOfPortfolio" => SpendingRuleKind.PercentOfPortfolio,
                        "guytonKlinger" => SpendingRuleKind.GuytonKlinger,
                        "vpw" => SpendingRuleKind.Vpw,
                        _ => throw new Unmapped(),
                    },
                },
                "annualAmount" => s with { AnnualAmount = Double(v) },
                "startMonth" => s with { StartMonth = Int(v) },
                "endMonth" => s with { EndMonth = Int(v) },
                "rate" => s with { Rate = Double(v) },
                "floor" => s with { Floor = Double(v) },
                "ceiling" => s with { Ceiling = NullableDouble(v) },
                "guardrail" => s with { Guardrail = Double(v) },
                "adjustment" => s with { Adjustment = Double(v) },
                "expectedRealReturn" => s with { ExpectedRealReturn = Double(v) },
                _ => throw new Unmapped(),
            };
            required += p.Name is "rule" or "annualAmount" or "startMonth" or "endMonth" ? 1 : 0;
        }

        return required == 4 ? s : throw new Unmapped();
    }

    private static JsonElement.ObjectEnumerator Fields(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object ? e.EnumerateObject() : throw new Unmapped();

    private static T[] Array<T>(JsonElement e, Func<JsonElement, T> item)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw new Unmapped();
        }

        var result = new T[e.GetArrayLength()];
        var i = 0;
        foreach (var x in e.EnumerateArray())
        {
            result[i++] = item(x);
        }

        return result;
    }

    private static double[] Doubles(JsonElement e) => Array(e, Double);

    private static double Double(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var x) && double.IsFinite(x) ? x : throw new Unmapped();

    private static double? NullableDouble(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : Double(e);

    private static int Int(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var x) ? x : throw new Unmapped();

    private static bool Bool(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new Unmapped(),
    };

    private static string String(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new Unmapped();
}
