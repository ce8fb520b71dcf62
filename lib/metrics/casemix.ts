// Case mix and efficiency (metrics.md §3) per unit and period, each formula written once below and
// instantiated for every grain: hospital × year, hospital × month, department × year, region × year and
// region × month. Each grain becomes a table `casemix_<grain>`; the datasets select from them.
//
// Two case sets: `cases`, `total_cost`, `fund_paid`, the grouping counts and the cost structure cover
// every case of the period (excluded cases count in fund totals, §1); the §3 figures (grouped_cases,
// total_weight, cmi, cost_per_weight, alos, the consumption indexes, drg_count, low-risk mortality)
// cover the case-mix set: grouped, not excluded, with an RW (`in_casemix` of case_metrics).
import type { Session } from "../db/session.ts";
import { runSqlFile } from "./sql.ts";

export interface CaseMixGrain {
  name: string;
  /** Columns naming the unit (none: the whole region). */
  unit: string[];
  /** Columns naming the period; the consumption indexes compare with the region in the same period. */
  period: string[];
}

export const caseMixGrains: CaseMixGrain[] = [
  { name: "hospital_year", unit: ["hospital_id"], period: ["year"] },
  { name: "hospital_month", unit: ["hospital_id"], period: ["year", "month"] },
  { name: "department_year", unit: ["hospital_id", "department"], period: ["year"] },
  { name: "region_year", unit: [], period: ["year"] },
  { name: "region_month", unit: [], period: ["year", "month"] },
];

export async function buildCaseMix(session: Session): Promise<void> {
  await runSqlFile(session, new URL("./case_metrics.sql", import.meta.url));
  for (const grain of caseMixGrains) await session.run(caseMixSql(grain));
}

/** A NULL-safe equi-join on the given keys (departments may be missing). */
const sameKeys = (keys: string[], a: string, b: string) =>
  keys.map((k) => `${a}.${k} IS NOT DISTINCT FROM ${b}.${k}`).join(" AND ") || "true";

export function caseMixSql({ name, unit, period }: CaseMixGrain): string {
  const keys = [...unit, ...period];
  const list = keys.join(", ");
  const share = (column: string) =>
    `sum(${column})::DOUBLE / nullif(sum(total_cost) FILTER (WHERE ${column} IS NOT NULL), 0) AS ${column.replace("_cost", "")}_share`;
  return `CREATE OR REPLACE TABLE casemix_${name} AS
WITH unit_groups AS (
    -- n_g, cost and LOS per unit, period and group, over the case-mix set
    SELECT ${list}, drg_code, count(*) AS n, sum(total_cost) AS cost, sum(los) AS los
    FROM case_metrics
    WHERE in_casemix
    GROUP BY ALL
),
region_groups AS (
    -- the region's mean cost and mean LOS per group in the same period
    SELECT ${period.join(", ")}, drg_code,
           sum(cost)::DOUBLE / sum(n) AS region_mean_cost,
           sum(los)::DOUBLE / sum(n) AS region_mean_los
    FROM unit_groups
    GROUP BY ALL
),
consumption AS (
    -- cost (time) consumption index = Σ_g n_g · (unit mean in g / region mean in g) / Σ_g n_g;
    -- summed in group order so that the bits do not depend on the threads
    SELECT ${keys.map((k) => `u.${k}`).join(", ")},
           sum(u.n * ((u.cost::DOUBLE / u.n) / r.region_mean_cost) ORDER BY u.drg_code) / sum(u.n) AS cost_index,
           sum(u.n * ((u.los::DOUBLE / u.n) / r.region_mean_los) ORDER BY u.drg_code) / sum(u.n) AS time_index
    FROM unit_groups AS u
    JOIN region_groups AS r ON ${sameKeys(period, "u", "r")} AND r.drg_code = u.drg_code
    GROUP BY ALL
),
totals AS (
    SELECT ${list},
           count(*) AS cases,
           sum(total_cost) AS total_cost,
           sum(fund_paid) AS fund_paid,
           count(*) FILTER (WHERE excluded) AS excluded_cases,
           count(*) FILTER (WHERE grouped AND NOT excluded) AS grouped_all,
           count(*) FILTER (WHERE group_status = 'QY' AND NOT excluded) AS qy_cases,
           count(*) FILTER (WHERE NOT grouped AND group_status <> 'QY' AND NOT excluded) AS ungroupable_cases,
           count(*) FILTER (WHERE grouped AND NOT excluded AND rw IS NULL) AS unweighted_cases,
           count(*) FILTER (WHERE in_casemix) AS grouped_cases,
           coalesce(sum(rw_decimal) FILTER (WHERE in_casemix), 0) AS total_weight,
           sum(total_cost) FILTER (WHERE in_casemix) AS casemix_cost,
           sum(los) FILTER (WHERE in_casemix) AS casemix_los,
           count(DISTINCT drg_code) FILTER (WHERE in_casemix) AS drg_count,
           count(*) FILTER (WHERE in_casemix AND low_risk) AS low_risk_cases,
           count(*) FILTER (WHERE in_casemix AND low_risk AND died) AS low_risk_deaths,
           ${share("drug_cost")},
           ${share("consumable_cost")},
           ${share("exam_cost")},
           ${share("out_of_catalog_cost")},
           sum(self_pay)::DOUBLE / nullif(sum(total_cost), 0) AS personal_burden
    FROM case_metrics
    GROUP BY ALL
)
SELECT ${keys.map((k) => `t.${k}`).join(", ")},
       t.cases, t.total_cost, t.fund_paid, t.excluded_cases, t.qy_cases, t.ungroupable_cases, t.unweighted_cases,
       -- grouping rate = grouped cases / (all cases - excluded cases) (§1)
       t.grouped_all / nullif(t.cases - t.excluded_cases, 0) AS grouping_rate,
       t.grouped_cases,
       t.total_weight,
       -- CMI = total weight / cases; cost per weight = Σ total_cost / total weight (§3)
       t.total_weight::DOUBLE / nullif(t.grouped_cases, 0) AS cmi,
       t.casemix_cost::DOUBLE / nullif(t.total_weight::DOUBLE, 0) AS cost_per_weight,
       t.casemix_cost,
       t.casemix_los / nullif(t.grouped_cases, 0) AS alos,
       c.cost_index, c.time_index, t.drg_count,
       t.low_risk_cases, t.low_risk_deaths,
       t.low_risk_deaths / nullif(t.low_risk_cases, 0) AS low_risk_mortality,
       t.drug_share, t.consumable_share, t.exam_share, t.out_of_catalog_share, t.personal_burden
FROM totals AS t
LEFT JOIN consumption AS c ON ${sameKeys(keys, "t", "c")}
ORDER BY ${keys.map((k) => `t.${k}`).join(", ")}`;
}
