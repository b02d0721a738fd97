// The alert Pareto of `sre-roadmap alerts --json` (docs/slos-and-alerts.md#alert-groups) computed
// by DuckDB straight from a pages CSV in the import format, as a user with DuckDB would write it:
// the built-in title normalisation as regexp_replace calls, the window filter, then one GROUP BY.
// bench/run-bench.sh runs it (node + @duckdb/node-api from bench/.scratch) side by side with
// `alerts` and pandas.
//   node pareto-duckdb.mjs PAGES.csv FROM TO TIMEZONE BH_START BH_END
//   FROM, TO: the window as ISO-8601 UTC instants ("2026-07-03T00:00:00Z");
//   TIMEZONE: IANA zone of the business hours; BH_START, BH_END: "HH:MM".
// Prints one JSON document shaped like `alerts --json` (totals and every group).
import { DuckDBInstance } from '@duckdb/node-api';

const [csv, from, to, tz, bhStart, bhEnd] = process.argv.slice(2);
const minutes = (hhmm) => { const [h, m] = hhmm.split(':').map(Number); return h * 60 + m; };
const quote = (s) => `'${String(s).replaceAll("'", "''")}'`;

// RE2 has no look-ahead, so docs/slos-and-alerts.md's hex rule \b(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,}\b is spelled
// out by where the first digit of the run is: k letters a-f, a digit, then at least 7 - k more.
const H = '[0-9a-fA-F]', L = '[a-fA-F]';
const hexAlternatives = [];
for (let k = 0; k < 7; k++) hexAlternatives.push(`${k ? `${L}{${k}}` : ''}[0-9]${H}{${7 - k},}`);
hexAlternatives.push(`${L}{7,}[0-9]${H}*`);
const hexRun = `\\b(?:${hexAlternatives.join('|')})\\b`;
// docs/slos-and-alerts.md white space (ASCII): space, tab, LF, VT, FF, CR.
const space = '[ \\t\\n\\x0B\\f\\r]';

const sql = `
WITH raw AS (
  SELECT coalesce(service, '') AS service, title, created_at::TIMESTAMPTZ AS c,
         acknowledged_at::TIMESTAMPTZ AS a, resolved_at::TIMESTAMPTZ AS r,
         lower(coalesce(auto_resolved, '')) IN ('true', 'yes', '1') AS ar
  FROM read_csv(${quote(csv)}, header = true, all_varchar = true)
), p AS (
  SELECT service, c, a, r, ar,
    trim(regexp_replace(
      regexp_replace(regexp_replace(regexp_replace(regexp_replace(title,
        '${H}{8}-${H}{4}-${H}{4}-${H}{4}-${H}{12}', '<uuid>', 'g'),
        '\\b[0-9]{1,3}(\\.[0-9]{1,3}){3}\\b', '<ip>', 'g'),
        '${hexRun}', '<hex>', 'g'),
        '[0-9]+(\\.[0-9]+)?', '<n>', 'g'),
      '${space}+', ' ', 'g'), ' ') AS title
  FROM raw
  WHERE c >= ${quote(from)}::TIMESTAMPTZ AND c < ${quote(to)}::TIMESTAMPTZ
), g AS (
  SELECT service || '|' || title AS key, any_value(service) AS service, any_value(title) AS title,
    count(*) AS n,
    avg(CASE WHEN isodow(timezone(${quote(tz)}, c)) <= 5
              AND hour(timezone(${quote(tz)}, c)) * 60 + minute(timezone(${quote(tz)}, c))
                  BETWEEN ${minutes(bhStart)} AND ${minutes(bhEnd) - 1}
             THEN 0.0 ELSE 1.0 END) AS off_hours_ratio,
    avg(CASE WHEN ar OR (r IS NOT NULL AND a IS NULL) THEN 1.0 ELSE 0.0 END) AS noise_ratio,
    quantile_cont(CASE WHEN a IS NOT NULL THEN (epoch_us(a) - epoch_us(c)) / 60e6 END, 0.5) AS ack_p50_minutes
  FROM p GROUP BY ALL
)
SELECT key, service, title, n, n / sum(n) OVER () AS share,
  sum(n) OVER (ORDER BY n DESC, key ASC ROWS UNBOUNDED PRECEDING) / sum(n) OVER () AS cumulative_share,
  off_hours_ratio, noise_ratio, ack_p50_minutes
FROM g ORDER BY n DESC, key ASC`;

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const rows = (await con.runAndReadAll(sql)).getRowObjects();
const groups = rows.map((r) => ({
  key: r.key, service: r.service, title: r.title, count: Number(r.n), share: r.share,
  cumulative_share: r.cumulative_share, off_hours_ratio: r.off_hours_ratio,
  noise_ratio: r.noise_ratio, ack_p50_minutes: r.ack_p50_minutes,
}));
const total = groups.reduce((s, g) => s + g.count, 0);
const k = groups.findIndex((g) => g.cumulative_share >= 0.8);
console.log(JSON.stringify({
  window: { from, to }, total_pages: total, groups,
  groups_total: groups.length, groups_for_80_percent: total ? k + 1 : null,
}));
