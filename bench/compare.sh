#!/usr/bin/env bash
# Mixtures vs scikit-learn vs Armadillo: seconds per EM iteration from the same data and the
# same initial parameters, tol 0, a fixed number of iterations, float64, all cores.
#
# usage: bench/compare.sh [--rows "NAME:COV ..."] [--iters N] [--small-iters N] [--data DIR]
#                         [--skip-build] [--only mixtures,sklearn,armadillo] [--repeat R]
#   default rows: the issue's three (n1e6_d16:full n1e6_d16:diag n2e5_d64:full), n1e6_d16:{tied,spherical}, small:{full,diag,tied,spherical},
#                 and issue 16's wide:full (5000 x 1000), verywide:full (30 x 10000) and n1e6_d16:kmeans (KMeans, K = 16, n_init = 1)
#   NAME:kmeans      a whole KMeans fit (k-means++ seeding + Lloyd, seed 0, default tol/max_iter) against scikit-learn's
#                    KMeans(n_init=1, random_state=0); "s/iter" is then seconds per fit, K from NAME.full.init.json
#   a dataset whose init files hold no precisions (verywide) starts every peer from its own k-means init (seed 0)
#   --iters-wide N   EM iterations for datasets with D >= 1000 (default 3)
#   --iters N        EM iterations for the large rows (default 20: the issue's protocol)
#   --small-iters N  EM iterations for datasets with N <= 1e5 (default 100: amortizes JIT warm-up)
#   --data DIR       where gen_data.py's files go (default bench/data, gitignored; MIXBENCH_DIR too)
#   --table-only     print the table of the last run's results.jsonl again (no runs)
#   --repeat R       run every row R times, interleaved, and keep each peer's fastest run (default 1);
#                    the machine's load average is printed: other processes on these 2 cores skew timings
#
# Peers run only when installed (Debian: python3-sklearn; libarmadillo-dev + g++); a missing one
# is reported and skipped. For the peers OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are unset.
# Peak memory is the max RSS from /usr/bin/time -v (GNU time) of the whole process.
# Mixtures' s/iter is the CLI's fit_seconds / n_iter (JIT, data checks and the final scoring pass
# included); "steady" is the in-process per-iteration time of the same fit after a warm-up fit
# (bench/Mixtures.Benchmarks quick), shown beside it and never used for the ratios.
# GFLOP/s use nominal counts per iteration: full N K (2 D^2 + 6 D); tied 4 N D^2 + 6 N K D;
# diag and spherical 6 N K D.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
rows="n1e6_d16:full n1e6_d16:diag n2e5_d64:full n1e6_d16:tied n1e6_d16:spherical small:full small:diag small:tied small:spherical wide:full verywide:full n1e6_d16:kmeans"
wide_iters=3
iters=20
small_iters=100
data=${MIXBENCH_DIR:-$here/data}
build=1
only="mixtures,sklearn,armadillo"
repeat=1
table_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --iters) iters=$2; shift 2 ;;
    --small-iters) small_iters=$2; shift 2 ;;
    --iters-wide) wide_iters=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    --only) only=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --table-only) table_only=1; shift ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
want() { case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

py=/usr/bin/python3
if ! "$py" -c 'import numpy' 2>/dev/null; then
  echo "compare.sh: Debian's python3-numpy is needed to generate the data: apt-get install -y python3-numpy" >&2
  exit 2
fi
mkdir -p "$data"
out="$data/results"
mkdir -p "$out"
results="$out/results.jsonl"
if [ "$table_only" = 0 ]; then
: > "$results"

# 1. data (kept when present)
datasets=$(for r in $rows; do echo "${r%%:*}"; done | sort -u)
# shellcheck disable=SC2086
"$py" "$here/gen_data.py" "$data" $datasets

# 2. builds
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -v); else echo "note: GNU time (apt-get install time) not found: no peak memory" >&2; fi

mixtures=""
if want mixtures; then
  if [ "$build" = 1 ]; then
    dotnet build -c Release "$repo/src/Mixtures.Cli" -nologo -v q >"$out/build.log" 2>&1 \
      || { echo "compare.sh: dotnet build of src/Mixtures.Cli failed; see $out/build.log" >&2; tail -20 "$out/build.log" >&2; exit 1; }
  fi
  mixtures=$(ls -d "$repo"/src/Mixtures.Cli/bin/Release/net*/mixtures 2>/dev/null | head -1 || true)
  if [ "$build" = 1 ]; then
    dotnet build -c Release "$here/Mixtures.Benchmarks" -nologo -v q >"$out/build-bench.log" 2>&1 \
      || echo "note: bench/Mixtures.Benchmarks did not build (see $out/build-bench.log): no steady s/iter" >&2
  fi
  benchdll=$(ls -d "$here"/Mixtures.Benchmarks/bin/Release/net*/Mixtures.Benchmarks.dll 2>/dev/null | head -1 || true)
  [ -n "$mixtures" ] || { echo "compare.sh: no built mixtures executable under src/Mixtures.Cli/bin/Release" >&2; exit 1; }
fi

have_sklearn=0
if want sklearn; then
  if "$py" -c 'import sklearn' 2>/dev/null; then have_sklearn=1
  else echo "skipping scikit-learn: not installed (apt-get install -y python3-sklearn)"; fi
fi

armadillo=""
if want armadillo; then
  if [ -f /usr/include/armadillo ] && command -v g++ >/dev/null; then
    armadillo="$data/armadillo_fit"
    if [ ! -x "$armadillo" ] || [ "$here/peers/armadillo_fit.cpp" -nt "$armadillo" ]; then
      g++ -O3 -march=native -fopenmp -std=c++17 "$here/peers/armadillo_fit.cpp" -o "$armadillo" -larmadillo
    fi
  else
    echo "skipping Armadillo: not installed (apt-get install -y libarmadillo-dev)"
  fi
fi

# Runs "$@" under GNU time; prints the command's stdout, appends "max_rss_kb=..." to $out/rss.
timed() {
  if [ ${#timer[@]} -gt 0 ]; then
    local rc=0
    "${timer[@]}" -o "$out/time.txt" "$@" || rc=$?
    awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt" > "$out/rss"
    return $rc
  else
    echo "" > "$out/rss"
    "$@"
  fi
}

# 3. runs
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
# DGEMM peak of this machine as numpy (OpenBLAS) reaches it: 4000 x 4000 A @ B, best of 3, all cores.
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" - >> "$results" <<'EOF'
import json, time
import numpy as np
n = 4000
a = np.random.default_rng(0).standard_normal((n, n)); b = a.T.copy()
a @ b
best = float("inf")
for _ in range(3):
    t0 = time.perf_counter(); a @ b; best = min(best, time.perf_counter() - t0)
print(json.dumps({"peer": "dgemm", "dataset": "dgemm", "cov": "-", "gflops": 2.0 * n ** 3 / best / 1e9}))
EOF
echo "DGEMM peak (numpy A @ B, 4000^2): $(tail -1 "$results")"
for round in $(seq 1 "$repeat"); do
for r in $rows; do
  name=${r%%:*}; cov=${r##*:}
  x="$data/$name.npy"; init="$data/$name.$cov.init.json"
  [ "$cov" = kmeans ] && init="$data/$name.full.init.json"
  n=$("$py" -c "import numpy as np; print(np.load('$x', mmap_mode='r').shape[0])")
  dim=$("$py" -c "import numpy as np; print(np.load('$x', mmap_mode='r').shape[1])")
  it=$iters; [ "$n" -le 100000 ] && it=$small_iters; [ "$dim" -ge 1000 ] && it=$wide_iters
  k=$("$py" -c "import json; print(len(json.load(open('$init'))['weights']))")
  # No precisions in the init file (very wide data): every peer starts from its own k-means init, seed 0.
  fixed=$("$py" -c "import json; print(0 if json.load(open('$init'))['precisions'] is None else 1)")
  echo "== $name $cov (K=$k, $it iterations, round $round/$repeat, load $(cut -d' ' -f1 /proc/loadavg))"
  if [ "$cov" = kmeans ]; then
    if [ -n "$mixtures" ] && [ -n "$benchdll" ]; then
      if timed dotnet "$benchdll" kmeans "$x" "$k" --json > "$out/mixtures.stdout" 2> "$out/mixtures.stderr"; then
        "$py" -c "import json,sys; d=json.loads(open(sys.argv[1]).read().strip().splitlines()[-1]); d.update(dataset=sys.argv[2]); r=open(sys.argv[3]).read().strip(); d['max_rss_mib']=int(r)/1024 if r else None; print(json.dumps(d))" \
          "$out/mixtures.stdout" "$name" "$out/rss" >> "$results"
        tail -1 "$results"
      else echo "mixtures kmeans failed:"; cat "$out/mixtures.stderr"; fi
    fi
    if [ "$have_sklearn" = 1 ]; then
      if timed env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" "$here/peers/sklearn_kmeans.py" "$x" "$k" --json > "$out/peer.stdout"; then
        "$py" -c "import json,sys; d=json.loads(open(sys.argv[1]).read()); d.update(dataset=sys.argv[2]); r=open(sys.argv[3]).read().strip(); d['max_rss_mib']=int(r)/1024 if r else d['max_rss_mib']; print(json.dumps(d))" \
          "$out/peer.stdout" "$name" "$out/rss" >> "$results"
        tail -1 "$results"
      else echo "sklearn KMeans failed"; fi
    fi
    continue
  fi
  initargs=(--init "$init"); [ "$fixed" = 0 ] && initargs=(--init-params kmeans --seed 0)

  if [ -n "$mixtures" ]; then
    model="$out/$name.$cov.model.json"
    rm -f "$model"
    if timed "$mixtures" fit "$x" -k "$k" --covariance-type "$cov" "${initargs[@]}" --max-iter "$it" --tol 0 \
        --quiet --json -o "$model" > "$out/mixtures.stdout" 2> "$out/mixtures.stderr"; then
      "$py" - "$model" "$name" "$cov" "$(cat "$out/rss")" >> "$results" <<'EOF'
import json, sys
path, name, cov, rss = sys.argv[1:5]
m = json.load(open(path))
def find(o, keys):
    if isinstance(o, dict):
        for k in keys:
            if k in o and isinstance(o[k], (int, float)): return o[k]
        for v in o.values():
            r = find(v, keys)
            if r is not None: return r
    return None
secs = find(m, ["fit_seconds", "fitSeconds", "FitSeconds"])
n_iter = find(m, ["n_iter", "iterations", "Iterations"])
print(json.dumps({"peer": "mixtures", "dataset": name, "cov": cov, "fit_seconds": secs, "n_iter": n_iter,
                  "s_per_iter": secs / n_iter if secs and n_iter else None,
                  "max_rss_mib": int(rss) / 1024 if rss.strip() else None}))
EOF
      tail -1 "$results"
    else
      echo "mixtures fit failed:"; cat "$out/mixtures.stderr"
    fi
    if [ -n "$benchdll" ] && [ "$fixed" = 1 ]; then
      if dotnet "$benchdll" quick --data "$data" --iters "$it" --rows "$name:$cov" --json > "$out/steady.stdout" 2> "$out/steady.stderr"; then
        "$py" -c "import json,sys; d=json.loads(open(sys.argv[1]).read().strip().splitlines()[-1]); d['peer']='steady'; print(json.dumps(d))" "$out/steady.stdout" >> "$results"
        tail -1 "$results"
      else echo "steady (in-process) timing failed:"; cat "$out/steady.stderr"; fi
    fi
  fi

  if [ "$have_sklearn" = 1 ]; then
    stock=(); [ "$fixed" = 0 ] && stock=(--stock)
    if timed env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" "$here/peers/sklearn_fit.py" "$x" "$init" \
        --cov "$cov" --max-iter "$it" "${stock[@]}" --json > "$out/peer.stdout"; then
      "$py" -c "import json,sys; d=json.loads(open(sys.argv[1]).read()); d.update(dataset=sys.argv[2]); r=open(sys.argv[3]).read().strip(); d['max_rss_mib']=int(r)/1024 if r else d['max_rss_mib']; print(json.dumps(d))" \
        "$out/peer.stdout" "$name" "$out/rss" >> "$results"
      tail -1 "$results"
    else echo "sklearn failed"; fi
  fi

  if [ -n "$armadillo" ] && [ "$fixed" = 1 ] && { [ "$cov" = full ] || [ "$cov" = diag ]; }; then
    # On small data OpenMP's spinning workers fight OpenBLAS's threads (gmm_diag: 7x slower), so there
    # Armadillo also runs with OMP_WAIT_POLICY=passive and keeps its faster run; on large data the
    # default (active) policy is the faster one.
    policies="active"; [ "$n" -le 100000 ] && policies="active passive"
    best=""
    for policy in $policies; do
      if timed env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_WAIT_POLICY=$policy "$armadillo" "$x" "$init" "$cov" "$it" 1e-6 --json > "$out/peer.stdout"; then
        line=$("$py" -c "import json,sys; d=json.loads(open(sys.argv[1]).read()); d.update(dataset=sys.argv[2], omp_wait_policy=sys.argv[4]); r=open(sys.argv[3]).read().strip(); d['max_rss_mib']=int(r)/1024 if r else d['max_rss_mib']; print(json.dumps(d))" \
          "$out/peer.stdout" "$name" "$out/rss" "$policy")
        best=$("$py" -c "import json,sys; a=sys.argv[1]; b=sys.argv[2]; print(b if not a or json.loads(b)['s_per_iter'] < json.loads(a)['s_per_iter'] else a)" "$best" "$line")
      else echo "armadillo failed (OMP_WAIT_POLICY=$policy)"; fi
    done
    if [ -n "$best" ]; then echo "$best" >> "$results"; tail -1 "$results"; fi
  fi
done
done
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

# 4. table
echo
"$py" - "$results" "$data" <<'EOF'
import json, sys
import numpy as np
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
peak = max((r["gflops"] for r in rows if r.get("peer") == "dgemm"), default=None)
rows = [r for r in rows if r.get("peer") != "dgemm"]
peers = ["mixtures", "sklearn", "armadillo"]  # "steady": Mixtures in-process, shown only
by = {}
order = []
for r in rows:  # fastest run of each peer; largest RSS
    key = (r["dataset"], r["cov"])
    if key not in by: by[key] = {}; order.append(key)
    old = by[key].get(r["peer"])
    if old is not None:
        rss = max(v for v in (old.get("max_rss_mib"), r.get("max_rss_mib")) if v is not None) if (old.get("max_rss_mib") or r.get("max_rss_mib")) else None
        if old.get("s_per_iter") is not None and (r.get("s_per_iter") is None or old["s_per_iter"] <= r["s_per_iter"]):
            r = old
        r = dict(r, max_rss_mib=rss)
    by[key][r["peer"]] = r
def flops(cov, n, d, k):
    if cov == "kmeans": return None
    if cov == "full": return n * k * (2 * d * d + 6 * d)
    if cov == "tied": return 4 * n * d * d + 6 * n * k * d
    return 6 * n * k * d
def f(v, fmt):
    return format(v, fmt) if isinstance(v, (int, float)) else "-"
def t(v):  # seconds per iteration: 4 significant digits (small data runs in well under a millisecond)
    return format(v, ".4g") if isinstance(v, (int, float)) else "-"
hdr = ("| dataset | N | D | K | cov | iters | s/iter Mixtures | steady s/iter | s/iter sklearn | s/iter Armadillo | "
       "GFLOP/s M / S / A | sklearn / Mixtures | Armadillo / Mixtures | max RSS MiB M / S / A |")
print(hdr)
print("|" + "---|" * (hdr.count("|") - 1))
for key in order:
    name, cov = key
    shape = np.load(f"{sys.argv[2]}/{name}.npy", mmap_mode="r").shape
    init = json.load(open(f"{sys.argv[2]}/{name}.{'full' if cov == 'kmeans' else cov}.init.json"))
    n, d, k = shape[0], shape[1], len(init["weights"])
    p = by[key]
    s = {q: p[q]["s_per_iter"] if q in p else None for q in peers}
    its = next((p[q]["n_iter"] for q in peers if q in p), "-")
    g = " / ".join(f(flops(cov, n, d, k) / s[q] / 1e9, ".2f") if s[q] and flops(cov, n, d, k) else "-" for q in peers)
    ratio = lambda q: f(s[q] / s["mixtures"], ".2f") + "x" if s[q] and s["mixtures"] else "-"
    rss = " / ".join(f(p[q].get("max_rss_mib"), ".0f") if q in p else "-" for q in peers)
    steady = p["steady"]["s_per_iter"] if "steady" in p else None
    print(f"| {name} | {n} | {d} | {k} | {cov} | {its} | {t(s['mixtures'])} | {t(steady)} | {t(s['sklearn'])} | "
          f"{t(s['armadillo'])} | {g} | {ratio('sklearn')} | {ratio('armadillo')} | {rss} |")
if peak: print(f"\nDGEMM peak (numpy A @ B, OpenBLAS, 4000 x 4000, all cores): {peak:.1f} GFLOP/s")
print("kmeans rows: seconds per whole fit (not per iteration); rows without fixed precisions start from each peer's k-means init")
print(f"\n(results: {sys.argv[1]})")
EOF
