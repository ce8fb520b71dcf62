// Test tables for the metric modules: `cases` (the columns lib/cases.ts builds), `hospitals`, `weights`
// and `policy` with the types of lib/input/ingest.ts, created directly in SQL, and the parameters as
// DuckDB variables. The metric modules depend on these four tables only.
import { openSession, sqlString, type Session } from "../../lib/db/session.ts";
import { defaultParameters, setParameterVariables, type Parameters } from "../../lib/params.ts";
import { buildMetrics } from "../../lib/metrics/index.ts";

export interface FixtureCase {
  id: string;
  patient: string;
  hospital: string;
  department?: string | null;
  drg: string;
  admit: string;
  discharge: string;
  cost: number;
  fund: number;
  status?: number;
  drug?: number | null;
}

export interface FixtureHospital {
  id: string;
  level: 1 | 2 | 3;
  coefficient: number | null;
  district?: string;
}

export interface FixtureWeight {
  drg: string;
  rw: number;
  avgCost?: number | null;
  name?: string | null;
}

export interface FixturePolicy {
  year: number;
  budget?: number | null;
  shareRatio?: number | null;
  high?: number | null;
  low?: number | null;
}

export interface Fixture {
  cases: FixtureCase[];
  hospitals: FixtureHospital[];
  weights?: FixtureWeight[];
  policy?: FixturePolicy[];
}

const lit = (v: string | number | null | undefined) =>
  v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : sqlString(v);

export async function createFixtureTables(session: Session, fixture: Fixture): Promise<void> {
  await session.run(`CREATE OR REPLACE TABLE hospitals (hospital_id VARCHAR, name VARCHAR, level VARCHAR, district VARCHAR, coefficient DOUBLE)`);
  for (const h of fixture.hospitals) {
    await session.run(`INSERT INTO hospitals VALUES (${lit(h.id)}, ${lit(`Hospital ${h.id}`)}, ${lit(String(h.level))}, ${lit(h.district ?? "D1")}, ${lit(h.coefficient)})`);
  }
  await session.run(`CREATE OR REPLACE TABLE weights (drg_code VARCHAR, rw DOUBLE, name VARCHAR, avg_cost DECIMAL(18,2))`);
  for (const w of fixture.weights ?? []) {
    await session.run(`INSERT INTO weights VALUES (${lit(w.drg)}, ${w.rw}, ${lit(w.name)}, ${lit(w.avgCost)})`);
  }
  await session.run(`CREATE OR REPLACE TABLE policy (year INTEGER, inpatient_budget DECIMAL(18,2), outpatient_budget DECIMAL(18,2),
    share_ratio DOUBLE, high_multiplier DOUBLE, low_multiplier DOUBLE)`);
  for (const p of fixture.policy ?? []) {
    await session.run(`INSERT INTO policy VALUES (${p.year}, ${lit(p.budget)}, NULL, ${lit(p.shareRatio)}, ${lit(p.high)}, ${lit(p.low)})`);
  }
  const rows = fixture.cases.map(
    (c) =>
      `(${lit(c.id)}, ${lit(c.patient)}, ${lit(c.hospital)}, ${lit(c.department ?? null)}, ${lit(c.drg)}, DATE ${lit(c.admit)}, DATE ${lit(c.discharge)}, ` +
      `${c.cost}::DECIMAL(18,2), ${c.fund}::DECIMAL(18,2), ${c.status ?? 1}, ${lit(c.drug ?? null)}::DECIMAL(18,2))`,
  );
  await session.run(`CREATE OR REPLACE TABLE cases AS
    WITH raw(claim_id, patient_id, hospital_id, department, drg_code, admit_date, discharge_date, total_cost, fund_paid, discharge_status, drug_cost) AS (
      VALUES ${rows.join(",\n")}
    ),
    graded AS (
      SELECT r.claim_id, r.patient_id, r.hospital_id, h.level::INTEGER AS level, h.district, coalesce(h.coefficient, 1)::DOUBLE AS coefficient,
             r.department, NULL::VARCHAR AS insurance_type, NULL::VARCHAR AS sex, 50 AS age,
             r.admit_date, r.discharge_date, year(r.discharge_date) AS year, strftime(r.discharge_date, '%Y-%m') AS month,
             greatest(date_diff('day', r.admit_date, r.discharge_date), 1) AS los,
             r.discharge_status::INTEGER AS discharge_status,
             r.total_cost, r.fund_paid, r.total_cost - r.fund_paid AS self_pay,
             r.drug_cost, NULL::DECIMAL(18,2) AS consumable_cost, NULL::DECIMAL(18,2) AS exam_cost, NULL::DECIMAL(18,2) AS out_of_catalog_cost,
             r.drg_code AS upstream_drg_code, r.drg_code AS own_drg_code,
             CASE WHEN r.drg_code = '0000' THEN '0000' ELSE 'MDC' || left(r.drg_code, 1) END AS own_mdc,
             CASE WHEN r.drg_code = '0000' THEN 'FAIL' WHEN r.drg_code LIKE '_QY' THEN 'QY' ELSE 'SUCCESS' END AS own_status,
             r.drg_code,
             CASE WHEN r.drg_code = '0000' THEN 'FAIL' WHEN r.drg_code LIKE '_QY' THEN 'QY' ELSE 'SUCCESS' END AS group_status,
             CASE WHEN r.drg_code = '0000' THEN '0000' ELSE 'MDC' || left(r.drg_code, 1) END AS mdc,
             left(r.drg_code, 3) AS adrg,
             (greatest(date_diff('day', r.admit_date, r.discharge_date), 1) > getvariable('max_los') OR r.total_cost < getvariable('min_cost')) AS excluded
      FROM raw AS r JOIN hospitals AS h USING (hospital_id)
    )
    SELECT *, group_status = 'SUCCESS' AS grouped FROM graded ORDER BY claim_id`);
}

/** A session with the fixture's tables, the parameters set and the metric base tables built. */
export async function preparedFixture(fixture: Fixture, overrides: Partial<Parameters> = {}): Promise<Session> {
  const session = await openSession();
  const params = { ...defaultParameters, ...overrides };
  await setParameterVariables(session, params);
  await createFixtureTables(session, fixture);
  await buildMetrics(session, params);
  return session;
}
