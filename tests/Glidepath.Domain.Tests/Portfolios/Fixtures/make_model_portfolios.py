#!/usr/bin/python3
"""Reference weights for ModelPortfolioGenerator, solved by cvxopt (Debian python3-cvxopt).

Run from this folder: /usr/bin/python3 make_model_portfolios.py
Reads examples/data/asset_class_proxies_daily_returns.csv; μ = mean × 252, Σ = sample
covariance (n − 1) × 252; long-only, each weight ≤ 0.6, fully invested. Level 1 is the
minimum-variance portfolio; level 10 the maximum-return one (an LP); levels 2–9 minimise variance
at target returns evenly spaced between the two (the maximum fills the highest means up to the cap). Writes model_portfolios.json.
"""
import csv
import json
import os

import numpy as np
from cvxopt import matrix, solvers

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, "..", "..", "..", "..", "examples", "data", "asset_class_proxies_daily_returns.csv")
CAP, LEVELS, P = 0.6, 10, 252

with open(CSV, newline="") as f:
    rows = list(csv.reader(f))
names = rows[0][1:]
r = np.array([[float(x) for x in row[1:]] for row in rows[1:]])
mu = r.mean(axis=0) * P
cov = np.cov(r, rowvar=False, ddof=1) * P
n = len(names)
G = matrix(np.vstack([-np.eye(n), np.eye(n)]))
h = matrix(np.r_[np.zeros(n), np.full(n, CAP)])
opts = {"show_progress": False, "abstol": 1e-12, "reltol": 1e-12, "feastol": 1e-12, "maxiters": 200}
solvers.options.update(opts)


def min_var(target=None):
    a, b = [np.ones(n)], [1.0]
    if target is not None:
        a.append(mu)
        b.append(target)
    s = np.trace(cov) / n
    res = solvers.qp(matrix(cov / s), matrix(np.zeros(n)), G, h, matrix(np.array(a)), matrix(np.array(b)))
    assert res["status"] == "optimal", res["status"]
    return np.array(res["x"]).ravel()


# Maximum return under 0 <= w <= cap, Σw = 1: fill the highest means up to the cap (exact).
w_max, left = np.zeros(n), 1.0
for i in np.argsort(-mu):
    w_max[i] = min(CAP, left)
    left -= w_max[i]
w0 = min_var()
r0, r1 = mu @ w0, mu @ w_max
levels = [w0] + [min_var(r0 + (r1 - r0) * k / (LEVELS - 1)) for k in range(1, LEVELS - 1)] + [w_max]
out = {"names": names, "cap": CAP, "periodsPerYear": P,
       "levels": [{"weights": dict(zip(names, w.tolist())), "expectedReturn": float(mu @ w), "volatility": float(np.sqrt(w @ cov @ w))} for w in levels]}
with open(os.path.join(HERE, "model_portfolios.json"), "w") as f:
    json.dump(out, f, indent=1)
for lv in out["levels"]:
    print({k: round(v, 4) for k, v in lv["weights"].items()}, round(lv["expectedReturn"], 4), round(lv["volatility"], 4))
