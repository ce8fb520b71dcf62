"""The same metrics as bench/scale.ts's DuckDB side, as a bureau's researcher would write them in polars
or pandas: from the contract Parquet (claims with drg_code) and a weights CSV, CMI and cost per weight per
hospital-year and the RW-interval table per year. Prints {"seconds": …, "cmi_sum": …} (the sum checks that
both sides computed the same CMI). Benchmark only: never part of the product or its tests."""
import argparse
import json
import time

parser = argparse.ArgumentParser()
parser.add_argument("--engine", choices=["polars", "pandas"], required=True)
parser.add_argument("--claims", required=True)
parser.add_argument("--weights", required=True)
parser.add_argument("--edges", required=True)
args = parser.parse_args()
edges = [float(e) for e in args.edges.split(",")]
columns = ["hospital_id", "discharge_date", "total_cost", "fund_paid", "drg_code"]


def with_polars():
    import polars as pl

    claims = pl.read_parquet(args.claims, columns=columns)
    weights = pl.read_csv(args.weights, schema_overrides={"drg_code": pl.Utf8})
    cases = claims.join(weights, on="drg_code", how="inner").with_columns(
        pl.col("discharge_date").dt.year().alias("year"),
        pl.col("total_cost").cast(pl.Float64),
        pl.col("fund_paid").cast(pl.Float64),
    )
    by_hospital = (
        cases.group_by(["hospital_id", "year"])
        .agg(pl.len().alias("cases"), pl.col("rw").sum().alias("total_weight"), pl.col("total_cost").sum().alias("cost"))
        .with_columns((pl.col("total_weight") / pl.col("cases")).alias("cmi"), (pl.col("cost") / pl.col("total_weight")).alias("cost_per_weight"))
    )
    interval = sum((pl.col("rw") >= e).cast(pl.Int32) for e in edges)
    intervals = cases.with_columns(interval.alias("interval")).group_by(["year", "interval"]).agg(
        pl.len().alias("cases"), pl.col("total_cost").sum(), pl.col("fund_paid").sum()
    )
    return float(by_hospital["cmi"].sum()), len(intervals)


def with_pandas():
    import numpy as np
    import pandas as pd

    claims = pd.read_parquet(args.claims, columns=columns)
    weights = pd.read_csv(args.weights, dtype={"drg_code": str})
    cases = claims.merge(weights, on="drg_code", how="inner")
    cases["year"] = pd.to_datetime(cases["discharge_date"]).dt.year
    cases["total_cost"] = cases["total_cost"].astype(float)
    cases["fund_paid"] = cases["fund_paid"].astype(float)
    by_hospital = cases.groupby(["hospital_id", "year"]).agg(cases=("rw", "size"), total_weight=("rw", "sum"), cost=("total_cost", "sum"))
    by_hospital["cmi"] = by_hospital["total_weight"] / by_hospital["cases"]
    by_hospital["cost_per_weight"] = by_hospital["cost"] / by_hospital["total_weight"]
    cases["interval"] = np.searchsorted(np.array(edges), cases["rw"].to_numpy(), side="right")
    intervals = cases.groupby(["year", "interval"]).agg(cases=("rw", "size"), total_cost=("total_cost", "sum"), fund_paid=("fund_paid", "sum"))
    return float(by_hospital["cmi"].sum()), len(intervals)


run = with_polars if args.engine == "polars" else with_pandas
best = float("inf")
for _ in range(3):
    started = time.perf_counter()
    cmi_sum, _ = run()
    best = min(best, time.perf_counter() - started)
print(json.dumps({"seconds": best, "cmi_sum": cmi_sum}))
