// Test tables for lib/apg: claims_outpatient, hospitals, policy, insured, apg_weights and
// procedure_classes with the types of lib/input/ingest.ts, created directly in SQL.
import { openSession, sqlString, type Session } from "../../lib/db/session.ts";
import { defaultParameters, setParameterVariables, type Parameters } from "../../lib/params.ts";
import { buildApg } from "../../lib/apg/index.ts";

export interface Visit {
  id: string;
  patient: string;
  hospital: string;
  date: string;
  dx: string;
  procedures?: string | null;
  cost: number;
  fund: number;
  exam?: number | null;
  signed?: string | null;
  apg?: string | null;
}

export interface ApgFixture {
  visits: Visit[];
  hospitals: { id: string; level: 1 | 2 | 3 }[];
  procedureClasses: [string, "operation" | "intervention" | "diagnostic"][];
  policy?: { year: number; budget?: number | null; shareRatio?: number | null }[];
  insured?: { year: number; patient: string; type: string; signed?: string | null }[];
  weights?: { apg: string; weight: number; avgCost?: number | null }[];
}

const lit = (v: string | number | null | undefined) =>
  v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : sqlString(v);

export async function createApgTables(session: Session, f: ApgFixture): Promise<void> {
  await session.run(`CREATE OR REPLACE TABLE hospitals (hospital_id VARCHAR, name VARCHAR, level VARCHAR, district VARCHAR, coefficient DOUBLE)`);
  for (const h of f.hospitals) await session.run(`INSERT INTO hospitals VALUES (${lit(h.id)}, ${lit(`Hospital ${h.id}`)}, '${h.level}', 'D1', NULL)`);
  await session.run(`CREATE OR REPLACE TABLE procedure_classes (code VARCHAR, class VARCHAR)`);
  for (const [code, c] of f.procedureClasses) await session.run(`INSERT INTO procedure_classes VALUES (${lit(code)}, ${lit(c)})`);
  await session.run(`CREATE OR REPLACE TABLE policy (year INTEGER, inpatient_budget DECIMAL(18,2), outpatient_budget DECIMAL(18,2),
    share_ratio DOUBLE, high_multiplier DOUBLE, low_multiplier DOUBLE)`);
  for (const p of f.policy ?? []) await session.run(`INSERT INTO policy VALUES (${p.year}, NULL, ${lit(p.budget)}, ${lit(p.shareRatio)}, NULL, NULL)`);
  await session.run(`CREATE OR REPLACE TABLE insured (year INTEGER, patient_id VARCHAR, insurance_type VARCHAR, signed_hospital_id VARCHAR)`);
  for (const i of f.insured ?? []) await session.run(`INSERT INTO insured VALUES (${i.year}, ${lit(i.patient)}, ${lit(i.type)}, ${lit(i.signed)})`);
  await session.run(`CREATE OR REPLACE TABLE apg_weights (apg_code VARCHAR, weight DOUBLE, avg_cost DECIMAL(18,2))`);
  for (const w of f.weights ?? []) await session.run(`INSERT INTO apg_weights VALUES (${lit(w.apg)}, ${w.weight}, ${lit(w.avgCost)})`);
  await session.run(`CREATE OR REPLACE TABLE claims_outpatient (claim_id VARCHAR, patient_id VARCHAR, hospital_id VARCHAR, visit_date DATE,
    principal_dx VARCHAR, procedures VARCHAR, total_cost DECIMAL(18,2), fund_paid DECIMAL(18,2), drug_cost DECIMAL(18,2),
    exam_cost DECIMAL(18,2), consumable_cost DECIMAL(18,2), signed_hospital_id VARCHAR, apg_code VARCHAR)`);
  const rows = f.visits.map(
    (v) =>
      `(${lit(v.id)}, ${lit(v.patient)}, ${lit(v.hospital)}, DATE ${lit(v.date)}, ${lit(v.dx)}, ${lit(v.procedures)}, ${v.cost}, ${v.fund}, NULL, ${lit(v.exam)}, NULL, ${lit(v.signed)}, ${lit(v.apg)})`,
  );
  await session.run(`INSERT INTO claims_outpatient VALUES ${rows.join(",\n")}`);
}

/** A session with the fixture's tables, the parameters set and the APG tables built. */
export async function preparedApg(f: ApgFixture, overrides: Partial<Parameters> = {}): Promise<Session> {
  const session = await openSession();
  await setParameterVariables(session, { ...defaultParameters, ...overrides });
  await createApgTables(session, f);
  await buildApg(session);
  return session;
}
