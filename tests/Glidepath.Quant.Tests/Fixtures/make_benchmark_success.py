#!/usr/bin/python3
"""Independent reference for the benchmark retirement scenario's success probability.

Run with Debian's python3 (python3-numpy):
    /usr/bin/python3 make_benchmark_success.py   # writes benchmark_success.json next to this script
A plain Monte Carlo simulation of examples/benchmark-retirement.json written from docs/monte-carlo.md
("Time and money", "Returns", "Portfolio"), not from the C# engine: numpy's PCG64 normals (not the
engine's xoshiro streams), double-precision balances, 1,000,000 paths. Its estimate differs from the
engine's by sampling error only; ReproducibilityTests compares the two within their standard errors.
"""
import json, os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PATHS, CHUNK, SEED = 1_000_000, 50_000, 20261205

m = np.array([0.065, 0.06, 0.025]); s = np.array([0.16, 0.18, 0.06])
corr = np.array([[1, 0.8, 0.1], [0.8, 1, 0.1], [0.1, 0.1, 1]])
weights = np.array([0.5, 0.3, 0.2])
sigma_a2 = np.log(1 + s**2 / (1 + m)**2)
mu = (np.log(1 + m) - sigma_a2 / 2) / 12
sigma = np.sqrt(sigma_a2 / 12)
chol = np.linalg.cholesky(corr)
horizon, inflation = 720, 0.025

rng = np.random.Generator(np.random.PCG64(SEED))
successes = 0
for _ in range(PATHS // CHUNK):
    balance = np.full(CHUNK, 100_000.0)
    failed = np.zeros(CHUNK, dtype=bool)
    for t in range(horizon):
        if t <= 359:
            balance[~failed] += 1000.0                       # contribution at the start of the month
        else:
            w = 1500.0 * (1 + inflation) ** (t / 12)          # inflation-indexed withdrawal
            short = ~failed & (balance < w * (1 - 1e-5))      # a shortfall below 0.001 % is rounding
            failed |= short
            balance = np.where(failed, 0.0, balance - w)
        z = rng.standard_normal((CHUNK, 3)) @ chol.T
        gross = np.exp(mu + sigma * z) @ weights              # rebalanced monthly to the weights
        balance *= gross
    successes += int((~failed).sum())

p = successes / PATHS
out = {"paths": PATHS, "seed": SEED, "successProbability": p, "standardError": (p * (1 - p) / PATHS) ** 0.5}
with open(os.path.join(HERE, "benchmark_success.json"), "w") as f:
    json.dump(out, f, indent=2)
    f.write("\n")
print(out)
