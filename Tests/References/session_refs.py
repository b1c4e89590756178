#!/usr/bin/env python3
"""Reference numbers for Sessions/diabetes.descent, computed with numpy offline.

Reproduces the session's data preparation exactly: Descent's seeded split (`seed S`, `split 0.8`: the
workspace's RNG(S).derived(stream: 1) shuffles the rows by Fisher-Yates, the first floor(0.8 n) rows
train) with the RNG port in data_refs.py, then `normalize` (training mean and population std), then
ordinary least squares with an intercept (numpy.linalg.lstsq), which is where `layer dense 1 linear` +
`loss mse` converges. R² is 1 - SS_res / SS_tot about each part's own mean, as Descent reports it.
Run from the repository root: python3 Tests/References/session_refs.py (numpy); nothing here is read
at test time — the printed values are written into the session's comments and `expect` lines.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from data_refs import RNG  # noqa: E402


def split(n, fraction, seed):
    order = list(range(n))
    RNG(seed).derived(1).shuffle(order)
    k = int(fraction * n)
    return order[:k], order[k:]


def r2(y, p):
    return 1 - ((y - p) ** 2).sum() / ((y - y.mean()) ** 2).sum()


def least_squares(X, y, train, val):
    Xt = X[train]
    Z = (X - Xt.mean(axis=0)) / Xt.std(axis=0)
    A = np.c_[Z, np.ones(len(y))]
    theta = np.linalg.lstsq(A[train], y[train], rcond=None)[0]
    p = A @ theta
    return theta, r2(y[train], p[train]), r2(y[val], p[val]), ((p[train] - y[train]) ** 2).mean()


def main():
    a = np.loadtxt("Sessions/data/diabetes.csv", delimiter=",", skiprows=1)
    X, y = a[:, :-1], a[:, -1]
    everything = list(range(len(y)))
    _, r2_all, _, _ = least_squares(X, y, everything, everything)
    print(f"diabetes, least squares on all {len(y)} rows: R² {r2_all:.6f}")
    theta, r2_train, r2_val, mse_train = least_squares(X, y, *split(len(y), 0.8, 0))
    print(f"seed 0 split: train R² {float(r2_train)!r}  val R² {float(r2_val)!r}  train mse {float(mse_train)!r}")
    print("  W1 =", [repr(float(v)) for v in theta[:-1]])
    print("  b1 =", repr(float(theta[-1])))
    vals = [least_squares(X, y, *split(len(y), 0.8, s))[2] for s in range(8)]
    print("val R² over seeds 0-7:", " ".join(f"{v:.4f}" for v in vals), f" mean {np.mean(vals):.4f}")


if __name__ == "__main__":
    main()
