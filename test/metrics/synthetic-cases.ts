// A seeded synthetic `cases` table built in SQL (hash-keyed uniforms, so the same seed gives the same
// rows whatever the threads), for the oracle, invariant and determinism tests and the benchmark. It
// needs neither the grouper nor the claims generator: 150 common and 30 rare groups (a few cases a year), 40 hospitals, 2017–2021 with every
// month, lognormal costs, 1% ungroupable, 0.5% QY, ~0.5% excluded, and every 50th case a readmission
// of the one before (same patient, hospital and group, admitted 5 days after its discharge).
import type { Session } from "../../lib/db/session.ts";

export interface SyntheticOptions {
  rows: number;
  seed?: number;
  /** Policy rows: "budgets" (alternating surplus and overspend, share ratio 0.95) or "none". */
  policy?: "budgets" | "none";
}

export async function createSyntheticCases(session: Session, { rows, seed = 1, policy = "budgets" }: SyntheticOptions): Promise<void> {
  const u = (k: number, of = "k") => `((hash(${of}, ${seed}, ${k}) % 1000000007)::DOUBLE / 1000000007)`;
  await session.run(`CREATE OR REPLACE TABLE hospitals AS
    SELECT 'H' || lpad(i::VARCHAR, 3, '0') AS hospital_id, 'Hospital ' || i AS name, (1 + i % 3)::VARCHAR AS level,
           'D' || (i % 6) AS district, [1.0, 0.95, 0.9, 0.85][1 + i % 4]::DOUBLE AS coefficient
    FROM range(40) AS t(i)`);
  await session.run(`CREATE OR REPLACE TABLE weights (drg_code VARCHAR, rw DOUBLE, name VARCHAR, avg_cost DECIMAL(18,2))`);
  await session.run(`CREATE OR REPLACE TEMP TABLE synthetic_groups AS
    SELECT g, chr((65 + g % 20)::INTEGER) || chr((65 + (g // 20) % 20)::INTEGER) || (1 + g % 9)::VARCHAR || (g % 7)::VARCHAR AS drg_code,
           exp(6.5 + 3.0 * ${u(1, "g")}) AS base_cost, 0.08 * pow(${u(2, "g")}, 3) AS mortality
    FROM range(180) AS t(g)`);
  await session.run(`CREATE OR REPLACE TABLE cases AS
    WITH idx AS (
        -- k: the case whose patient, hospital, group and dates this one follows (a readmission every 50th)
        SELECT i, CASE WHEN i % 50 = 1 THEN i - 1 ELSE i END AS k FROM range(${rows}) AS t(i)
    ),
    drawn AS (
        SELECT i, k,
               CASE WHEN ${u(18)} < 0.003 THEN 150 + floor(${u(19)} * 30) ELSE floor(pow(${u(3)}, 1.6) * 150) END::INTEGER AS g,
               floor(${u(4)} * 40)::INTEGER AS h,
               'P' || lpad((floor(${u(5)} * ${Math.max(1, Math.floor(rows / 3))}))::VARCHAR, 7, '0') AS patient_id,
               DATE '2017-01-01' + floor(${u(6)} * 1826)::INTEGER AS first_discharge,
               CASE WHEN ${u(7)} < 0.004 THEN 61 + floor(${u(8)} * 30) ELSE 1 + floor(-ln(1 - ${u(9)}) * 6) END::INTEGER AS first_los,
               1 + floor(-ln(1 - ${u(10, "i")}) * 6)::INTEGER AS second_los,
               sqrt(-2 * ln(1 - ${u(11, "i")})) * cos(2 * pi() * ${u(12, "i")}) AS z,
               ${u(13, "i")} AS u_status, ${u(14, "i")} AS u_fund, ${u(15, "i")} AS u_drug, ${u(16, "i")} AS u_group, ${u(17, "i")} AS u_tiny
        FROM idx
    ),
    dated AS (
        SELECT *,
               CASE WHEN i = k THEN first_discharge ELSE first_discharge + 5 + second_los END AS discharge_date,
               CASE WHEN i = k THEN first_discharge - first_los ELSE first_discharge + 5 END AS admit_date
        FROM drawn
    ),
    priced AS (
        SELECT d.*, sg.drg_code AS drg, sg.mortality, hs.hospital_id, hs.level, hs.district, hs.coefficient,
               CASE WHEN d.u_tiny < 0.001 THEN 3.5
                    ELSE round(sg.base_cost * exp(0.45 * d.z) * (1 + 0.1 * (d.h % 4)), 2) END::DECIMAL(18,2) AS total_cost
        FROM dated AS d
        JOIN synthetic_groups AS sg ON sg.g = d.g
        JOIN (SELECT row_number() OVER (ORDER BY hospital_id) - 1 AS h, * FROM hospitals) AS hs ON hs.h = d.h
    ),
    grouped_as AS (
        SELECT *,
               CASE WHEN i <> k THEN drg WHEN u_group < 0.01 THEN '0000' WHEN u_group < 0.015 THEN left(drg, 1) || 'QY' ELSE drg END AS drg_code
        FROM priced
    )
    SELECT 'C' || lpad(i::VARCHAR, 8, '0') AS claim_id, patient_id, hospital_id, level::INTEGER AS level, district, coefficient,
           ['内科', '外科', '妇产科', '儿科'][1 + (i % 4)] AS department, NULL::VARCHAR AS insurance_type, NULL::VARCHAR AS sex, 50 AS age,
           admit_date, discharge_date, year(discharge_date) AS year, strftime(discharge_date, '%Y-%m') AS month,
           greatest(date_diff('day', admit_date, discharge_date), 1) AS los,
           CASE WHEN u_status < mortality THEN 5 ELSE 1 END AS discharge_status,
           total_cost, round(total_cost * (0.55 + 0.2 * u_fund), 2)::DECIMAL(18,2) AS fund_paid,
           (total_cost - round(total_cost * (0.55 + 0.2 * u_fund), 2))::DECIMAL(18,2) AS self_pay,
           round(total_cost * 0.4 * u_drug, 2)::DECIMAL(18,2) AS drug_cost,
           NULL::DECIMAL(18,2) AS consumable_cost, NULL::DECIMAL(18,2) AS exam_cost, NULL::DECIMAL(18,2) AS out_of_catalog_cost,
           drg_code AS upstream_drg_code, drg_code AS own_drg_code,
           CASE WHEN drg_code = '0000' THEN '0000' ELSE 'MDC' || left(drg_code, 1) END AS own_mdc,
           CASE WHEN drg_code = '0000' THEN 'FAIL' WHEN drg_code LIKE '_QY' THEN 'QY' ELSE 'SUCCESS' END AS own_status,
           drg_code,
           CASE WHEN drg_code = '0000' THEN 'FAIL' WHEN drg_code LIKE '_QY' THEN 'QY' ELSE 'SUCCESS' END AS group_status,
           CASE WHEN drg_code = '0000' THEN '0000' ELSE 'MDC' || left(drg_code, 1) END AS mdc,
           left(drg_code, 3) AS adrg,
           (greatest(date_diff('day', admit_date, discharge_date), 1) > getvariable('max_los') OR total_cost < getvariable('min_cost')) AS excluded,
           drg_code NOT IN ('0000') AND drg_code NOT LIKE '_QY' AS grouped
    FROM grouped_as
    ORDER BY claim_id`);
  await session.run(`CREATE OR REPLACE TABLE policy (year INTEGER, inpatient_budget DECIMAL(18,2), outpatient_budget DECIMAL(18,2),
    share_ratio DOUBLE, high_multiplier DOUBLE, low_multiplier DOUBLE)`);
  if (policy === "budgets") {
    await session.run(`INSERT INTO policy
      SELECT year, round(sum(fund_paid) * CASE WHEN year % 2 = 0 THEN 1.03 ELSE 0.98 END, 0), NULL, 0.95, NULL, NULL
      FROM cases GROUP BY year ORDER BY year`);
  }
  await session.run("DROP TABLE synthetic_groups");
}
