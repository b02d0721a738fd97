#!/usr/bin/env bash
# Benchmark of the executive PDF (issue 7), release build, whole-process wall times, best of RUNS:
#   - `report` of the demo workspace: under 2 s;
#   - `report` of the benchmark workspace (1,000,000 pages, 100,000 deployments, 10,000
#     incidents): under 5 s;
#   - each PDF under 5 MB.
# Also times `export --csv` and `export --html` of the benchmark workspace (no goal).
# Exit 1 when a goal is missed.
# Usage: bench/report-bench.sh [SCRATCH_DIR]   (default: ${TMPDIR:-/tmp}/srm-report-bench)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bin="$repo/build/release/app/sre-roadmap"
scratch=${1:-${TMPDIR:-/tmp}/srm-report-bench}
runs=${RUNS:-3}
mkdir -p "$scratch"
demo="$scratch/demo.srmap"
big="$scratch/big.srmap"

[[ -x "$bin" ]] || { echo "report-bench: build the release first (make build)" >&2; exit 1; }
[[ -f "$demo" ]] || "$bin" demo "$demo" >/dev/null
if [[ ! -f "$big" ]]; then
  echo "report-bench: writing $big"
  "$bin" demo "$big" --pages 1000000 --deployments 100000 --incidents 10000 >/dev/null
fi

python3 - "$bin" "$demo" "$big" "$scratch" "$runs" <<'PY'
import os, subprocess, sys, time

bin_, demo, big, scratch, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
commands = {
    "report demo": ([bin_, "report", demo, "--pdf", os.path.join(scratch, "demo.pdf")], 2.0),
    "report 1M pages": ([bin_, "report", big, "--pdf", os.path.join(scratch, "big.pdf")], 5.0),
    "export csv 1M pages": ([bin_, "export", big, "--csv", os.path.join(scratch, "csv")], None),
    "export html 1M pages": ([bin_, "export", big, "--html", os.path.join(scratch, "big.html")], None),
}
best = {name: float("inf") for name in commands}
for _ in range(runs):
    for name, (command, _goal) in commands.items():
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best[name] = min(best[name], time.perf_counter() - start)
ok = True
for name, (command, goal) in commands.items():
    line = f"{name:22s} {best[name]:.3f} s"
    if goal is not None:
        line += f"  (goal: < {goal:.0f} s)"
        ok = ok and best[name] < goal
    print(line)
for pdf in ("demo.pdf", "big.pdf"):
    size = os.path.getsize(os.path.join(scratch, pdf))
    print(f"{pdf:22s} {size / 1024:.0f} KiB  (goal: < 5 MB)")
    ok = ok and size < 5 * 1024 * 1024
if not ok:
    print("report-bench: a goal was missed", file=sys.stderr)
sys.exit(0 if ok else 1)
PY
