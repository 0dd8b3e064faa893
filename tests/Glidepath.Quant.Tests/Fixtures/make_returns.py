#!/usr/bin/python3
"""Independent reference values for the TWR, XIRR and risk statistics tests.

Run with Debian's python3 (python3-numpy, python3-scipy):
    /usr/bin/python3 make_returns.py   # writes returns.json next to this script
Reads only the copies in Data/. Formulas are written out here from their definitions
(docs/analytics.md), not translated from the C# code.
"""
import csv, datetime as dt, json, os
import numpy as np
from scipy.optimize import brentq
from scipy.stats import norm

HERE = os.path.dirname(os.path.abspath(__file__))


def read_csv(name):
    with open(os.path.join(HERE, "Data", name)) as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def xirr_brentq(dates, amounts, lo, hi):
    t = np.array([(d - dates[0]).days / 365.0 for d in dates])
    a = np.array(amounts)
    return brentq(lambda r: np.sum(a * (1.0 + r) ** (-t)), lo, hi, xtol=1e-15, rtol=1e-15, maxiter=500)


out = {}

# --- DJIA savings plan: deposits at the start of the first weekday of each month (bought at
# the previous close), a withdrawal at the end of the last weekday of each June (sold at that
# close). Portfolio Performance's daily TTWROR must then equal the index's own price return.
head, rows = read_csv("djia_daily_1980_2012.csv")
rows = [(dt.date.fromisoformat(r[0]), float(r[1])) for r in rows if "1999-12-31" <= r[0] <= "2004-12-31"]
dates = [d for d, _ in rows][1:]
prices = np.array([p for _, p in rows])
units, values, flows = 0.0, [], []
for i, d in enumerate(dates):
    p_prev, p = prices[i], prices[i + 1]
    first_of_month = i == 0 or dates[i - 1].month != d.month
    last_of_june = d.month == 6 and (i + 1 == len(dates) or dates[i + 1].month != 6)
    flow = 0.0
    if first_of_month:
        flow += 500.0
        units += 500.0 / p_prev
    if last_of_june:
        flow -= 2000.0
        units -= 2000.0 / p
    values.append(units * p)
    flows.append(flow)
values = np.array(values)
flows = np.array(flows)
prev = np.concatenate([[0.0], values[:-1]])
growth = (values + np.maximum(-flows, 0)) / (prev + np.maximum(flows, 0))
twr = np.prod(growth) - 1.0
assert abs((1 + twr) - prices[-1] / prices[0]) < 1e-10
# Investor's view for XIRR: deposits negative, withdrawals positive, final value received.
xd = [d for d, f in zip(dates, flows) if f != 0] + [dates[-1]]
xa = [-f for f in flows if f != 0] + [values[-1]]
out["djiaPlan"] = {
    "dates": [d.isoformat() for d in dates],
    "endValues": values.tolist(),
    "netFlows": flows.tolist(),
    "twr": twr,
    "indexReturn": prices[-1] / prices[0] - 1.0,
    "calendarDays": (dates[-1] - dt.date(1999, 12, 31)).days,
    "twrPerAnnum": (1 + twr) ** (365.0 / (dates[-1] - dt.date(1999, 12, 31)).days) - 1,
    "xirrDates": [d.isoformat() for d in xd],
    "xirrAmounts": xa,
    "xirr": xirr_brentq(xd, xa, -0.9, 1.0),
}

# --- Excel's documented XIRR example, solved by brentq (documented answer 0.373362535).
ex_d = [dt.date(2008, 1, 1), dt.date(2008, 3, 1), dt.date(2008, 10, 30), dt.date(2009, 2, 15), dt.date(2009, 4, 1)]
ex_a = [-10000.0, 2750.0, 4250.0, 3250.0, 2750.0]
out["excelXirrBrentq"] = xirr_brentq(ex_d, ex_a, 0.0, 1.0)


# --- Risk statistics on real series.
def stats(r, b, rf, target, ppy):
    ex = r - rf
    dd = np.sqrt(np.mean(np.minimum(r - target, 0.0) ** 2))
    w = np.concatenate([[1.0], np.cumprod(1 + r)])
    peak = np.maximum.accumulate(w)
    depth = 1 - w / peak
    trough = int(np.argmax(depth))
    peak_i = int(np.argmax(w[: trough + 1]))
    ann = np.prod(1 + r) ** (ppy / len(r)) - 1
    beta = np.cov(r, b, ddof=1)[0, 1] / np.var(b, ddof=1)
    act = r - b
    res = {}
    for c in (0.95, 0.99):
        q = np.quantile(r, 1 - c)  # numpy's default linear interpolation (type 7)
        z = norm.ppf(1 - c)
        mu, sd = r.mean(), r.std(ddof=1)
        res[str(c)] = {
            "historicalVar": -q,
            "historicalCvar": -r[r <= q].mean(),
            "parametricVar": -(mu + sd * z),
            "parametricCvar": -(mu - sd * norm.pdf(z) / (1 - c)),
        }
    return {
        "cumulative": np.prod(1 + r) - 1,
        "annualised": ann,
        "volatility": r.std(ddof=1) * np.sqrt(ppy),
        "sharpe": ex.mean() / ex.std(ddof=1) * np.sqrt(ppy),
        "downsideDeviation": dd,
        "sortino": (r.mean() - target) / dd * np.sqrt(ppy),
        "maxDrawdown": depth[trough],
        "peakIndex": peak_i,
        "troughIndex": trough,
        "calmar": ann / depth[trough],
        "beta": beta,
        "alpha": (ex.mean() - beta * (b - rf).mean()) * ppy,
        "trackingError": act.std(ddof=1) * np.sqrt(ppy),
        "informationRatio": act.mean() / act.std(ddof=1) * np.sqrt(ppy),
        "var": res,
    }


head, rows = read_csv("smallcap_monthly_returns.csv")
col = {h: i for i, h in enumerate(head)}
sc = np.array([[float(v) for v in r[1:]] for r in rows])
r, b = sc[:, col["BKE"] - 1], sc[:, col["MARKET"] - 1]
rf = float(np.mean(sc[:, col["T90"] - 1]))
out["smallcapBKE"] = {"asset": "BKE", "benchmark": "MARKET", "riskFree": rf, "target": rf, "periodsPerYear": 12,
                      **stats(r, b, rf, rf, 12)}

head, rows = read_csv("lpp2005_daily_logreturns.csv")
col = {h: i for i, h in enumerate(head)}
lpp = np.array([[float(v) for v in r[1:]] for r in rows])
r, b = np.expm1(lpp[:, col["LPP40"] - 1]), np.expm1(lpp[:, col["SPI"] - 1])
out["lppLPP40"] = {"asset": "LPP40", "benchmark": "SPI", "riskFree": 0.0, "target": 0.0, "periodsPerYear": 252,
                   **stats(r, b, 0.0, 0.0, 252)}

with open(os.path.join(HERE, "returns.json"), "w") as f:
    json.dump(out, f, indent=1)
print("twr", twr, "xirr", out["djiaPlan"]["xirr"], "excel", out["excelXirrBrentq"])
