#!/usr/bin/env bash
# bench/outofcore.sh [DIR] [SIZES] [ITERS]: in-memory against streamed (--out-of-core) fits of 16-cluster D = 16
# float64 .npy files (bench `gen-npy`), N in SIZES (default 1e6 2e6 4e6 8e6 1.6e7 3.2e7), K = 16 diag, tol 0, seed 1.
# Per N and mode: seconds per iteration = (fit_seconds of 1 + ITERS iterations - fit_seconds of 1) / ITERS (what a
# fit costs once cancels: data checks, k-means on the 2^17-row sample, final scoring), peak RSS of the longer fit
# (/usr/bin/time), and whether the two models are bit-identical (model files without fit_seconds). Files are read
# once before the fits, so they are in the page cache. Then the largest file is fitted --out-of-core inside a 1 GiB
# memory cgroup (v1, as root) and compared with the in-memory model made outside it. Load average beside every row.
# Data and models go to DIR (default /work/benchdata/ooc), never into the repository. Results: DIR/results.txt.
set -euo pipefail
DIR=${1:-/work/benchdata/ooc}
SIZES=${2:-"1e6 2e6 4e6 8e6 1.6e7 3.2e7"}
ITERS=${3:-4}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$DIR"
dotnet build -c Release "$ROOT/src/Mixtures.Cli" -o "$DIR/cli" -v q -nologo >/dev/null
dotnet build -c Release "$ROOT/bench/Mixtures.Benchmarks" -v q -nologo >/dev/null
CLI="$DIR/cli/Mixtures.Cli.dll"
BENCH="$ROOT/bench/Mixtures.Benchmarks/bin/Release/net10.0/Mixtures.Benchmarks.dll"
ARGS=(-k 16 --covariance-type diag --tol 0 --seed 1 --quiet)
OUT="$DIR/results.txt"
load() { cut -d' ' -f1 /proc/loadavg; }
seconds() { grep -o '"fit_seconds": *[0-9.eE+-]*' "$1" | grep -o '[0-9.eE+-]*$'; }
strip() { grep -v fit_seconds "$1"; }
echo "# $(date -u +%FT%TZ) $(nproc) cores; K = 16 diag, D = 16, $ITERS iterations timed" | tee -a "$OUT"
printf '%-9s %-9s %9s %10s %9s %s\n' N mode s/iter "peak MiB" identical load | tee -a "$OUT"
for N in $SIZES; do
  F="$DIR/n$N.npy"
  [ -f "$F" ] || dotnet "$BENCH" gen-npy --n "$N" --out "$F"
  cat "$F" > /dev/null
  for mode in memory streamed; do
    extra=(); [ "$mode" = streamed ] && extra=(--out-of-core --temp-dir "$DIR")
    dotnet "$CLI" fit "$F" "${ARGS[@]}" --max-iter 1 "${extra[@]}" -o "$DIR/n$N.$mode.1.json"
    /usr/bin/time -f %M -o "$DIR/rss" dotnet "$CLI" fit "$F" "${ARGS[@]}" --max-iter $((ITERS + 1)) "${extra[@]}" -o "$DIR/n$N.$mode.json"
    s=$(python3 -c "print(f'{($(seconds "$DIR/n$N.$mode.json") - $(seconds "$DIR/n$N.$mode.1.json")) / $ITERS:.3f}')")
    rss=$(( $(cat "$DIR/rss") / 1024 ))
    same=-
    [ "$mode" = streamed ] && { cmp -s <(strip "$DIR/n$N.memory.json") <(strip "$DIR/n$N.streamed.json") && same=yes || same=NO; }
    printf '%-9s %-9s %9s %10s %9s %s\n' "$N" "$mode" "$s" "$rss" "$same" "$(load)" | tee -a "$OUT"
  done
done

# The largest file, streamed inside a 1 GiB memory cgroup, against the in-memory model above.
N=${SIZES##* }
CG=/sys/fs/cgroup/memory/mixtures-bench-$$
if [ -w /sys/fs/cgroup/memory ]; then
  mkdir "$CG"
  echo $((1 << 30)) > "$CG/memory.limit_in_bytes"
  start=$(date +%s.%N)
  bash -c "echo \$\$ > $CG/cgroup.procs && exec dotnet '$CLI' fit '$DIR/n$N.npy' ${ARGS[*]} --max-iter $((ITERS + 1)) --out-of-core --temp-dir '$DIR' -o '$DIR/n$N.cgroup.json'"
  wall=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")
  peak=$(( $(cat "$CG/memory.max_usage_in_bytes") >> 20 ))
  rmdir "$CG"
  cmp -s <(strip "$DIR/n$N.memory.json") <(strip "$DIR/n$N.cgroup.json") && same=yes || same=NO
  echo "cgroup 1 GiB: N = $N streamed, $((ITERS + 1)) iterations, wall $wall s, fit_seconds $(seconds "$DIR/n$N.cgroup.json"), cgroup peak $peak MiB, bit-identical to in-memory: $same (load $(load))" | tee -a "$OUT"
else
  echo "cgroup: /sys/fs/cgroup/memory is not writable; skipped" | tee -a "$OUT"
fi
