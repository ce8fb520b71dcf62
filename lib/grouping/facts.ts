// What the conditions read from one case: the diagnosis and procedure lists and the text of each
// scalar field, derived fields included (README "Record fields": dx_count, proc_count; record_fields:
// principal_dx). Browser-safe.
import { fieldText, type GrouperRecord } from "./record.ts";

export interface CaseFacts {
  readonly dx: readonly string[];
  readonly proc: readonly string[];
  /** Text of each scalar field after the prechecks' rewrites. */
  readonly fields: Record<string, string>;
}

/** Facts of a record; `fieldNames` are the scheme's scalar fields. */
export function caseFacts(record: GrouperRecord, fieldNames: readonly string[]): CaseFacts {
  const dx = (record.dx ?? []).map(String);
  const proc = (record.proc ?? []).map(String);
  const fields: Record<string, string> = {};
  for (const name of fieldNames) {
    fields[name] = fieldText(record[name]);
  }
  // Derived fields win over anything a caller put in the record under their names.
  fields.dx_count = String(dx.length);
  fields.proc_count = String(proc.length);
  fields.principal_dx = dx[0] ?? "";
  return { dx, proc, fields };
}
