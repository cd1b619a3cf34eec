#!/usr/bin/python3
"""Benchmark datasets for Mixtures and its peers (numpy only, fixed seeds).

For every dataset NAME this writes, into OUT_DIR:
  NAME.npy               float64, C order, N x D (a mixture of well separated Gaussians)
  NAME.<cov>.init.json   {"weights": [K], "means": [K][D], "precisions": ...}
                         for cov in full, tied, diag, spherical; "precisions" is shaped as
                         scikit-learn's precisions_init: full (K, D, D), tied (D, D),
                         diag (K, D), spherical (K).
The init is the same for every peer: uniform weights, K distinct random rows as means,
and the inverse of the data covariance (its diagonal for diag, the mean variance for
spherical) as every component's precision.

usage: gen_data.py OUT_DIR [NAME ...]      (default: all datasets; existing files are kept)
"""
import json
import os
import sys

import numpy as np

# name: (N, D, K, seed)
DATASETS = {
    "small": (10_000, 2, 4, 1),          # small-data row of the issue
    "medium": (100_000, 8, 8, 2),        # BenchmarkDotNet whole-fit size
    "n1e6_d16": (1_000_000, 16, 16, 3),  # issue rows 1 and 2 (full, diag)
    "n2e5_d64": (200_000, 64, 16, 4),    # issue row 3 (full)
    "wide": (5_000, 1_000, 2, 5),        # wide data (embeddings), full
    "verywide": (30, 10_000, 2, 6),      # very wide: N < D, full; the init files hold no precisions (see below)
}
# Past this D the clusters get isotropic noise (a D x D mixing matrix would take minutes and GBs), and the
# init files hold weights and means only ("precisions": null; K x D x D as JSON would be gigabytes): the
# peers then start from their own k-means initialization with seed 0.
WIDE_D = 2000
COVARIANCE_TYPES = ("full", "tied", "diag", "spherical")


def make_data(n, d, k, seed):
    rng = np.random.default_rng(seed)
    centers = rng.normal(0.0, 4.0, size=(k, d))
    weights = rng.dirichlet(np.full(k, 5.0))
    counts = rng.multinomial(n, weights)
    x = np.empty((n, d), dtype=np.float64)
    row = 0
    for j in range(k):
        if d > WIDE_D:
            x[row:row + counts[j]] = centers[j] + rng.standard_normal(size=(counts[j], d))
            row += counts[j]
            continue
        a = rng.normal(0.0, 1.0, size=(d, d)) / np.sqrt(d)
        chol = np.linalg.cholesky(a @ a.T + 0.25 * np.eye(d))
        z = rng.standard_normal(size=(counts[j], d))
        x[row:row + counts[j]] = centers[j] + z @ chol.T
        row += counts[j]
    x = x[rng.permutation(n)]
    return np.ascontiguousarray(x, dtype=np.float64)


def make_inits(x, k, seed):
    rng = np.random.default_rng(seed + 1000)
    n, d = x.shape
    weights = np.full(k, 1.0 / k)
    means = x[np.sort(rng.choice(n, size=k, replace=False))]
    if d > WIDE_D:
        return {c: {"weights": weights.tolist(), "means": means.tolist(), "precisions": None} for c in COVARIANCE_TYPES}
    cov = np.atleast_2d(np.cov(x, rowvar=False))
    prec = np.linalg.inv(cov)
    prec = 0.5 * (prec + prec.T)
    var = np.diag(cov)
    precisions = {
        "full": np.repeat(prec[None, :, :], k, axis=0),
        "tied": prec,
        "diag": np.repeat((1.0 / var)[None, :], k, axis=0),
        "spherical": np.full(k, 1.0 / var.mean()),
    }
    return {
        cov_type: {"weights": weights.tolist(), "means": means.tolist(),
                   "precisions": p.tolist()}
        for cov_type, p in precisions.items()
    }


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = argv[1]
    names = argv[2:] or list(DATASETS)
    os.makedirs(out, exist_ok=True)
    for name in names:
        if name not in DATASETS:
            print(f"unknown dataset '{name}'; known: {', '.join(DATASETS)}", file=sys.stderr)
            return 2
        n, d, k, seed = DATASETS[name]
        npy = os.path.join(out, f"{name}.npy")
        inits = [os.path.join(out, f"{name}.{c}.init.json") for c in COVARIANCE_TYPES]
        if os.path.exists(npy) and all(os.path.exists(p) for p in inits):
            print(f"{name}: exists")
            continue
        x = make_data(n, d, k, seed)
        tmp = npy + ".tmp.npy"
        np.save(tmp, x)
        os.replace(tmp, npy)
        for cov_type, init in make_inits(x, k, seed).items():
            path = os.path.join(out, f"{name}.{cov_type}.init.json")
            with open(path + ".tmp", "w") as f:
                json.dump(init, f)
            os.replace(path + ".tmp", path)
        print(f"{name}: N={n} D={d} K={k} -> {npy} ({x.nbytes / 2**20:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
