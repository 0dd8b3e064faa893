#!/usr/bin/python3
"""Independent reference values for the covariance tests.

Run with Debian's python3 (python3-numpy, python3-sklearn):
    /usr/bin/python3 make_covariance.py   # writes covariance.json next to this script
The Ledoit-Wolf quantities are written in the matrix form of the papers (and of Ledoit and
Wolf's covCor.m), not in the O(NT) form the C# code uses; scikit-learn's ledoit_wolf
(scaled-identity target) is a second, separately written check of that intensity.
"""
import csv, json, os
import numpy as np
from sklearn.covariance import ledoit_wolf

HERE = os.path.dirname(os.path.abspath(__file__))


def read(name):
    with open(os.path.join(HERE, "Data", name)) as f:
        rows = list(csv.reader(f))
    return rows[0][1:], np.array([[float(v) if v else np.nan for v in r[1:]] for r in rows[1:]])


def lw_constant_correlation(x):
    t, n = x.shape
    y = x - x.mean(0)
    s = y.T @ y / t
    var = np.diag(s)
    sd = np.sqrt(var)
    corr = s / np.outer(sd, sd)
    rbar = (corr.sum() - n) / (n * (n - 1))
    f = rbar * np.outer(sd, sd)
    np.fill_diagonal(f, var)
    y2 = y ** 2
    pi_mat = y2.T @ y2 / t - s ** 2
    pi = pi_mat.sum()
    theta = (y ** 3).T @ y / t - var[:, None] * s          # θ_ii,ij
    np.fill_diagonal(theta, 0.0)
    rho = np.trace(pi_mat) + rbar * (np.outer(1 / sd, sd) * theta).sum()
    gamma = np.linalg.norm(s - f, "fro") ** 2
    delta = max(0.0, min(1.0, (pi - rho) / gamma / t))
    return delta * f + (1 - delta) * s, delta, rbar


def lw_identity(x):
    t, n = x.shape
    y = x - x.mean(0)
    s = y.T @ y / t
    m = np.trace(s) / n
    d2 = np.linalg.norm(s - m * np.eye(n), "fro") ** 2 / n
    b2bar = sum(np.linalg.norm(np.outer(r, r) - s, "fro") ** 2 / n for r in y) / t ** 2
    delta = min(b2bar, d2) / d2
    return delta * m * np.eye(n) + (1 - delta) * s, delta, m


def ewma(x, lam):
    t = x.shape[0]
    w = (1 - lam) * lam ** np.arange(t - 1, -1, -1) / (1 - lam ** t)   # newest row gets (1-λ)/(1-λ^T)
    return (x * w[:, None]).T @ x


def summary(cov):
    return {"trace": float(np.trace(cov)), "frobenius": float(np.linalg.norm(cov, "fro")),
            "corner": cov[:5, :5].tolist()}


def higham(a, tol=1e-12, maxit=10000):
    """Higham (2002) Algorithm 3.3 with W = I, stopping rule as in the paper's experiments."""
    y = a.copy(); ds = np.zeros_like(a); x = np.zeros_like(a)
    for k in range(1, maxit + 1):
        r = y - ds
        lam, v = np.linalg.eigh(r)
        xn = (v * np.maximum(lam, 0)) @ v.T
        ds = xn - r
        yn = xn.copy(); np.fill_diagonal(yn, 1.0)
        rel = lambda p, q: np.linalg.norm(p - q, "fro") / np.linalg.norm(p, "fro")
        done = rel(xn, x) <= tol and rel(yn, y) <= tol and rel(yn, xn) <= tol
        x, y = xn, yn
        if done:
            return y, k
    raise RuntimeError("no convergence")


def main():
    out = {}
    names, lpp = read("lpp2005_daily_logreturns.csv")
    x = lpp[:, :6]                      # SBI SPI SII LMI MPI ALT: the six asset classes
    cc, dcc, rbar = lw_constant_correlation(x)
    idm, did, m = lw_identity(x)
    assert abs(ledoit_wolf(x)[1] - did) < 1e-12
    out["lpp"] = {"assets": names[:6], "sample": np.cov(x, rowvar=False, ddof=1).tolist(),
                  "ewma94": ewma(x, 0.94).tolist(),
                  "lwConstantCorrelation": cc.tolist(), "lwConstantCorrelationIntensity": dcc, "rBar": rbar,
                  "lwIdentity": idm.tolist(), "lwIdentityIntensity": did}

    # S&P 500 constituents, 2001 H2: 486 stocks without gaps, 102 daily simple returns (N > T).
    names, prices = read("sp500_constituents_daily_prices_2001h2.csv")
    keep = ~np.isnan(prices).any(0)
    r = prices[1:, keep] / prices[:-1, keep] - 1
    cc, dcc, rbar = lw_constant_correlation(r)
    idm, did, m = lw_identity(r)
    sk_cov, sk_delta = ledoit_wolf(r)
    assert abs(sk_delta - did) < 1e-12 and np.abs(sk_cov - idm).max() < 1e-15
    out["sp500"] = {"assets": int(keep.sum()), "observations": int(r.shape[0]),
                    "lwConstantCorrelationIntensity": dcc, "rBar": rbar, "lwConstantCorrelation": summary(cc),
                    "lwIdentityIntensity": did, "lwIdentity": summary(idm), "sklearnIdentityIntensity": float(sk_delta)}

    # Nearest correlation: Higham's (2002) §4 example, and a real pairwise-deletion correlation
    # matrix (stocks with gaps plus nine without) that is not positive semidefinite.
    hig, _ = higham(np.array([[1.0, 1, 0], [1, 1, 1], [0, 1, 1]]))
    sel = ["ATH", "PFG", "PRU", "ZMH", "A", "K"] + [names[i] for i in range(10) if keep[i]]
    sel = list(dict.fromkeys(sel))
    rr = prices[1:] / prices[:-1] - 1
    c = np.eye(len(sel))
    for i, a in enumerate(sel):
        for j, b in enumerate(sel):
            if i < j:
                xa, xb = rr[:, names.index(a)], rr[:, names.index(b)]
                ok = ~np.isnan(xa) & ~np.isnan(xb)
                c[i, j] = c[j, i] = np.corrcoef(xa[ok], xb[ok])[0, 1]
    near, iters = higham(c)
    out["nearest"] = {"higham": hig.tolist(), "pairwiseAssets": sel, "pairwise": c.tolist(),
                      "pairwiseMinEigenvalue": float(np.linalg.eigvalsh(c).min()),
                      "pairwiseNearest": near.tolist(), "iterations": iters}

    with open(os.path.join(HERE, "covariance.json"), "w") as f:
        json.dump(out, f)
    print("lpp δcc", out["lpp"]["lwConstantCorrelationIntensity"], "δid", out["lpp"]["lwIdentityIntensity"])
    print("sp500 δcc", dcc, "δid", did, "sklearn", sk_delta)
    print("higham", np.round(hig, 4).tolist(), "pairwise iters", iters)


if __name__ == "__main__":
    main()
