#!/usr/bin/python3
"""Reference-solver timings for bench/README.md, on the same inputs as AnalyticsBenchmarks.

    /usr/bin/python3 bench/reference/reference_timings.py
Needs python3-numpy, python3-cvxopt and python3-sklearn (Debian). Median of repeated runs.
"""
import csv, os, sys, time
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIX = os.path.join(ROOT, "tests", "Glidepath.Quant.Tests", "Fixtures")
sys.path.insert(0, FIX)
from make_covariance import lw_constant_correlation  # noqa: E402
import make_optimization  # noqa: E402
from make_optimization import max_sharpe, min_variance, max_return  # noqa: E402
from sklearn.covariance import ledoit_wolf  # noqa: E402


def prices(name):
    with open(os.path.join(FIX, "Data", name)) as f:
        rows = list(csv.reader(f))
    return np.array([[float(v) if v else np.nan for v in r[1:]] for r in rows[1:]])


def median_ms(f, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter(); f(); times.append(time.perf_counter() - t)
    return 1000 * float(np.median(times))


sp = prices("sp500_constituents_daily_prices_2001h2.csv")
sp = sp[:, ~np.isnan(sp).any(0)]
r500 = sp[1:] / sp[:-1] - 1
r100 = r500[:, :100]
cov500, mu500 = lw_constant_correlation(r500)[0], r500.mean(0)
cov100, mu100 = lw_constant_correlation(r100)[0], r100.mean(0)

dj = prices("dowjones30_daily_prices.csv")
ret = dj[1:] / dj[:-1] - 1
lagged = np.column_stack([ret[40 * (c // 30): 40 * (c // 30) + 1000, c % 30] for c in range(500)])

n = len(mu500)


def frontier():
    z, o = np.zeros(100), np.ones(100)
    w0 = min_variance(cov100, z, o, [])
    lo, hi = mu100 @ w0, max_return(mu100, z, o, [])
    for k in range(1, 50):
        min_variance(cov100, z, o, [], mu100, lo + (hi - lo) * k / 49)


for label, tolerances in (("fixture tolerances 1e-13", (1e-13, 1e-12, 1e-11, 1e-10)), ("cvxopt default tolerances", (None,))):
    make_optimization.TOLERANCES = tolerances
    print("[%s]" % label)
    print("max Sharpe, %d assets, 0 <= w <= 0.05, cvxopt qp: %.1f ms" % (
        n, median_ms(lambda: max_sharpe(cov500, mu500, 0.0, np.zeros(n), np.full(n, 0.05), []), 3)))
    print("frontier, 50 points, 100 assets, cvxopt qp: %.1f ms" % median_ms(frontier, 3))
print("Ledoit-Wolf identity 1000x500, sklearn.covariance.ledoit_wolf: %.1f ms" % median_ms(lambda: ledoit_wolf(lagged), 5))
print("Ledoit-Wolf constant correlation 1000x500, numpy (paper's matrix form): %.1f ms" % median_ms(lambda: lw_constant_correlation(lagged), 5))
