// Code pools drawn from the CHS-DRG rules and the 医保版 dictionaries: common complications (CC/MCC)
// and comorbidities for secondary diagnoses, diagnoses no MDC takes (ungroupable cases), examinations
// and minor operations, and the outpatient conditions.
import { readFileSync } from "node:fs";
import { CodeLists, walkToAdrg, type Probe, type RawCondition, type Rules } from "./rules.ts";
import { createRng } from "./prng.ts";

export type AdrgClass = "surgical" | "procedure" | "medical";

/** CHS-DRG ADRG letters: A–H operating-room surgery, I–Q non-OR procedures, R–Z medical. */
export function adrgClass(adrg: string): AdrgClass {
  const letter = adrg[1];
  if (letter <= "H") return "surgical";
  if (letter <= "Q") return "procedure";
  return "medical";
}

/** A code (not a label such as MDC Z's region names). */
export const isCode = (code: string) => /^[A-Z][0-9]/.test(code) || /^[0-9]{2}\./.test(code);
/** A code without a dagger/asterisk pair. */
export const isPlain = (code: string) => isCode(code) && !code.includes("+") && !code.includes("*");

/** Common major complications (MCC table): respiratory failure, sepsis, shock, AKI, heart failure … */
const mccPrefixes = ["J96", "A41", "R57", "N17", "I50", "I63", "K72", "R65", "J81", "J44.0", "J44.1", "N18.4", "N18.5", "E11.0", "E87.4", "K76.5", "F03"];
/** Common complications (CC table): pneumonia, atrial fibrillation, anaemia, CKD, electrolytes … */
const ccPrefixes = ["J18", "I48", "D64", "N18.2", "N18.3", "N18.9", "E87", "I25", "E11.2", "E11.4", "E11.5", "K76.1", "E03", "M81", "Z95", "I69", "D69", "K92", "J90", "N39", "B18", "I67", "J44.8", "I46", "E78.9"];
/** Common comorbidities that carry no severity: hypertension, hyperlipidaemia, BPH, cataract … */
const plainPrefixes = ["I10", "E78.0", "E78.1", "E78.2", "E78.5", "N40", "H25", "M47", "K80.2", "Z86", "E04", "J30", "M17", "I83", "K21", "R73", "E11.9", "K29", "M19", "Z92"];

export interface SecondaryPools {
  mcc: { code: string; table: string }[];
  cc: { code: string; table: string }[];
  plain: string[];
}

/** Codes that could move a case to another ADRG if added as a secondary diagnosis (any_dx_in, trauma regions). */
function sensitiveDiagnoses(rules: Rules): Set<string> {
  const out = new Set<string>();
  const visit = (c: RawCondition) => {
    if (c.type === "any_dx_in") for (const code of c.codes ?? []) out.add(code);
    if (c.type === "min_distinct_regions") for (const r of c.regions ?? []) for (const code of r.codes) out.add(code);
    if (c.of) (Array.isArray(c.of) ? c.of : [c.of]).forEach(visit);
  };
  for (const m of rules.mdcs) {
    visit(m.condition);
    for (const a of m.adrgs) visit(a.condition);
  }
  return out;
}

export function buildSecondaryPools(rules: Rules, dictionary: string[]): SecondaryPools {
  const sensitive = sensitiveDiagnoses(rules);
  const known = new Set(dictionary);
  const ok = (code: string) => isPlain(code) && known.has(code) && !sensitive.has(code);
  const from = (table: Record<string, string>, prefixes: string[]) =>
    Object.keys(table)
      .filter((code) => ok(code) && prefixes.some((p) => code.startsWith(p)))
      .sort()
      .map((code) => ({ code, table: table[code] }));
  const plain = dictionary.filter((code) => ok(code) && !(code in rules.cc) && !(code in rules.mcc) && plainPrefixes.some((p) => code.startsWith(p)));
  return { mcc: from(rules.mcc, mccPrefixes), cc: from(rules.cc, ccPrefixes), plain };
}

// ---------------------------------------------------------------------------------------------------
// Dictionaries, ungroupable codes, outpatient pools

/** The codes (first column) of a dictionary CSV. */
export function readDictionary(path: string): string[] {
  const text = readFileSync(path, "utf8");
  const codes: string[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    const comma = line.indexOf(",");
    const code = (comma < 0 ? line : line.slice(0, comma)).trim().replace(/^"|"$/g, "");
    if (code) codes.push(code);
  }
  return codes;
}

/**
 * Dictionary diagnoses that no MDC takes as principal: a case coded with one is ungroupable (0000)
 * whatever its procedures, age or sex (not in any MDC's entry list, and the walk finds nothing).
 */
export function ungroupableDiagnoses(rules: Rules, dictionary: string[], seed: number, count = 400): string[] {
  const lists = new CodeLists(rules);
  const rng = createRng(seed, 103);
  const out: string[] = [];
  const entry = new Set<string>();
  const visit = (c: RawCondition) => {
    if (c.type === "principal_dx_in") for (const code of lists.codes(c)) entry.add(code);
    if (c.of) (Array.isArray(c.of) ? c.of : [c.of]).forEach(visit);
  };
  for (const m of rules.mdcs) visit(m.condition);
  const candidates = dictionary.filter((code) => isPlain(code) && !entry.has(code));
  for (let i = 0; i < 20 * count && out.length < count; i++) {
    const code = rng.pick(candidates);
    if (out.includes(code)) continue;
    const probes: Probe[] = ["1", "2"].map((sex) => ({ dx: [code], proc: [], sex: sex as "1" | "2", age_years: 40, age_days: 14600, birth_weight_g: 0 }));
    if (probes.every((p) => walkToAdrg(p, rules, lists) === null)) out.push(code);
  }
  return out.sort();
}

/** Procedure codes named in any condition (so that an examination code added to a case changes nothing). */
function listedProcedures(rules: Rules): Set<string> {
  const out = new Set<string>(rules.sets.valid_procedures ?? []);
  const visit = (c: RawCondition) => {
    if ((c.type === "principal_proc_in" || c.type === "any_proc_in") && c.codes) for (const code of c.codes) out.add(code);
    if (c.of) (Array.isArray(c.of) ? c.of : [c.of]).forEach(visit);
  };
  for (const m of rules.mdcs) {
    visit(m.condition);
    for (const a of m.adrgs) visit(a.condition);
  }
  return out;
}

/** Common examinations: imaging (87.x, 88.x), ECG and other tests (89.x), weight = how common. */
const examCodes: [string, number][] = [
  ["87.4400", 10], // chest X-ray
  ["88.7600", 8], // abdominal ultrasound
  ["89.5200", 10], // ECG
  ["87.0300", 5], // CT head
  ["87.4100", 5], // CT thorax
  ["88.0100", 3], // CT abdomen
  ["88.7200", 5], // echocardiography
  ["88.7100", 3], // ultrasound head/neck
  ["88.7300", 2], // ultrasound thorax
  ["88.7500", 2], // ultrasound urinary
  ["88.7700", 2], // ultrasound peripheral vessels
  ["88.7800", 2], // ultrasound uterus
  ["88.9100", 3], // MRI brain
  ["88.9300", 2], // MRI spine
  ["87.2200", 2], // X-ray cervical spine
  ["87.2400", 2], // X-ray lumbar spine
  ["88.2100", 2], // X-ray shoulder / upper arm
  ["88.2700", 2], // X-ray thigh / knee
  ["89.5000", 2], // Holter
  ["89.6100", 1],
  ["88.9800", 1], // bone densitometry
];

/** Minor operations done in outpatient clinics (from the valid-procedure list), by prefix. */
const outpatientOperationPrefixes = ["86.0", "86.2", "86.3", "86.4", "86.5", "21.0", "21.3", "98.", "23.0", "24.", "13.1", "13.4", "08.2", "18.", "45.42", "49.4", "67.3", "69.0", "70.2", "97."];

export interface OutpatientPools {
  /** Diagnoses, each repeated by weight: draw a uniform slot. */
  diagnoses: string[];
  /** Health-check diagnoses (Z00–Z13). */
  checkups: string[];
  /** Rare diagnoses (the long tail): random dictionary codes. */
  rare: string[];
  /** Examinations, repeated by weight (not operations; 87–89). */
  exams: string[];
  /** Minor operations from the valid-procedure list. */
  operations: string[];
}

/** Common outpatient conditions: prefix and weight (J00–J06, I10, E11, K29, M54, Z00 …). */
const outpatientDiagnoses: [string, number][] = [
  ["J06.900", 14], ["J00.x00", 8], ["J02.900", 5], ["J03.900", 3], ["J20.900", 6], ["J40.x00", 3], ["J01.900", 1], ["J30.400", 2],
  ["I10.x00", 16], ["E11.900", 10], ["E78.500", 4], ["I25.100", 4], ["I63.900", 2], ["I48.x00", 1],
  ["K29.700", 5], ["K29.500", 2], ["K21.900", 2], ["K30.x00", 2], ["K59.000", 1], ["K02.900", 2], ["K05.100", 1],
  ["M54.500", 4], ["M54.200", 2], ["M17.900", 2], ["M47.800", 2], ["M79.100", 1], ["M81.900", 1],
  ["N39.000", 2], ["N40.x00", 2], ["N76.000", 1], ["N95.100", 1],
  ["L30.900", 2], ["L20.900", 1], ["L70.000", 1], ["B35.300", 1],
  ["H10.900", 2], ["H52.100", 2], ["H25.900", 1], ["H60.900", 1],
  ["R51.x00", 1], ["R10.400", 2], ["R05.x00", 2], ["R42.x00", 1],
  ["F41.900", 1], ["F32.900", 1], ["G47.000", 1], ["G43.900", 1],
  ["E04.900", 1], ["E03.900", 1], ["D64.900", 1], ["J45.900", 1], ["J44.900", 2], ["N18.900", 1], ["O80.900", 0], ["Z34.900", 2],
];

export function buildOutpatientPools(rules: Rules, diagnoses: string[], procedures: string[], seed: number): OutpatientPools {
  const known = new Set(diagnoses);
  const pickKnown = (prefix: string) => (known.has(prefix) ? prefix : diagnoses.find((c) => c.startsWith(prefix.slice(0, 5)) && isPlain(c)));
  const weighted: string[] = [];
  for (const [code, weight] of outpatientDiagnoses) {
    const found = pickKnown(code);
    if (found) for (let i = 0; i < weight; i++) weighted.push(found);
  }
  const checkups = diagnoses.filter((c) => isPlain(c) && /^Z0[0-3]\.[0-9]00$/.test(c)).slice(0, 12);
  const rng = createRng(seed, 104);
  const plain = diagnoses.filter((c) => isPlain(c) && /^[A-NQR]/.test(c));
  const rare = Array.from({ length: 2000 }, () => rng.pick(plain)).sort();
  const procedureSet = new Set(procedures);
  const exams: string[] = [];
  for (const [code, weight] of examCodes) if (procedureSet.has(code)) for (let i = 0; i < weight; i++) exams.push(code);
  const valid = rules.sets.valid_procedures ?? [];
  const operations = valid.filter((c) => isPlain(c) && outpatientOperationPrefixes.some((p) => c.startsWith(p))).sort();
  return { diagnoses: weighted, checkups, rare, exams, operations };
}

/** Examinations to list on inpatient cases: only codes that no condition reads, so grouping is unchanged. */
export function inpatientExams(rules: Rules, pools: OutpatientPools): string[] {
  const listed = listedProcedures(rules);
  return pools.exams.filter((c) => !listed.has(c));
}
