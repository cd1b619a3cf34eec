#!/usr/bin/python3
"""Time scikit-learn's KMeans (k-means++ seeding, Lloyd, n_init=1, random_state=0, default tol and max_iter).

usage: sklearn_kmeans.py DATA.npy K [--json]
Prints the fit's seconds, its iterations and the inertia (one JSON object with --json).
"""
import json
import resource
import sys
import time

import numpy as np
from sklearn import __version__ as sklearn_version
from sklearn.cluster import KMeans


def main():
    x = np.ascontiguousarray(np.load(sys.argv[1]), dtype=np.float64)
    k = int(sys.argv[2])
    km = KMeans(n_clusters=k, n_init=1, random_state=0)
    t0 = time.perf_counter()
    km.fit(x)
    seconds = time.perf_counter() - t0
    r = {"peer": "sklearn", "version": sklearn_version, "n": x.shape[0], "d": x.shape[1], "k": k, "cov": "kmeans",
         "n_iter": int(km.n_iter_), "fit_seconds": seconds, "s_per_iter": seconds, "inertia": float(km.inertia_),
         "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0}
    print(json.dumps(r) if "--json" in sys.argv else f"sklearn KMeans K={k}: {seconds:.3f} s, {km.n_iter_} iterations, inertia {km.inertia_:.6g}")


if __name__ == "__main__":
    main()
