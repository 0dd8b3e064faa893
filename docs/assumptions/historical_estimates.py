#!/usr/bin/env python3
"""Historical inputs of the default capital-market assumptions (docs/assumptions.md).

Run: /usr/bin/python3 docs/assumptions/historical_estimates.py /work/shared/data
Plain Python (no numpy). Prints the figures that src/Glidepath.Domain/Assumptions/DefaultAssumptions.cs
holds as its historical inputs, to 4 decimals (fractions a year).

Series (all from /work/shared/data, see its README):
- US equity: AER::USStocksSW, CRSP value-weighted NYSE+AMEX monthly excess return over T-bills,
  percent, 1931-01..2002-12. Premium = 12 x mean monthly excess; volatility = sd x sqrt(12).
- Cash: tseries::tcm, 1-year constant-maturity Treasury yield, percent a year, monthly 1953-04..1999-09;
  cash return of a month = tcm1y/12 (the yield of the month before).
- Bonds: the same file's 10-year yield, turned into a monthly total return by repricing a 10-year
  par bond (annual coupon = last month's yield) at this month's yield, plus a month of coupon
  (Damodaran's annual method, applied monthly). Premium over cash = 12 x mean(bond - cash).
- Commodities (gold): AER::GoldSilver daily gold price index 1977-12-30..2012-12-31; month-end
  values give monthly simple returns 1978-01..2012-12. Premium over cash is taken against the
  cash mean of 1953-1999 (no overlapping cash series past 1999): historical gold mean - historical cash mean.
- Correlations: monthly, on the months the three series share (1978-01..1999-09): equity excess,
  bond excess over cash, gold return.
"""
import csv, math, sys, os

d = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"

def read(name):
    with open(os.path.join(d, name)) as f:
        return list(csv.DictReader(f))

def mean(x): return sum(x) / len(x)
def sd(x):
    m = mean(x); return math.sqrt(sum((v - m) ** 2 for v in x) / (len(x) - 1))
def corr(a, b):
    ma, mb = mean(a), mean(b)
    c = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    return c / math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))

eq = {r["period"]: float(r["returns"]) / 100 for r in read("us_stocks_monthly_excess_returns_1931_2002_pct.csv")}
eqv = list(eq.values())
print(f"equity premium {12*mean(eqv):.4f} vol {sd(eqv)*math.sqrt(12):.4f} months {len(eqv)}")

def price(coupon, y, n=10):
    if y == 0: return 1 + coupon * n
    return coupon / y * (1 - (1 + y) ** -n) + (1 + y) ** -n

tcm = read("us_treasury_cmt_yields_monthly_1953_1999.csv")
cash, bond, bond_x = {}, {}, {}
for prev, cur in zip(tcm, tcm[1:]):
    y0, y1 = float(prev["tcm10y"]) / 100, float(cur["tcm10y"]) / 100
    c = float(prev["tcm1y"]) / 100 / 12
    b = y0 / 12 + price(y0, y1) - 1
    cash[cur["period"]], bond[cur["period"]], bond_x[cur["period"]] = c, b, b - c
cv, bv = list(cash.values()), list(bond_x.values())
print(f"cash mean {12*mean(cv):.4f} vol {sd(cv)*math.sqrt(12):.4f} months {len(cv)}")
print(f"bond premium {12*mean(bv):.4f} vol {sd(list(bond.values()))*math.sqrt(12):.4f} months {len(bv)}")

month_end = {}
for r in read("gold_silver_daily_1977_2012.csv"):
    month_end[r["date"][:7]] = float(r["gold"])  # rows are in date order: the last of a month wins
months = sorted(month_end)
gold = {m: month_end[m] / month_end[p] - 1 for p, m in zip(months, months[1:])}
gv = list(gold.values())
print(f"gold mean {12*mean(gv):.4f} premium {12*mean(gv) - 12*mean(cv):.4f} vol {sd(gv)*math.sqrt(12):.4f} months {len(gv)}")

common = sorted(set(eq) & set(bond_x) & set(gold))
e = [eq[m] for m in common]; b = [bond_x[m] for m in common]; g = [gold[m] for m in common]
print(f"correlations {common[0]}..{common[-1]} ({len(common)} months): equity-bonds {corr(e, b):.4f} equity-gold {corr(e, g):.4f} bonds-gold {corr(b, g):.4f}")
