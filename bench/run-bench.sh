#!/usr/bin/env bash
# The benchmarks of SRE Roadmap against what users would otherwise use (`make bench`, which
# installs the peers with packaging/install-deps.sh --bench and builds the release first).
#
#   bench/run-bench.sh [--runs N] [--large-runs N] [--sizes 100000,1000000,10000000] [--data DIR]
#                      [--no-write] [--build-dir DIR]
#       generates the data at each size with `sre-roadmap generate` (once: kept in DIR, default
#       bench/.scratch/data; 10M pages are 1.5 GB of CSV), measures import (up to 1M pages also
#       with one core busy, re-imported unchanged and with 1% more pages), alerts Pareto,
#       metrics, progress, the window and the PDF report side by side with sqlite3, DuckDB and
#       pandas (median of N runs, default 5; of --large-runs, default 3, above 1M pages), prints
#       one table and writes it to BENCHMARKS.md and README.md's Benchmarks section (not with
#       --no-write: a developer's run of one size, e.g. --sizes 1000000 --no-write). The full
#       run (100k, 1M, 10M) takes an estimated 20 minutes on 2 cores once the data is cached,
#       about 10 with --large-runs 1 (our 10M import alone takes two minutes). DuckDB (npm's
#       @duckdb/node-api) is installed into bench/.scratch/duckdb when missing; a peer that
#       cannot be installed or run is reported as skipped, with the reason.
#   bench/run-bench.sh --smoke OUTDIR [--build-dir DIR]
#       the same script on 10,000 pages, one run, no DuckDB or pandas, everything under OUTDIR
#       (no network, no npm, BENCHMARKS.md untouched): a ctest test, so that the script keeps working.
#
# The driver is bench/runbench.py (Python standard library; Debian's /usr/bin/python3, which is
# also the Python that python3-pandas installs into).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build_dir=$repo/build/release
runs=5
large_runs=3
sizes=100000,1000000,10000000
data=$here/.scratch/data
write=1
smoke=
usage() {
  echo "usage: bench/run-bench.sh [--runs N] [--large-runs N] [--sizes N,N...] [--data DIR] [--no-write] [--build-dir DIR]" >&2
  echo "       bench/run-bench.sh --smoke OUTDIR [--build-dir DIR]" >&2
  exit 2
}
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) [[ $# -ge 2 ]] || usage; runs=$2; shift 2 ;;
    --large-runs) [[ $# -ge 2 ]] || usage; large_runs=$2; shift 2 ;;
    --sizes) [[ $# -ge 2 ]] || usage; sizes=$2; shift 2 ;;
    --data) [[ $# -ge 2 ]] || usage; data=$2; shift 2 ;;
    --no-write) write=; shift ;;
    --build-dir) [[ $# -ge 2 ]] || usage; build_dir=$2; shift 2 ;;
    --smoke) [[ $# -ge 2 ]] || usage; smoke=$2; shift 2 ;;
    *) usage ;;
  esac
done

python=${PYTHON:-/usr/bin/python3}
[[ -x $python ]] || python=$(command -v python3) || { echo "run-bench: python3 is needed (packaging/install-deps.sh installs it)" >&2; exit 1; }

if [[ -n $smoke ]]; then
  exec "$python" "$here/runbench.py" --smoke --no-peers --runs 1 --sizes 10000 \
    --build-dir "$build_dir" --work "$smoke" --python "$python"
fi

# DuckDB from npm, into a scratch folder of its own (bench/.scratch is ignored by git).
duck=$here/.scratch/duckdb
duck_args=()
if [[ -f $duck/node_modules/@duckdb/node-api/package.json ]] && command -v node >/dev/null; then
  duck_args=(--duckdb-dir "$duck")
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  duck_args=(--duckdb-skip "Node.js or npm not installed")
else
  echo "run-bench: installing @duckdb/node-api into $duck" >&2
  mkdir -p "$duck"
  if (cd "$duck" && { [[ -f package.json ]] || npm init -y >/dev/null; } &&
      npm install --no-audit --no-fund --loglevel=error @duckdb/node-api >/dev/null); then
    duck_args=(--duckdb-dir "$duck")
  else
    duck_args=(--duckdb-skip "npm install @duckdb/node-api failed")
  fi
fi

write_args=()
[[ -n $write ]] && write_args=(--markdown "$repo/BENCHMARKS.md" --readme "$repo/README.md")
exec "$python" "$here/runbench.py" --runs "$runs" --large-runs "$large_runs" --sizes "$sizes" \
  --build-dir "$build_dir" --work "$here/.scratch/run" --data "$data" --python "$python" "${duck_args[@]}" \
  "${write_args[@]}"
