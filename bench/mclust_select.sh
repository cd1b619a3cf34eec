#!/usr/bin/env bash
# mixtures select --preset mclust against R mclust 6's Mclust() on the same synthetic data (issue 10).
#   apt-get install -y r-cran-mclust     # R and mclust 6 from Debian
#   bash bench/mclust_select.sh [--rows N] [--cols D] [--repeat R] [--skip-r]
# Data: R's generator, set.seed(1): 5 Gaussian components in D dimensions (random means 4 apart, random
# correlated covariances), N rows, written once to $MIXBENCH_DIR (default bench/data/) as CSV.
# Ours: the Release CLI, wall time of the whole process (CSV parsing, hc on 2000 rows, 14 models x K = 1..9).
# R: the time of Mclust(x) alone (data already read), and the whole Rscript process.
# The two draw different 2000-row hc subsets (R's sample() vs .NET's Random), so the chosen models may
# differ slightly; both are printed. Load average is printed with every time: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=100000; cols=8; repeat=1; skip_r=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --cols) cols="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --skip-r) skip_r=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
dir="${MIXBENCH_DIR:-bench/data}"
mkdir -p "$dir"
data="$dir/mclust_${rows}x${cols}.csv"
if [[ ! -s "$data" ]]; then
  Rscript --vanilla - "$rows" "$cols" "$data" <<'R'
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1]); d <- as.integer(args[2]); out <- args[3]
set.seed(1)
k <- 5
means <- matrix(rnorm(k * d, sd = 4), k, d)
cls <- sample.int(k, n, replace = TRUE, prob = c(0.3, 0.25, 0.2, 0.15, 0.1))
x <- matrix(0, n, d)
for (j in 1:k) {
  a <- matrix(rnorm(d * d, sd = 0.5), d, d) + diag(d)
  idx <- which(cls == j)
  x[idx, ] <- sweep(matrix(rnorm(length(idx) * d), ncol = d) %*% a, 2, means[j, ], "+")
}
colnames(x) <- paste0("x", 1:d)
write.csv(round(x, 6), out, row.names = FALSE)
R
  echo "wrote $data"
fi

dotnet build src/Mixtures.Cli -c Release -v q -nologo > /dev/null
cli="src/Mixtures.Cli/bin/Release/net10.0/Mixtures.Cli.dll"
for ((r = 1; r <= repeat; r++)); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s.%N)
  dotnet "$cli" select "$data" --preset mclust --json > "$dir/mclust_ours.json"
  end=$(date +%s.%N)
  best=$(python3 -c "import json,sys; b=json.load(open(sys.argv[1]))['best']; print(b['covariance_type'], b['k'], round(-b['bic'], 3))" "$dir/mclust_ours.json")
  printf 'ours    run %d: %8.1f s wall   best %s (mclust sign)   load %s\n' "$r" "$(echo "$end - $start" | bc)" "$best" "$load"
  if [[ $skip_r == 0 ]]; then
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    start=$(date +%s.%N)
    line=$(Rscript --vanilla -e "suppressMessages(library(mclust)); x <- as.matrix(read.csv('$data')); t <- system.time(m <- Mclust(x, verbose = FALSE))[['elapsed']]; cat(t, m\$modelName, m\$G, round(m\$bic, 3), '\n')")
    end=$(date +%s.%N)
    read -r t model g bic <<< "$line"
    printf 'mclust  run %d: %8.1f s Mclust() %8.1f s process   best %s %s %s   load %s\n' "$r" "$t" "$(echo "$end - $start" | bc)" "$model" "$g" "$bic" "$load"
  fi
done
