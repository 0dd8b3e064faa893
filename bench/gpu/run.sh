#!/usr/bin/env bash
# GPU Monte Carlo benchmark (issue 18): examples/benchmark-retirement.json on the ILGPU kernel.
# Needs the .NET 10 SDK and an NVIDIA GPU with its driver (ILGPU loads libcuda at run time; no CUDA toolkit needed).
# Usage: bench/gpu/run.sh [PATHS]   (default 100,000,000; target <= 1 s on an H100)
# Prints nvidia-smi's card, then `simulate --bench` lines: a first run (includes ILGPU's kernel compile),
# then 5 warm runs (wall, and kernel + copy back); and, for comparison, the CPU engine at 1,000,000 paths.
set -euo pipefail
cd "$(dirname "$0")/../.."
PATHS_N="${1:-100000000}"
OUT="${OUT:-/tmp/glidepath-gpu-bench}"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || echo "nvidia-smi not found"
nproc
dotnet publish src/Glidepath.Cli -c Release -p:SkipWebBuild=true -o "$OUT" > "$OUT.build.log" 2>&1 || { tail -30 "$OUT.build.log"; exit 1; }
"$OUT/glidepath" simulate examples/benchmark-retirement.json --paths "$PATHS_N" --backend gpu --bench
"$OUT/glidepath" simulate examples/benchmark-retirement.json --paths 1000000 --backend gpu --bench
"$OUT/glidepath" simulate examples/benchmark-retirement.json --paths 1000000 --bench
# Agreement with the CPU engine on the same streams (success probability, 1,000,000 paths):
"$OUT/glidepath" simulate examples/benchmark-retirement.json --paths 1000000 --backend gpu --json | grep -E '"(backend|successProbability)"'
"$OUT/glidepath" simulate examples/benchmark-retirement.json --paths 1000000 --json | grep -m1 '"successProbability"'
