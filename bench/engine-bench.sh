#!/usr/bin/env bash
# Benchmark of the analysis engine (issue 4), release build, side by side in one run:
#   - `alerts --json` on 1,000,000 pages must take at most half the time DuckDB needs for the
#     same Pareto from the pages CSV (node + @duckdb/node-api, installed in a scratch folder
#     outside the repository);
#   - `metrics --json` (every metric with its weekly series) must take under one second.
# Whole-process wall times; each measured RUNS times, the best kept. Exit 1 when a goal is missed.
# Usage: bench/engine-bench.sh [SCRATCH_DIR]   (default: ${TMPDIR:-/tmp}/srm-engine-bench)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bin="$repo/build/release/app/sre-roadmap"
scratch=${1:-${TMPDIR:-/tmp}/srm-engine-bench}
runs=${RUNS:-5}
mkdir -p "$scratch"
ws="$scratch/big.srmap"
csv="$scratch/pages.csv"

[[ -x "$bin" ]] || { echo "engine-bench: build the release first (make build)" >&2; exit 1; }
if [[ ! -f "$ws" ]]; then
  echo "engine-bench: writing $ws"
  "$bin" demo "$ws" --pages 1000000 --deployments 100000 --incidents 10000 >/dev/null
fi
if [[ ! -f "$csv" || "$csv" -ot "$ws" ]]; then
  sqlite3 -header -csv "$ws" "SELECT * FROM pages_readable" > "$csv"
fi
if [[ ! -d "$scratch/duck/node_modules/@duckdb/node-api" ]]; then
  (cd "$scratch" && mkdir -p duck && cd duck && npm init -y >/dev/null && npm install --silent @duckdb/node-api >/dev/null)
fi
cp "$repo/bench/pareto-duckdb.mjs" "$scratch/duck/"

# Side by side, interleaved so that every program sees the same machine load; best of RUNS.
python3 - "$bin" "$ws" "$csv" "$scratch/duck/pareto-duckdb.mjs" "$runs" <<'PY'
import json, subprocess, sys, time

bin_, ws, csv, script, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
doc = json.loads(subprocess.run([bin_, "alerts", ws, "--json", "--top", "0"], check=True,
                                capture_output=True).stdout)
window = doc["window"]
bounds = [window[k].replace("T", " ").rstrip("Z") for k in ("from", "to")]
tz = subprocess.run([bin_, "get", ws, "timezone"], check=True, capture_output=True, text=True).stdout.strip()
commands = {
    "duckdb": ["node", script, csv, bounds[0], bounds[1], tz],
    "alerts": [bin_, "alerts", ws, "--json"],
    "metrics": [bin_, "metrics", ws, "--json"],
}
best = {name: float("inf") for name in commands}
for _ in range(runs):
    for name, command in commands.items():
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best[name] = min(best[name], time.perf_counter() - start)
print(f"window {window['from']} .. {window['to']}, {doc['total_pages']} pages in {doc['groups_total']} groups")
print(f"duckdb Pareto from CSV: {best['duckdb']:.3f} s")
print(f"sre-roadmap alerts:     {best['alerts']:.3f} s  (goal: <= {best['duckdb'] / 2:.3f} s, ratio {best['alerts'] / best['duckdb']:.2f})")
print(f"sre-roadmap metrics:    {best['metrics']:.3f} s  (goal: < 1 s)")
ok = best["alerts"] <= best["duckdb"] / 2 and best["metrics"] < 1.0
if not ok:
    print("engine-bench: a goal was missed", file=sys.stderr)
sys.exit(0 if ok else 1)
PY
