#!/usr/bin/python3
"""Builds asset_class_proxies_daily_returns.csv from three files copied here unchanged:
lpp2005_daily_logreturns.csv, djia_daily_1980_2012.csv and gold_silver_daily_1977_2012.csv.

Each proxy becomes a level series (LPP2005: exp(cumsum(log return)) from 1 on the day before its
first row; DJIA and gold: the closes), the levels are kept on the dates all three files share,
and each column's simple return is level_t / level_{t-1} - 1 between consecutive shared dates.
Run: /usr/bin/python3 make_asset_class_proxies.py
"""
import csv
import math

PROXIES = [  # (column written, file, column read, kind)
    ("UsEquity_DJIA", "djia_daily_1980_2012.csv", "DJIA", "level"),
    ("InternationalEquity_MPI", "lpp2005_daily_logreturns.csv", "MPI", "log"),
    ("Bonds_SBI", "lpp2005_daily_logreturns.csv", "SBI", "log"),
    ("RealEstate_SII", "lpp2005_daily_logreturns.csv", "SII", "log"),
    ("Commodities_Gold", "gold_silver_daily_1977_2012.csv", "gold", "level"),
]


def levels(path, column, kind):
    out, level = {}, 1.0
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row[column] in ("", "NA"):
                continue
            if kind == "log":
                level *= math.exp(float(row[column]))
                out[row["date"]] = level
            else:
                out[row["date"]] = float(row[column])
    return out


series = [levels(path, col, kind) for _, path, col, kind in PROXIES]
dates = sorted(set.intersection(*(set(s) for s in series)))
with open("asset_class_proxies_daily_returns.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["date"] + [p[0] for p in PROXIES])
    for prev, d in zip(dates, dates[1:]):
        w.writerow([d] + ["%.12g" % (s[d] / s[prev] - 1.0) for s in series])
print(len(dates) - 1, "rows from", dates[0], "to", dates[-1])
