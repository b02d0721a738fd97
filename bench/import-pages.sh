#!/usr/bin/env bash
# The import benchmark of issue 3: 1,000,000 pages in the pages CSV format (about 160 MB)
# imported into a NEW workspace, against sqlite3's own `.mode csv` / `.import` of the same file
# into a bare table, side by side, several rounds, alternating. Reports the times, the ratio
# (goal: <= 1.0), rows/s, MB/s and the peak memory of the import (goal: < 300 MB).
#   bench/import-pages.sh [BINARY] [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/release/app/sre-roadmap}
rounds=${2:-3}
pages=${PAGES:-1000000}
work=$here/.scratch/import
mkdir -p "$work"
csv=$work/gen/pages.csv
if [[ ! -f $csv || $(($(wc -l < "$csv") - 1)) -ne $pages ]]; then
  rm -rf "$work/gen"
  "$bin" generate "$work/gen" --pages "$pages" --deployments 0 --incidents 0 > /dev/null
fi
bytes=$(stat -c %s "$csv")

measure() { # label, command...: prints "seconds max_rss_kb"
  local out=$work/time.txt
  /usr/bin/time -f "%e %M" -o "$out" "${@:2}" > /dev/null 2> "$work/$1.err" || { cat "$work/$1.err" >&2; exit 1; }
  cat "$out"
}

best_ours=999999; best_sqlite=999999; rss=0
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b ? a : b) }'; }
for ((i = 1; i <= rounds; i++)); do
  rm -f "$work"/bare.db "$work"/new.srmap*
  read -r s _ < <(measure sqlite3 sqlite3 "$work/bare.db" ".mode csv" ".import $csv pages")
  read -r o m < <(measure import "$bin" import "$work/new.srmap" "$csv")
  awk -v i="$i" -v s="$s" -v o="$o" -v m="$m" \
    'BEGIN { printf "round %d: sqlite3 .import %.2f s, sre-roadmap import %.2f s (%.0f MB peak), ratio %.2f\n", i, s, o, m / 1024, o / s }'
  best_sqlite=$(min "$best_sqlite" "$s")
  best_ours=$(min "$best_ours" "$o")
  (( m > rss )) && rss=$m
done
awk -v s="$best_sqlite" -v o="$best_ours" -v n="$pages" -v b="$bytes" -v m="$rss" \
  'BEGIN { printf "best: sqlite3 %.2f s, import %.2f s, ratio %.2f; %.0f rows/s, %.1f MB/s; peak RSS %.0f MB\n", s, o, o / s, n / o, b / 1e6 / o, m / 1024 }'
rows=$(sqlite3 "$work/new.srmap" "SELECT count(*) FROM pages")
[[ $rows -eq $pages ]] || { echo "expected $pages pages, the workspace has $rows" >&2; exit 1; }
