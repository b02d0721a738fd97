#!/usr/bin/env bash
# Runs one libFuzzer target for SRM_FUZZ_SECONDS (default 60) from its checked-in corpus.
#   run-fuzzer.sh FUZZER SEED_DIR WORK_DIR
# New inputs go to WORK_DIR (the build tree), never into the checked-in SEED_DIR. A crash, a
# sanitizer report, a timeout (10 s per input) or 2 GB of memory fails the run and leaves the
# input as crash-*/timeout-*/oom-* in WORK_DIR: minimise it (FUZZER -minimize_crash=1 FILE),
# fix the parser, and keep it in tests/fixtures/fuzz/NAME/ so tst_fuzzregressions replays it.
set -euo pipefail
fuzzer=$1 seeds=$2 work=$3
seconds=${SRM_FUZZ_SECONDS:-60}
mkdir -p "$work/new" "$work/artifacts"
[[ -d "$seeds" ]] || { echo "run-fuzzer: no corpus at $seeds" >&2; exit 1; }
[[ -n "$(ls -A "$seeds")" ]] || { echo "run-fuzzer: empty corpus at $seeds" >&2; exit 1; }
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/new" "$seeds"
