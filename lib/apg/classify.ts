// APG-like grouping of one outpatient visit (metrics.md §8), with the path it took: the single-visit
// twin of the bulk SQL in grouping.ts (test/apg checks they agree). Browser-safe: no node imports.
//
//   class    procedure  where the visit's treatment type (§7) is operation or intervention;
//            ancillary  where principal_dx is in Z00–Z13, or exam_cost ≥ 80 % of total_cost;
//            medical    otherwise
//   key      procedure: the ICD-9-CM-3 category (2 digits) of the first listed procedure of the highest
//            class; medical / ancillary: the ICD-10 category (3 characters) of the principal diagnosis
//   group    the first of  key group (P86, MJ06, AZ01) → fold group (P-CH15, M-CH10) → class group (P, M, A)
//            that the weight table holds (derived tables hold key groups with ≥ apg_min_visits base
//            visits, fold groups with base visits, class groups with base visits)
import type { ProcedureClass, TreatmentType } from "../grouping/procedure-classes.ts";
import { icd10Chapter, icd9cm3Chapter } from "./chapters.ts";

export type { ProcedureClass, TreatmentType };
export type ApgClass = "procedure" | "medical" | "ancillary";
export type ApgLevel = "key" | "chapter" | "class" | "unweighted";

export const classLetter: Record<ApgClass, string> = { procedure: "P", medical: "M", ancillary: "A" };
export const procedureClassRank: Record<TreatmentType, number> = { operation: 3, intervention: 2, diagnostic: 1, conservative: 0 };

export interface OutpatientVisit {
  principal_dx: string;
  /** ICD-9-CM-3 codes, principal first: a list or the input's `;`-joined cell. */
  procedures?: string[] | string | null;
  total_cost: number;
  exam_cost?: number | null;
}

export interface ApgResult {
  treatment: TreatmentType;
  class: ApgClass;
  /** The procedure that decided the key (procedure class only). */
  keyProcedure: string | null;
  key: string | null;
  chapter: string | null;
  keyGroup: string | null;
  foldGroup: string | null;
  classGroup: string;
  /** The group the visit is paid in; null where the weight table holds none of the three. */
  apg_code: string | null;
  level: ApgLevel;
  trace: string[];
}

/** Procedure codes of a cell: trimmed (spaces, tabs, CR, LF), empty entries dropped (as the grouper does). */
export function procedureCodes(procedures: OutpatientVisit["procedures"]): string[] {
  const list = procedures == null ? [] : Array.isArray(procedures) ? procedures : procedures.split(";");
  return list.map((c) => c.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "")).filter((c) => c !== "");
}

/** Z00–Z13: health checks, screening and examinations without complaint. */
export function isAncillaryDiagnosis(category: string): boolean {
  return category >= "Z00" && category <= "Z13" && /^Z[0-9]{2}$/.test(category);
}

export function diagnosisCategory(dx: string): string {
  return dx.replace(/^[ \t\r\n]+/, "").slice(0, 3).toUpperCase();
}

export function groupVisit(
  visit: OutpatientVisit,
  classify: (code: string) => ProcedureClass,
  hasGroup: (code: string) => boolean,
): ApgResult {
  const trace: string[] = [];
  const codes = procedureCodes(visit.procedures);
  let treatment: TreatmentType = "conservative";
  let keyProcedure: string | null = null;
  for (const code of codes) {
    const c = classify(code);
    trace.push(`procedure ${code}: ${c}`);
    if (procedureClassRank[c] > procedureClassRank[treatment]) {
      treatment = c;
      keyProcedure = code;
    }
  }
  trace.push(`treatment type: ${treatment}`);
  const dxCategory = diagnosisCategory(visit.principal_dx);
  const examShare = visit.exam_cost == null ? null : visit.exam_cost / visit.total_cost;
  let apgClass: ApgClass;
  if (treatment === "operation" || treatment === "intervention") {
    apgClass = "procedure";
    trace.push(`class procedure: an ${treatment} (${keyProcedure})`);
  } else if (isAncillaryDiagnosis(dxCategory)) {
    apgClass = "ancillary";
    trace.push(`class ancillary: principal diagnosis ${dxCategory} is in Z00–Z13`);
  } else if (visit.exam_cost != null && examHeavy(visit.exam_cost, visit.total_cost)) {
    apgClass = "ancillary";
    trace.push(`class ancillary: examinations ${pct(examShare)} of the cost (≥ 80 %)`);
  } else {
    apgClass = "medical";
    trace.push(`class medical`);
  }
  const letter = classLetter[apgClass];
  const key = apgClass === "procedure" ? procedureCategory(keyProcedure!) : dxCategory === "" ? null : dxCategory;
  const chapter = key === null ? null : apgClass === "procedure" ? icd9cm3Chapter(key) : icd10Chapter(key);
  trace.push(apgClass === "procedure" ? `key: ICD-9-CM-3 category ${key ?? "(none)"} of ${keyProcedure}` : `key: ICD-10 category ${key} of ${visit.principal_dx}`);
  const keyGroup = key === null ? null : letter + key;
  const foldGroup = chapter === null ? null : `${letter}-CH${chapter}`;
  const classGroup = letter;
  let apg_code: string | null = null;
  let level: ApgLevel = "unweighted";
  if (keyGroup !== null && hasGroup(keyGroup)) {
    apg_code = keyGroup;
    level = "key";
    trace.push(`group ${keyGroup}: the key's own group`);
  } else {
    if (keyGroup !== null) trace.push(`${keyGroup} is not a group (too few base-period visits): fold to its chapter`);
    if (foldGroup !== null && hasGroup(foldGroup)) {
      apg_code = foldGroup;
      level = "chapter";
      trace.push(`group ${foldGroup}: ${apgClass} visits of chapter ${chapter}`);
    } else {
      trace.push(foldGroup === null ? `the key is in no chapter: fold to the class` : `${foldGroup} has no base-period visit: fold to the class`);
      if (hasGroup(classGroup)) {
        apg_code = classGroup;
        level = "class";
        trace.push(`group ${classGroup}: every ${apgClass} visit`);
      } else trace.push(`no group: the visit is paid on its cost`);
    }
  }
  return { treatment, class: apgClass, keyProcedure, key, chapter, keyGroup, foldGroup, classGroup, apg_code, level, trace };
}

/** exam_cost ≥ 80 % of total_cost, in whole cents (exact, as the SQL's DECIMAL comparison). */
export function examHeavy(examCost: number, totalCost: number): boolean {
  return Math.round(examCost * 100) * 10 >= Math.round(totalCost * 100) * 8;
}

/** The first two digits of an ICD-9-CM-3 code (`86.0401` → `86`), or null. */
export function procedureCategory(code: string): string | null {
  return /^[0-9]{2}/.test(code) ? code.slice(0, 2) : null;
}

function pct(x: number | null): string {
  return x === null ? "" : `${(x * 100).toFixed(1)} %`;
}
