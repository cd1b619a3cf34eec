#!/usr/bin/env bash
# Distributed EM (issue 13) on this machine: seconds per EM iteration of the local fit against 1, 2 and
# 3 `mixtures worker` processes on loopback ports, N x D = 1e6 x 16, K = 16, full covariance; then the
# process-level test at the full size (bit-identical models, a worker killed after pass 2).
#   bench/cluster.sh [ROWS] [ITERATIONS]
# Prints the load average with every number: on a shared 2-core machine they are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}" iters="${2:-12}"
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
dotnet build src/Mixtures.Cli -c Release -v q -nologo >/dev/null
bin=src/Mixtures.Cli/bin/Release/net10.0/mixtures
python3 - "$work/x.npy" "$rows" <<'PY'
import sys, random, array
path, n, d = sys.argv[1], int(sys.argv[2]), 16
rng = random.Random(1)
centres = [[rng.uniform(-20, 20) for _ in range(d)] for _ in range(16)]
a = array.array('d')
for i in range(n):
    c = centres[i % 16]
    a.extend(c[j] + rng.gauss(0, 1) for j in range(d))
h = "{'descr': '<f8', 'fortran_order': False, 'shape': (%d, %d), }" % (n, d)
h += ' ' * (64 - (10 + len(h) + 1) % 64) + '\n'
with open(path, 'wb') as f:
    f.write(b'\x93NUMPY\x01\x00' + len(h).to_bytes(2, 'little') + h.encode())
    f.write(a.tobytes())
PY
fit=(fit "$work/x.npy" -k 16 --tol 0 --seed 1)
per_iter_local() {
    local a b
    a=$("$bin" "${fit[@]}" --max-iter 2 --json -q | grep '"fit_seconds"' | tr -dc '0-9.')
    b=$("$bin" "${fit[@]}" --max-iter "$iters" --json -q | grep '"fit_seconds"' | tr -dc '0-9.')
    python3 -c "print(f'{($b - $a) / ($iters - 2):.3f}')"
}
echo "local: $(per_iter_local) s/iter (load $(cut -d' ' -f1-3 /proc/loadavg))"
base=$((20000 + RANDOM % 20000))
for n in 1 2 3; do
    for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pids=(); gateways=()
    for i in $(seq 1 "$n"); do
        port=$((base + 10 * n + i)); gw=$((base + 100 + 10 * n + i))
        join=(); [ "$i" -gt 1 ] && join=(--join "127.0.0.1:$((base + 10 * n + 1))")
        "$bin" worker --port "$port" --gateway-port "$gw" "${join[@]}" 2>"$work/w$n$i.log" &
        pids+=($!); gateways+=("127.0.0.1:$gw")
        until grep -q serving "$work/w$n$i.log"; do sleep 0.5; done
    done
    cluster=$(IFS=,; echo "${gateways[*]}")
    "$bin" "${fit[@]}" --max-iter "$iters" --cluster "$cluster" -o "$work/m$n.json" 2>"$work/passes$n.log" >/dev/null
    python3 - "$work/passes$n.log" "$n" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys, re
lines = [l for l in open(sys.argv[1]) if l.startswith('pass ')]
vals = [[float(x) for x in re.findall(r'([0-9.]+) s', l)] for l in lines[1:]]   # pass 1 also warms the workers up
m = lambda i: sum(v[i] for v in vals) / len(vals)
print(f"{sys.argv[2]} worker(s): {m(0):.3f} s/iter (compute {m(1):.3f}, transfer {m(2):.3f}, merge {m(3):.4f}) (load {sys.argv[3]})")
PY
done
echo "full-size process test:"
MIXTURES_CLUSTER_ROWS="$rows" dotnet test tests/Mixtures.Cli.Tests -c Release --filter "FullyQualifiedName~ClusterProcessTests.Three" -nologo 2>&1 | grep -E "Passed!|Failed!|Error Message|exit|Assert" | head -20
