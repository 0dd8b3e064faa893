using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Glidepath.Quant.Gpu;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Cli.Planning;

/// <summary>
/// <c>simulate --backend gpu|auto|ilgpu-cpu</c>: the scenario on the ILGPU kernel (docs/monte-carlo.md, "GPU backend").
/// It reports what the kernel computes (success, depletion, terminal wealth), not the CPU engine's full report.
/// </summary>
internal static class GpuBackend
{
    /// <summary>The accelerator for <paramref name="kind"/>, or null for "auto" without a CUDA device or with a scenario the kernel does not cover.</summary>
    public static GpuSimulator? Open(string kind, SimulationInput input)
    {
        var unsupported = GpuSimulator.Supports(input);
        if (kind == "auto")
        {
            return unsupported is null ? GpuSimulator.TryCreateCuda() : null;
        }

        if (unsupported is not null)
        {
            throw new CliException($"--backend {kind}: {unsupported}; use --backend cpu");
        }

        return kind == "ilgpu-cpu"
            ? GpuSimulator.CreateCpuAccelerator()
            : GpuSimulator.TryCreateCuda() ?? throw new CliException("--backend gpu: no CUDA device (or driver) found; use --backend cpu or auto");
    }

    public static int Run(GpuSimulator gpu, SimulationInput input, TextWriter output, bool json, bool bench)
    {
        using (gpu)
        {
            var c = CultureInfo.InvariantCulture;
            if (bench)
            {
                var first = Stopwatch.StartNew();
                gpu.Run(input);
                var firstSeconds = first.Elapsed.TotalSeconds;
                var wall = new List<double>();
                var kernel = new List<double>();
                GpuSimulationResult? timed = null;
                for (var run = 0; run < 5; run++)
                {
                    var watch = Stopwatch.StartNew();
                    timed = gpu.Run(input);
                    wall.Add(watch.Elapsed.TotalSeconds);
                    kernel.Add(timed.KernelSeconds);
                }

                wall.Sort();
                kernel.Sort();
                output.WriteLine(string.Create(c, $"backend=\"{timed!.Device}\" paths={timed.Paths} firstRunWallSeconds={firstSeconds:F3} warmRuns=5 wallSeconds(min/median)={wall[0]:F3}/{wall[2]:F3} kernelAndCopySeconds(min/median)={kernel[0]:F3}/{kernel[2]:F3} success={timed.SuccessProbability:F4}"));
                return 0;
            }

            var r = gpu.Run(input);
            if (json)
            {
                output.WriteLine(JsonSerializer.Serialize(
                    new
                    {
                        backend = r.Device,
                        paths = r.Paths,
                        seed = r.Seed,
                        successProbability = r.SuccessProbability,
                        successStandardError = r.SuccessStandardError,
                        terminalWealth = r.TerminalNominal,
                        terminalWealthReal = r.TerminalReal,
                        depletionByYear = r.DepletionByYear,
                        medianDepletionMonth = r.MedianDepletionMonth,
                    },
                    CliJsonOptions));
                return 0;
            }

            output.WriteLine(string.Create(c, $"backend {r.Device}"));
            output.WriteLine(string.Create(c, $"paths {r.Paths}, seed {r.Seed}"));
            output.WriteLine(string.Create(c, $"success probability {r.SuccessProbability:P2} (standard error {r.SuccessStandardError:P2})"));
            output.WriteLine(string.Create(c, $"terminal wealth, nominal: p5 {r.TerminalNominal.P5:N0}  p25 {r.TerminalNominal.P25:N0}  p50 {r.TerminalNominal.P50:N0}  p75 {r.TerminalNominal.P75:N0}  p95 {r.TerminalNominal.P95:N0}"));
            output.WriteLine(string.Create(c, $"terminal wealth, today's money: p5 {r.TerminalReal.P5:N0}  p50 {r.TerminalReal.P50:N0}  p95 {r.TerminalReal.P95:N0}"));
            if (r.MedianDepletionMonth is { } m)
            {
                output.WriteLine(string.Create(c, $"failed paths run out after {m / 12:F1} years (median)"));
            }

            return 0;
        }
    }

    private static readonly JsonSerializerOptions CliJsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
