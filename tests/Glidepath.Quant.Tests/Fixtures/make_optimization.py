#!/usr/bin/python3
"""Reference portfolios from cvxopt (an interior-point solver, independent of the C# dual
active-set code) on real data, for the optimiser tests.

Run with Debian's python3 (python3-cvxopt, python3-numpy):
    /usr/bin/python3 make_optimization.py   # writes optimization.json next to this script
μ is the sample mean and Σ the sample covariance (divisor n - 1) of each data set's periodic
returns; both are written to the JSON so the tests optimise exactly the same inputs.
Max Sharpe uses the textbook homogeneous form with κ as an explicit variable; target volatility
bisects the frontier with cvxopt QPs; risk parity uses cyclical coordinate descent (Griveau-Billion,
Richard and Roncalli 2013), a different algorithm from the C# Newton method.
"""
import csv, json, os
import numpy as np
from cvxopt import matrix, solvers

HERE = os.path.dirname(os.path.abspath(__file__))
TOLERANCES = (1e-13, 1e-12, 1e-11, 1e-10)   # None = cvxopt's defaults (used for timings only)
solvers.options.update({"show_progress": False, "abstol": 1e-13, "reltol": 1e-13, "feastol": 1e-13, "maxiters": 200})


def read(name):
    with open(os.path.join(HERE, "Data", name)) as f:
        rows = list(csv.reader(f))
    return rows[0][1:], np.array([[float(v) for v in r[1:]] for r in rows[1:]])


def read_with_gaps(name):
    with open(os.path.join(HERE, "Data", name)) as f:
        rows = list(csv.reader(f))
    return rows[0][1:], np.array([[float(v) if v else np.nan for v in r[1:]] for r in rows[1:]])


def linear_constraints(n, lo, hi, groups, kappa=False):
    """Rows of G x <= h for bounds and groups; with kappa the last variable is κ and bounds scale by it."""
    g, h = [], []
    def row(coef, k_coef, rhs):
        g.append(list(coef) + ([k_coef] if kappa else [])); h.append(0.0 if kappa else rhs)
    for i in range(n):
        e = np.zeros(n); e[i] = 1
        row(-e, lo[i], -lo[i])           # -w_i <= -lo   |  -y_i + lo κ <= 0
        row(e, -hi[i], hi[i])            #  w_i <= hi    |   y_i - hi κ <= 0
    for members, gmin, gmax in groups:
        e = np.zeros(n); e[members] = 1
        row(-e, gmin, -gmin)
        row(e, -gmax, gmax)
    return np.array(g), np.array(h)


def qp(cov, q, g, h, a, b):
    s = np.trace(cov) / len(cov)        # unit scale, as the C# code does; weights are unchanged
    for tol in TOLERANCES:   # tightest tolerance cvxopt reaches on this problem
        opts = {"show_progress": False, "maxiters": 200}
        if tol is not None:
            opts.update({"abstol": tol, "reltol": tol, "feastol": tol})
        r = solvers.qp(matrix(cov / s), matrix(q), matrix(g), matrix(h), matrix(a), matrix(b), options=opts)
        if r["status"] == "optimal":
            return np.array(r["x"]).ravel()
    raise RuntimeError("cvxopt did not converge")


def min_variance(cov, lo, hi, groups, mu=None, target=None, turnover=None):
    n = len(cov)
    g, h = linear_constraints(n, lo, hi, groups)
    a, b = [np.ones(n)], [1.0]
    if target is not None:
        a.append(mu); b.append(target)
    if turnover is None:
        return qp(cov, np.zeros(n), g, h, np.array(a), np.array(b))
    w0, limit = turnover                  # variables w, t with |w - w0| <= t, Σt <= limit
    z = np.zeros((n, n)); e = np.eye(n)
    G = np.vstack([np.hstack([g, np.zeros((len(g), n))]), np.hstack([e, -e]), np.hstack([-e, -e]),
                   np.hstack([np.zeros(n), np.ones(n)])])
    H = np.concatenate([h, w0, -w0, [limit]])
    P = np.block([[cov, z], [z, z]])
    A = np.hstack([np.array(a), np.zeros((len(a), n))])
    return qp(P, np.zeros(2 * n), G, H, A, np.array(b))[:n]


def max_sharpe(cov, mu, rf, lo, hi, groups):
    n = len(cov)
    g, h = linear_constraints(n, lo, hi, groups, kappa=True)
    g = np.vstack([g, np.r_[np.zeros(n), -1.0]]); h = np.r_[h, 0.0]          # κ >= 0
    ex = (mu - rf) / np.abs(mu - rf).max()                                   # scale y to O(1); w = y/κ is unchanged
    a = np.array([np.r_[ex, 0.0], np.r_[np.ones(n), -1.0]]); b = np.array([1.0, 0.0])
    p = np.zeros((n + 1, n + 1)); p[:n, :n] = cov
    x = qp(p, np.zeros(n + 1), g, h, a, b)
    return x[:n] / x[n]


def max_return(mu, lo, hi, groups):
    n = len(mu)
    g, h = linear_constraints(n, lo, hi, groups)
    r = solvers.lp(matrix(-mu), matrix(g), matrix(h), matrix(np.ones((1, n))), matrix([1.0]))
    assert r["status"] == "optimal"
    return float(mu @ np.array(r["x"]).ravel())


def target_volatility(cov, mu, vol, lo, hi, groups):
    """max μᵀw with wᵀΣw <= vol²: cvxopt's SOCP solver stops with a domain error on these data,
    so the frontier is bisected on the target return with cvxopt QPs (volatility rises with it)."""
    a, b = mu @ min_variance(cov, lo, hi, groups), max_return(mu, lo, hi, groups)
    for _ in range(100):
        m = 0.5 * (a + b)
        w = min_variance(cov, lo, hi, groups, mu, m)
        a, b = (m, b) if np.sqrt(w @ cov @ w) <= vol else (a, m)
    return min_variance(cov, lo, hi, groups, mu, a)


def risk_parity(cov, iters=100000):
    n = len(cov); b = np.full(n, 1.0 / n); x = 1 / np.sqrt(np.diag(cov))
    for _ in range(iters):
        old = x.copy()
        for i in range(n):
            rest = cov[i] @ x - cov[i, i] * x[i]
            x[i] = (-rest + np.sqrt(rest ** 2 + 4 * cov[i, i] * b[i])) / (2 * cov[i, i])
        if np.abs(x - old).max() <= 1e-16 * np.abs(x).max():
            break
    return x / x.sum()


def case(name, names, r, rf, cases):
    mu, cov = r.mean(0), np.cov(r, rowvar=False, ddof=1)
    out = {"assets": names, "mu": mu.tolist(), "cov": cov.tolist(), "riskFree": rf, "cases": {}}
    for key, f in cases.items():
        w = f(mu, cov)
        out["cases"][key] = w.tolist() if isinstance(w, np.ndarray) else w
        print(name, key, np.round(w, 4) if isinstance(w, np.ndarray) else "")
    return out


def frontier(mu, cov, lo, hi, groups, points):
    w0 = min_variance(cov, lo, hi, groups)
    r0, r1 = mu @ w0, max_return(mu, lo, hi, groups)
    targets = [r0 + (r1 - r0) * k / (points - 1) for k in range(points)]
    return {"targets": targets, "weights": [w0.tolist()] + [min_variance(cov, lo, hi, groups, mu, t).tolist() for t in targets[1:]]}


def main():
    out = {}
    names, lpp = read("lpp2005_daily_logreturns.csv")
    names, lpp = names[:6], lpp[:, :6]                       # SBI SPI SII LMI MPI ALT
    n = 6
    zero, one = np.zeros(n), np.ones(n)
    blo, bhi = np.full(n, 0.02), np.full(n, 0.4)
    groups = [([1, 4], 0.2, 1.0), ([0, 3], 0.0, 0.6)]          # equities SPI+MPI >= 20 %, bonds SBI+LMI <= 60 %
    def lpp_target(mu, cov):
        w = min_variance(cov, zero, one, []); return 0.5 * (mu @ w + max_return(mu, zero, one, []))
    def lpp_vol(mu, cov):
        wmv = min_variance(cov, zero, one, [])
        top = np.zeros(n); top[np.argmax(mu)] = 1
        return 0.5 * (np.sqrt(wmv @ cov @ wmv) + np.sqrt(top @ cov @ top))
    out["lpp"] = case("lpp", names, lpp, 0.0, {
        "minVarianceLongOnly": lambda mu, cov: min_variance(cov, zero, one, []),
        "minVarianceBoundedGroups": lambda mu, cov: min_variance(cov, blo, bhi, groups),
        "targetReturnValue": lpp_target,
        "targetReturnLongOnly": lambda mu, cov: min_variance(cov, zero, one, [], mu, lpp_target(mu, cov)),
        "maxSharpeLongOnly": lambda mu, cov: max_sharpe(cov, mu, 0.0, zero, one, []),
        "maxSharpeBoundedGroups": lambda mu, cov: max_sharpe(cov, mu, 0.0, blo, bhi, groups),
        "frontierLongOnly": lambda mu, cov: frontier(mu, cov, zero, one, [], 5),
        "targetVolatilityValue": lpp_vol,
        "targetVolatilityLongOnly": lambda mu, cov: target_volatility(cov, mu, lpp_vol(mu, cov), zero, one, []),
        "turnoverCurrent": lambda mu, cov: np.full(n, 1.0 / n),
        "minVarianceTurnover20": lambda mu, cov: min_variance(cov, zero, one, [], turnover=(np.full(n, 1.0 / n), 0.2)),
        "riskParity": lambda mu, cov: risk_parity(cov),
    })

    names, sc = read("smallcap_monthly_returns.csv")
    rf = float(sc[:, names.index("T90")].mean())
    stocks = [i for i, s in enumerate(names) if s not in ("MARKET", "T90")]
    n = len(stocks); zero, one = np.zeros(n), np.ones(n)
    out["smallcap"] = case("smallcap", [names[i] for i in stocks], sc[:, stocks], rf, {
        "minVarianceLongOnly": lambda mu, cov: min_variance(cov, zero, one, []),
        "maxSharpeMax20": lambda mu, cov: max_sharpe(cov, mu, rf, zero, np.full(n, 0.2), []),
        "riskParity": lambda mu, cov: risk_parity(cov),
    })

    names, prices = read("dowjones30_daily_prices.csv")
    dj = prices[1:] / prices[:-1] - 1
    n = dj.shape[1]; zero, one = np.zeros(n), np.ones(n)
    out["dowjones30"] = case("dowjones30", names, dj, 0.0, {
        "minVarianceLongOnly": lambda mu, cov: min_variance(cov, zero, one, []),
        "maxSharpeMax10": lambda mu, cov: max_sharpe(cov, mu, 0.0, zero, np.full(n, 0.1), []),
        "frontierMax15": lambda mu, cov: frontier(mu, cov, zero, np.full(n, 0.15), [], 5),
    })

    # Large case: 486 S&P 500 stocks (2001 H2, no gaps), Σ = Ledoit-Wolf constant-correlation
    # estimate (the sample covariance is singular with 102 days), μ = mean simple return.
    from make_covariance import lw_constant_correlation
    names, sp = read_with_gaps("sp500_constituents_daily_prices_2001h2.csv")
    keep = ~np.isnan(sp).any(0)
    r = sp[1:, keep] / sp[:-1, keep] - 1
    cov, mu = lw_constant_correlation(r)[0], r.mean(0)
    n = len(mu)
    out["sp500"] = {"assets": int(n), "maxSharpeMax5": max_sharpe(cov, mu, 0.0, np.zeros(n), np.full(n, 0.05), []).tolist()}

    # Black-Litterman (He and Litterman 1999) on the LPP2005 covariance: illustrative market
    # weights, δ = 2.5, τ = 0.05; an absolute view on SPI and a relative view MPI over SBI.
    cov = np.array(out["lpp"]["cov"])
    w_mkt = np.array([0.3, 0.2, 0.1, 0.2, 0.15, 0.05])
    pi = 2.5 * cov @ w_mkt
    p = np.array([[0, 1, 0, 0, 0, 0], [-1, 0, 0, 0, 1, 0]], dtype=float)
    q = np.array([0.0005, 0.0002])
    ts = 0.05 * cov
    omega = np.diag(np.diag(p @ ts @ p.T))
    gain = ts @ p.T @ np.linalg.inv(p @ ts @ p.T + omega)
    out["blackLitterman"] = {"marketWeights": w_mkt.tolist(), "riskAversion": 2.5, "tau": 0.05,
                             "picks": p.tolist(), "views": q.tolist(), "implied": pi.tolist(),
                             "mean": (pi + gain @ (q - p @ pi)).tolist(),
                             "covariance": (cov + ts - gain @ p @ ts).tolist()}

    with open(os.path.join(HERE, "optimization.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
