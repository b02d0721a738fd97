// The alert Pareto of `sre-roadmap alerts` computed by DuckDB from a pages CSV (the
// pages_readable view of a workspace), for the side-by-side benchmark in engine-bench.sh.
// Usage: node pareto-duckdb.mjs PAGES.csv FROM TO TIMEZONE   (FROM/TO: 'YYYY-MM-DD HH:MM:SS' UTC)
// Prints the group count and the 80 % cut on stdout, its own run time on stderr.
import { DuckDBInstance } from '@duckdb/node-api';

const [csv, from, to, tz] = process.argv.slice(2);
const t0 = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const sql = `
WITH p AS (
  SELECT alert_group AS key, created_at::TIMESTAMP AS c, acknowledged_at::TIMESTAMP AS a,
         resolved_at::TIMESTAMP AS r, auto_resolved AS ar
  FROM read_csv('${csv}', header = true, auto_detect = true)
  WHERE created_at::TIMESTAMP >= TIMESTAMP '${from}' AND created_at::TIMESTAMP < TIMESTAMP '${to}'
), g AS (
  SELECT key, count(*) AS n,
    avg(CASE WHEN isodow(timezone('${tz}', c::TIMESTAMPTZ)) <= 5
              AND hour(timezone('${tz}', c::TIMESTAMPTZ)) BETWEEN 9 AND 16 THEN 0.0 ELSE 1.0 END) AS off_hours_ratio,
    avg(CASE WHEN ar = 1 OR (r IS NOT NULL AND a IS NULL) THEN 1.0 ELSE 0.0 END) AS noise_ratio,
    quantile_cont(epoch(a) - epoch(c), 0.5) / 60 AS ack_p50_minutes
  FROM p GROUP BY key
)
SELECT key, n, n / sum(n) OVER () AS share,
  sum(n) OVER (ORDER BY n DESC, key ASC ROWS UNBOUNDED PRECEDING) / sum(n) OVER () AS cumulative_share,
  off_hours_ratio, noise_ratio, ack_p50_minutes
FROM g ORDER BY n DESC, key ASC`;
const rows = (await con.runAndReadAll(sql)).getRows();
let k = 0;
for (const r of rows) {
  k++;
  if (r[3] >= 0.8) break;
}
const t1 = performance.now();
console.log(JSON.stringify({ groups_total: rows.length, groups_for_80_percent: k }));
console.error(`duckdb ${((t1 - t0) / 1000).toFixed(3)} s`);
