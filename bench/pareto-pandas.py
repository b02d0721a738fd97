#!/usr/bin/python3
"""The alert Pareto of `sre-roadmap alerts --json` (docs/slos-and-alerts.md) with pandas, straight from a pages CSV
in the import format: the script an SRE lead would otherwise write (Debian's python3-pandas).
bench/run-bench.sh runs it side by side with `alerts` and DuckDB.

    pareto-pandas.py PAGES.csv FROM TO TIMEZONE BH_START BH_END

FROM, TO: the window as ISO-8601 UTC instants; TIMEZONE: IANA zone of the business hours;
BH_START, BH_END: "HH:MM". Prints one JSON document shaped like `alerts --json`.
"""
import json
import re
import sys

import pandas as pd

csv, window_from, window_to, tz, bh_start, bh_end = sys.argv[1:7]


def minutes(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


# docs/slos-and-alerts.md's built-in rules, in order; re.ASCII makes \d and \b ASCII, as the specification's
# regexes are read (docs/decisions.md, "Alert groups").
RULES = [
    (r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "<uuid>"),
    (r"\b\d{1,3}(\.\d{1,3}){3}\b", "<ip>"),
    (r"\b(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,}\b", "<hex>"),
    (r"\d+(\.\d+)?", "<n>"),
    (r"[ \t\n\x0b\f\r]+", " "),
]

df = pd.read_csv(csv, dtype=str, keep_default_na=False,
                 usecols=["service", "title", "created_at", "acknowledged_at", "resolved_at", "auto_resolved"])
df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
df = df[(df["created_at"] >= pd.Timestamp(window_from)) & (df["created_at"] < pd.Timestamp(window_to))].copy()
for column in ("acknowledged_at", "resolved_at"):
    df[column] = pd.to_datetime(df[column].replace("", None), utc=True)

title = df["title"]
for pattern, replacement in RULES:
    title = title.str.replace(re.compile(pattern, re.ASCII), replacement, regex=True)
df["title"] = title.str.strip(" \t\n\x0b\f\r")
df["key"] = df["service"] + "|" + df["title"]

local = df["created_at"].dt.tz_convert(tz)
minute_of_day = local.dt.hour * 60 + local.dt.minute
business = (local.dt.dayofweek < 5) & (minute_of_day >= minutes(bh_start)) & (minute_of_day < minutes(bh_end))
df["off_hours"] = (~business).astype(float)
auto = df["auto_resolved"].str.lower().isin(["true", "yes", "1"])
df["noise"] = (auto | (df["resolved_at"].notna() & df["acknowledged_at"].isna())).astype(float)
df["ack_minutes"] = (df["acknowledged_at"] - df["created_at"]).dt.total_seconds() / 60

g = df.groupby("key", sort=False).agg(
    service=("service", "first"), title=("title", "first"), n=("key", "size"),
    off_hours_ratio=("off_hours", "mean"), noise_ratio=("noise", "mean"),
    ack_p50_minutes=("ack_minutes", "median"))
g = g.reset_index().sort_values(["n", "key"], ascending=[False, True], kind="stable")
total = int(g["n"].sum())
g["share"] = g["n"] / total
g["cumulative_share"] = g["n"].cumsum() / total
groups = [
    {"key": r.key, "service": r.service, "title": r.title, "count": int(r.n), "share": r.share,
     "cumulative_share": r.cumulative_share, "off_hours_ratio": r.off_hours_ratio, "noise_ratio": r.noise_ratio,
     "ack_p50_minutes": None if pd.isna(r.ack_p50_minutes) else r.ack_p50_minutes}
    for r in g.itertuples(index=False)
]
first80 = next((i + 1 for i, x in enumerate(groups) if x["cumulative_share"] >= 0.8), None)
print(json.dumps({"window": {"from": window_from, "to": window_to}, "total_pages": total, "groups": groups,
                  "groups_total": len(groups), "groups_for_80_percent": first80}))
