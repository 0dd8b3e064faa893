#!/usr/bin/python3
"""Independent reference values for Glidepath.Domain.Performance (docs/analytics.md, "Household performance").

Run with Debian's python3 (python3-numpy, python3-scipy) from this folder:
    /usr/bin/python3 make_performance.py
It reads real closes from examples/data/dowjones30_daily_prices.csv, writes the ledger scenario
(accounts, instruments, closes, transactions, queries) and the values expected for each query to
performance_fixture.json. The ledger is replayed here in plain Python by the documented rules,
and external flows are found per scope from each transaction type (not from holding flows, as the
C# code does), so the two computations agree only if both follow the documented conventions.
"""
import csv
import datetime as dt
import json
import math
import os

import numpy as np
from scipy import optimize, stats

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, "..", "..", "..", "..", "examples", "data", "dowjones30_daily_prices.csv")
SYMBOLS = {"KO": "UsEquity", "IBM": "UsEquity", "AA": "Commodities", "GE": "UsEquity"}
FIRST, LAST = dt.date(1999, 1, 25), dt.date(1999, 5, 7)

closes = {s: {} for s in SYMBOLS}
with open(CSV, newline="") as f:
    for row in csv.DictReader(f):
        d = dt.date.fromisoformat(row["date"])
        if FIRST <= d <= LAST:
            for s in SYMBOLS:
                closes[s][d] = float(row[s])

ids = {s: "00000000-0000-0000-0001-%012d" % i for i, s in enumerate(SYMBOLS, 1)}
BROKER, IRA, LOAN = ("00000000-0000-0000-0002-%012d" % i for i in (1, 2, 3))
accounts = [
    {"id": BROKER, "name": "Brokerage", "type": "TaxableBrokerage"},
    {"id": IRA, "name": "IRA", "type": "TraditionalIra"},
    {"id": LOAN, "name": "Loan", "type": "Loan"},
]
liability = {LOAN}


def close(sym, d):
    """Last close on or before d (weekends and holidays carry the previous close)."""
    best = max(x for x in closes[sym] if x <= d)
    return closes[sym][best]


D = dt.date.fromisoformat
txs = []


def tx(date, account, kind, sym=None, qty=0.0, price=None, fees=0.0, amount=0.0, transfer=None):
    if price is None and sym is not None and kind in ("Buy", "Sell", "DividendReinvested"):
        price = close(sym, D(date))
    txs.append({"id": "00000000-0000-0000-0003-%012d" % (len(txs) + 1), "date": date, "account": account, "type": kind,
                "symbol": sym, "quantity": qty, "price": price or 0.0, "fees": fees, "amount": amount, "transfer": transfer})


tx("1999-02-01", BROKER, "Deposit", amount=10000)
tx("1999-02-01", BROKER, "Buy", "KO", 50, fees=5)
tx("1999-02-01", IRA, "Deposit", amount=5000)
tx("1999-02-01", IRA, "Buy", "IBM", 20, fees=0)
tx("1999-03-03", BROKER, "Deposit", amount=2000)
tx("1999-03-04", BROKER, "Buy", "AA", 30, fees=5)
tx("1999-03-15", BROKER, "Dividend", "KO", amount=16)
tx("1999-03-22", BROKER, "TransferOut", "KO", 10, transfer="00000000-0000-0000-0004-000000000001")
tx("1999-03-22", IRA, "TransferIn", "KO", 10, transfer="00000000-0000-0000-0004-000000000001")
tx("1999-03-26", IRA, "Sell", "IBM", 5, fees=5)
tx("1999-04-01", BROKER, "Withdrawal", amount=1500)
tx("1999-04-06", BROKER, "Interest", amount=3)
tx("1999-04-06", IRA, "Fee", amount=10)
tx("1999-04-12", LOAN, "Deposit", amount=500)
tx("1999-04-12", BROKER, "Withdrawal", amount=500)
tx("1999-04-15", BROKER, "TransferOut", amount=1000, transfer="00000000-0000-0000-0004-000000000002")
tx("1999-04-15", IRA, "TransferIn", amount=1000, transfer="00000000-0000-0000-0004-000000000002")
drip_price = close("IBM", D("1999-04-20"))
tx("1999-04-20", IRA, "DividendReinvested", "IBM", 0.05, price=drip_price, amount=0.05 * drip_price)
tx("1999-04-26", BROKER, "Sell", "AA", 30, fees=5)

queries = [
    {"name": "household", "from": "1999-03-01", "to": "1999-04-30", "account": None, "symbol": None, "benchmark": "GE", "riskFree": 0.04},
    {"name": "household-subrange", "from": "1999-03-20", "to": "1999-04-10", "account": None, "symbol": None, "benchmark": None, "riskFree": 0.0},
    {"name": "brokerage", "from": "1999-03-01", "to": "1999-04-30", "account": BROKER, "symbol": None, "benchmark": "GE", "riskFree": 0.0},
    {"name": "ira", "from": "1999-03-01", "to": "1999-04-30", "account": IRA, "symbol": None, "benchmark": None, "riskFree": 0.0},
    {"name": "ko-household", "from": "1999-03-01", "to": "1999-04-30", "account": None, "symbol": "KO", "benchmark": None, "riskFree": 0.0},
    {"name": "ibm-ira", "from": "1999-03-01", "to": "1999-04-30", "account": IRA, "symbol": "IBM", "benchmark": None, "riskFree": 0.0},
]


def state_on(day):
    """Cash by account and units by (account, symbol) at the close of day."""
    cash = {a["id"]: 0.0 for a in accounts}
    units = {}
    for t in txs:
        if D(t["date"]) > day:
            continue
        a, s, k = t["account"], t["symbol"], t["type"]
        if k in ("Deposit", "Dividend", "Interest"):
            cash[a] += t["amount"]
        elif k in ("Withdrawal", "Fee"):
            cash[a] -= t["amount"]
        elif k == "Buy":
            cash[a] -= t["quantity"] * t["price"] + t["fees"]
            units[(a, s)] = units.get((a, s), 0) + t["quantity"]
        elif k == "DividendReinvested":
            cash[a] += t["amount"] - (t["quantity"] * t["price"] + t["fees"])
            units[(a, s)] = units.get((a, s), 0) + t["quantity"]
        elif k == "Sell":
            cash[a] += t["quantity"] * t["price"] - t["fees"]
            units[(a, s)] -= t["quantity"]
        elif k in ("TransferOut", "TransferIn"):
            sign = 1 if k == "TransferIn" else -1
            if s is None:
                cash[a] += sign * t["amount"]
            else:
                units[(a, s)] = units.get((a, s), 0) + sign * t["quantity"]
    return cash, units


def scope_accounts(q):
    return {q["account"]} if q["account"] else {a["id"] for a in accounts if a["id"] not in liability}


def holding_values(q, day):
    """Value of each holding of the scope ('cash' and symbols) at the close of day."""
    cash, units = state_on(day)
    acc = scope_accounts(q)
    values = {}
    for (a, s), n in units.items():
        if a in acc and (q["symbol"] is None or s == q["symbol"]):
            values[s] = values.get(s, 0.0) + n * close(s, day)
    if q["symbol"] is None:
        values["cash"] = sum(cash[a] for a in acc)
    return values


def external_flow(q, day):
    """Money crossing the scope's boundary on day (positive = into the scope)."""
    acc = scope_accounts(q)
    pair = {}
    for t in txs:
        if t["transfer"]:
            pair.setdefault(t["transfer"], []).append(t)
    flow = 0.0
    for t in txs:
        if D(t["date"]) != day or t["account"] not in acc:
            continue
        k, s = t["type"], t["symbol"]
        if k in ("TransferOut", "TransferIn"):
            other = [o for o in pair[t["transfer"]] if o is not t][0]
            if other["account"] in acc and (q["symbol"] is None or q["symbol"] == s):
                continue  # both legs inside the scope
            if q["symbol"] is not None and s != q["symbol"]:
                continue
            sign = 1 if k == "TransferIn" else -1
            flow += sign * (t["amount"] if s is None else t["quantity"] * close(s, day))
            continue
        if q["symbol"] is None:
            if k == "Deposit":
                flow += t["amount"]
            elif k == "Withdrawal":
                flow -= t["amount"]
        elif s == q["symbol"]:
            if k == "Buy":
                flow += t["quantity"] * t["price"] + t["fees"]
            elif k == "Sell":
                flow -= t["quantity"] * t["price"] - t["fees"]
            elif k == "Dividend":
                flow -= t["amount"]
            elif k == "DividendReinvested":
                flow += t["quantity"] * t["price"] + t["fees"] - t["amount"]
    return flow


def holding_flow(q, day, h):
    """Flows into one holding of the scope on day (for its gain): trades move money between cash and a position."""
    acc = scope_accounts(q)
    f = 0.0
    for t in txs:
        if D(t["date"]) != day or t["account"] not in acc:
            continue
        k, s = t["type"], t["symbol"]
        cost = t["quantity"] * t["price"]
        moves = {}
        if k == "Deposit":
            moves = {"cash": t["amount"]}
        elif k == "Withdrawal":
            moves = {"cash": -t["amount"]}
        elif k == "Buy":
            moves = {s: cost + t["fees"], "cash": -(cost + t["fees"])}
        elif k == "DividendReinvested":
            moves = {s: cost + t["fees"] - t["amount"], "cash": t["amount"] - cost - t["fees"]}
        elif k == "Sell":
            moves = {s: -(cost - t["fees"]), "cash": cost - t["fees"]}
        elif k == "Dividend":
            moves = {s: -t["amount"], "cash": t["amount"]}
        elif k in ("TransferOut", "TransferIn"):
            sign = 1 if k == "TransferIn" else -1
            moves = {"cash": sign * t["amount"]} if s is None else {s: sign * t["quantity"] * close(s, day)}
        f += moves.get(h, 0.0)
    return f


def xirr(dates, amounts):
    net = {}
    for d, a in zip(dates, amounts):
        net[d] = net.get(d, 0.0) + a
    d0 = min(net)
    npv = lambda r: sum(a * (1 + r) ** (-(d - d0).days / 365.0) for d, a in net.items())
    return optimize.brentq(npv, -0.99, 100.0, xtol=1e-14, rtol=1e-14, maxiter=500)


P = 261.0


def analyse(q):
    start, end = D(q["from"]), D(q["to"])
    days = [start + dt.timedelta(i) for i in range((end - start).days + 1)]
    before = start - dt.timedelta(1)
    hv_prev = holding_values(q, before)
    v_prev = sum(hv_prev.values())
    start_value = v_prev
    values, flows, daily = [], [], []
    keys = sorted(set(hv_prev) | {k for d in days for k in holding_values(q, d)})
    contrib = {k: [] for k in keys}
    for d in days:
        hv = holding_values(q, d)
        v = sum(hv.values())
        f = external_flow(q, d)
        dep, wd = max(f, 0.0), min(f, 0.0)
        denom = v_prev + dep
        r = 0.0 if denom == 0 else (v - wd) / denom - 1.0
        for k in keys:
            gain = hv.get(k, 0.0) - hv_prev.get(k, 0.0) - holding_flow(q, d, k)
            contrib[k].append(0.0 if denom == 0 else gain / denom)
        values.append(v)
        flows.append(f)
        daily.append(r)
        v_prev, hv_prev = v, hv
    growth = np.cumprod(1.0 + np.array(daily))
    twr = growth[-1] - 1.0
    out = {"startValue": start_value, "values": values, "flows": flows, "dailyReturns": daily,
           "twr": twr, "twrAnnualised": (1 + twr) ** (365.0 / len(days)) - 1.0}

    # Portfolio Performance's convention: the start value is the close of the day before the range
    # (`before`), dated on that day, so a range without flows has MWR = annualised TWR.
    dates = [before] + [d for d, f in zip(days, flows) if f != 0] + [end]
    amounts = [-start_value] + [-f for f in flows if f != 0] + [values[-1]]
    out["mwr"] = xirr(dates, amounts)

    # Weekday periods: a weekend compounds into the following weekday (or closes the range).
    periods, ends, g = [], [], 1.0
    for i, (d, r) in enumerate(zip(days, daily)):
        g *= 1 + r
        if d.weekday() < 5 or i == len(days) - 1:
            periods.append(g - 1)
            ends.append(i)
            g = 1.0
    x = np.array(periods)
    rf = q["riskFree"] / P
    out["periods"] = len(x)
    out["volatility"] = x.std(ddof=1) * math.sqrt(P)
    out["sharpe"] = (x - rf).mean() / (x - rf).std(ddof=1) * math.sqrt(P)
    dd = math.sqrt(np.mean(np.minimum(x - rf, 0) ** 2))
    out["sortino"] = (x.mean() - rf) / dd * math.sqrt(P)
    wealth = np.concatenate([[1.0], growth])
    running = np.maximum.accumulate(wealth)
    depth = 1 - wealth / running
    trough = int(np.argmax(depth))
    peak = int(np.argmax(wealth[: trough + 1]))
    out["maxDrawdown"] = float(depth[trough])
    out["peakDate"] = (before + dt.timedelta(peak)).isoformat()
    out["troughDate"] = (before + dt.timedelta(trough)).isoformat()
    out["calmar"] = out["twrAnnualised"] / out["maxDrawdown"]
    qn = np.quantile(x, 0.05)  # linear interpolation (type 7)
    out["historicalVar"] = -qn
    out["historicalCvar"] = -x[x <= qn].mean()
    mu, sd, z = x.mean(), x.std(ddof=1), stats.norm.ppf(0.05)
    out["parametricVar"] = -(mu + sd * z)
    out["parametricCvar"] = -(mu - sd * stats.norm.pdf(z) / 0.05)
    if q["benchmark"]:
        b_vals = [close(q["benchmark"], before)] + [close(q["benchmark"], d) for d in days]
        b, prev = [], b_vals[0]
        for e in ends:
            b.append(b_vals[e + 1] / prev - 1)
            prev = b_vals[e + 1]
        b = np.array(b)
        beta = np.cov(x, b, ddof=1)[0, 1] / b.var(ddof=1)
        active = x - b
        out["benchmark"] = {
            "cumulative": b_vals[-1] / b_vals[0] - 1,
            "beta": beta,
            "alpha": ((x - rf).mean() - beta * (b - rf).mean()) * P,
            "trackingError": active.std(ddof=1) * math.sqrt(P),
            "informationRatio": active.mean() / active.std(ddof=1) * math.sqrt(P),
        }

    # Carino (1999): C_i = sum_t (k_t / k) c_it, k_t = ln(1+r_t)/r_t, k = ln(1+R)/R.
    k = math.log(1 + twr) / twr if twr != 0 else 1.0
    kt = [math.log(1 + r) / r if r != 0 else 1.0 for r in daily]
    by_holding = {h: sum(kt[t] / k * c[t] for t in range(len(days))) for h, c in contrib.items()}
    out["contributionByHolding"] = by_holding
    classes = {}
    for h, c in by_holding.items():
        cls = "Cash" if h == "cash" else SYMBOLS[h]
        classes[cls] = classes.get(cls, 0.0) + c
    out["contributionByAssetClass"] = classes
    return out


fixture = {
    "source": "examples/data/dowjones30_daily_prices.csv (fBasics DowJones30), closes " + FIRST.isoformat() + " to " + LAST.isoformat(),
    "accounts": accounts,
    "instruments": [{"id": ids[s], "symbol": s, "assetClass": c} for s, c in SYMBOLS.items()],
    "closes": [{"symbol": s, "date": d.isoformat(), "close": c} for s in SYMBOLS for d, c in sorted(closes[s].items())],
    "transactions": txs,
    "queries": [dict(q, expected=analyse(q)) for q in queries],
}
with open(os.path.join(HERE, "performance_fixture.json"), "w") as f:
    json.dump(fixture, f, indent=1)
print("wrote performance_fixture.json with", len(queries), "queries")
