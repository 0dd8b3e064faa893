#!/usr/bin/python3
"""Reference values for `glidepath stats` (docs/analytics.md formulas), computed with numpy/scipy.

Run from this folder: /usr/bin/python3 make_stats.py
Data: examples/data/asset_class_proxies_daily_returns.csv (simple daily returns), 252 periods a
year, annual risk-free rate 2 % (0.02/252 per period, also the Sortino target), benchmark
UsEquity_DJIA. Writes stats.json.
"""
import csv
import json
import math
import os

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, "..", "..", "..", "..", "examples", "data", "asset_class_proxies_daily_returns.csv")
P, RF_ANNUAL, BENCH = 252, 0.02, "UsEquity_DJIA"

with open(CSV, newline="") as f:
    rows = list(csv.reader(f))
names, dates = rows[0][1:], [r[0] for r in rows[1:]]
data = np.array([[float(x) for x in r[1:]] for r in rows[1:]])
rf = RF_ANNUAL / P
b = data[:, names.index(BENCH)]
out = {"periodsPerYear": P, "riskFree": RF_ANNUAL, "benchmark": BENCH, "columns": {}}
for j, name in enumerate(names):
    r = data[:, j]
    n = len(r)
    wealth = np.concatenate([[1.0], np.cumprod(1 + r)])
    cum = wealth[-1] - 1
    ann = (1 + cum) ** (P / n) - 1
    peak_run = np.maximum.accumulate(wealth)
    depth = 1 - wealth / peak_run
    trough = int(np.argmax(depth))
    peak = int(np.argmax(wealth[: trough + 1]))
    q = np.quantile(r, 0.05)
    mu, sd, z = r.mean(), r.std(ddof=1), stats.norm.ppf(0.05)
    s = {
        "cumulativeReturn": cum,
        "annualisedReturn": ann,
        "volatility": sd * math.sqrt(P),
        "sharpe": (r - rf).mean() / (r - rf).std(ddof=1) * math.sqrt(P),
        "sortino": (mu - rf) / math.sqrt(np.mean(np.minimum(r - rf, 0) ** 2)) * math.sqrt(P),
        "maxDrawdown": float(depth[trough]),
        "drawdownPeak": "start" if peak == 0 else dates[peak - 1],
        "drawdownTrough": "start" if trough == 0 else dates[trough - 1],
        "calmar": ann / float(depth[trough]),
        "historicalVar95": -q,
        "historicalCvar95": -r[r <= q].mean(),
        "parametricVar95": -(mu + sd * z),
        "parametricCvar95": -(mu - sd * stats.norm.pdf(z) / 0.05),
    }
    if name != BENCH:
        beta = np.cov(r, b, ddof=1)[0, 1] / b.var(ddof=1)
        active = r - b
        s.update({
            "beta": beta,
            "alpha": ((r - rf).mean() - beta * (b - rf).mean()) * P,
            "trackingError": active.std(ddof=1) * math.sqrt(P),
            "informationRatio": active.mean() / active.std(ddof=1) * math.sqrt(P),
        })
    out["columns"][name] = s
with open(os.path.join(HERE, "stats.json"), "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps(out["columns"][names[1]], indent=1))
