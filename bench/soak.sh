#!/usr/bin/env bash
# The long soak (issue 17): 200 fits over an existing model interrupted at random moments by SIGINT,
# SIGTERM or SIGKILL. Each must leave the old model or a complete new one, and SIGINT/SIGTERM no
# temporary file. CI runs the same test with a handful of runs.
#   bench/soak.sh [RUNS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export MIXTURES_SOAK_RUNS="${1:-200}" MIXTURES_SOAK_SEED="${2:-17}"
dotnet test tests/Mixtures.Cli.Tests --filter "FullyQualifiedName~SoakTests" --logger "console;verbosity=detailed"
