// Writing small contract files for tests: rows as objects, CSV as the contract describes it.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type Cells = Record<string, string | number | null | undefined>;

export function csvText(rows: Cells[], columns = Object.keys(rows[0] ?? {})): string {
  const cell = (v: Cells[string]) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}

/** A fresh folder holding the given tables as CSV files. */
export function contractFolder(tables: Record<string, Cells[] | string>): string {
  const dir = mkdtempSync(join(tmpdir(), "drg-test-"));
  mkdirSync(dir, { recursive: true });
  for (const [name, rows] of Object.entries(tables)) {
    writeFileSync(join(dir, name.includes(".") ? name : `${name}.csv`), typeof rows === "string" ? rows : csvText(rows));
  }
  return dir;
}

export const threeHospitals: Cells[] = [
  { hospital_id: "H1", name: "第一人民医院", level: 3, district: "城区", coefficient: 1.1 },
  { hospital_id: "H2", name: "第二人民医院", level: 2, district: "城区", coefficient: 1 },
  { hospital_id: "H3", name: "东乡卫生院", level: 1, district: "东乡", coefficient: "" },
];

/** A sound inpatient claim; tests override what they need. */
export function inpatientClaim(over: Cells): Cells {
  return {
    claim_id: "C0", patient_id: "P0", hospital_id: "H1", department: "内科", insurance_type: "employee", sex: "M", age: 60,
    admit_date: "2019-03-01", discharge_date: "2019-03-08", discharge_status: 1, principal_dx: "J18.900", secondary_dx: "",
    procedures: "", total_cost: "8000.00", fund_paid: "6000.00", self_pay: "2000.00", ...over,
  };
}
