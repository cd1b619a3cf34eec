#!/usr/bin/python3
"""Time scikit-learn's GaussianMixture EM from fixed initial parameters.

usage: sklearn_fit.py DATA.npy INIT.json [--cov full|tied|diag|spherical] [--max-iter 20]
                      [--reg-covar 1e-6] [--stock] [--json]

Only the fit is timed (not loading). tol = 0, so exactly max_iter EM iterations run.
By default the k-means (or any resp-based) pre-initialization that scikit-learn runs even
when weights_init/means_init/precisions_init are all given is skipped, so that the timing
is EM iterations only (plus the final E-step that fit() always does); --stock times the
unmodified estimator with init_params='random_from_data' (one extra M-step-sized pass).
Prints one line: seconds per iteration (fit seconds / n_iter) and, with --json, a JSON object.
"""
import argparse
import json
import resource
import sys
import time

import numpy as np
from scipy import linalg
from sklearn import __version__ as sklearn_version
from sklearn.mixture import GaussianMixture


class FixedInitGaussianMixture(GaussianMixture):
    """GaussianMixture whose initialization only copies the given parameters."""

    def _initialize_parameters(self, X, random_state):
        self.weights_ = np.asarray(self.weights_init, dtype=np.float64)
        self.means_ = np.asarray(self.means_init, dtype=np.float64)
        p = np.asarray(self.precisions_init, dtype=np.float64)
        if self.covariance_type == "full":
            self.precisions_cholesky_ = np.array([linalg.cholesky(q, lower=True) for q in p])
        elif self.covariance_type == "tied":
            self.precisions_cholesky_ = linalg.cholesky(p, lower=True)
        else:
            self.precisions_cholesky_ = np.sqrt(p)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("data")
    ap.add_argument("init")
    ap.add_argument("--cov", default="full", choices=["full", "tied", "diag", "spherical"])
    ap.add_argument("--max-iter", type=int, default=20)
    ap.add_argument("--reg-covar", type=float, default=1e-6)
    ap.add_argument("--stock", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    x = np.load(a.data)
    if x.dtype != np.float64 or not x.flags.c_contiguous:
        x = np.ascontiguousarray(x, dtype=np.float64)
    with open(a.init) as f:
        init = json.load(f)
    k = len(init["weights"])
    cls = GaussianMixture if a.stock else FixedInitGaussianMixture
    if init["precisions"] is None:
        # Init files of very wide data hold no precisions (gen_data.py): scikit-learn's own k-means start, seed 0.
        gm = GaussianMixture(n_components=k, covariance_type=a.cov, tol=0.0, reg_covar=a.reg_covar,
                             max_iter=a.max_iter, n_init=1, init_params="kmeans", random_state=0)
    else:
        gm = cls(n_components=k, covariance_type=a.cov, tol=0.0, reg_covar=a.reg_covar,
                 max_iter=a.max_iter, n_init=1, init_params="random_from_data",
                 weights_init=np.asarray(init["weights"]), means_init=np.asarray(init["means"]),
                 precisions_init=np.asarray(init["precisions"]), random_state=0)

    import warnings
    from sklearn.exceptions import ConvergenceWarning
    warnings.simplefilter("ignore", ConvergenceWarning)
    t0 = time.perf_counter()
    gm.fit(x)
    seconds = time.perf_counter() - t0
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    n_iter = int(gm.n_iter_)
    result = {"peer": "sklearn", "version": sklearn_version, "n": x.shape[0], "d": x.shape[1],
              "k": k, "cov": a.cov, "n_iter": n_iter, "fit_seconds": seconds,
              "s_per_iter": seconds / n_iter, "lower_bound": float(gm.lower_bound_),
              "max_rss_mib": rss_mib, "stock": a.stock}
    if a.json:
        print(json.dumps(result))
    else:
        print(f"sklearn {sklearn_version} {a.cov} N={x.shape[0]} D={x.shape[1]} K={k}: "
              f"{n_iter} iter in {seconds:.3f} s = {seconds / n_iter:.4f} s/iter, "
              f"lower bound {gm.lower_bound_:.6f}, max RSS {rss_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
