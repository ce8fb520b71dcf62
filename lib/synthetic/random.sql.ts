// Deterministic pseudo-random numbers inside DuckDB SQL, keyed by (seed, row id, stream).
//
// Every draw is a pure function of its key, so a value never depends on thread count, scan order or
// the other rows: two runs with one seed give the same values, and one row can be re-drawn alone.
// Why one packed integer and not `hash(seed, id, k)`: DuckDB combines the hashes of several arguments
// so weakly that neighbouring streams come out correlated (corr ≈ 0.998 between k = 3 and k = 4,
// measured on 5M rows), which breaks Box–Muller. The hash of one BIGINT (a murmur-style finaliser)
// has no such pattern: key = seed · 2^40 + id · 2^12 + k, so ids stay below 2^28 and streams below 4096
// (a normal draw on stream k also uses k + 2048, so streams themselves stay below 2048).

/** Stream numbers (< 2048): one per independent draw. Renumbering changes every sample. */
export const Stream = {
  // inpatient: placement and codes
  hospital: 1,
  adrg: 2,
  template: 3,
  sex: 4,
  age: 5,
  ageChild: 6,
  ageDays: 7,
  birthWeight: 8,
  insurance: 9,
  patientPool: 10,
  patientSlot: 11,
  severity: 12,
  mccPick: 13, // + 0..1 (two candidates)
  ccPick: 15, // + 0..1
  ccWithMcc: 17,
  plainCount: 19,
  plainPick: 20,
  examCount: 27,
  examPick: 28, // + 0..1
  ungroupable: 31,
  ungroupablePick: 32,
  // inpatient: outcome and money
  costZ: 40,
  losZ: 42,
  tail: 44,
  tailSize: 45,
  longStay: 46,
  longStayDays: 47,
  status: 48,
  death: 49,
  drugShare: 50,
  consumableShare: 51,
  examShare: 52,
  outOfCatalogShare: 53,
  fundShare: 54,
  dayOrder: 55,
  // anomalies
  split: 60,
  splitGap: 61,
  splitLos: 62,
  upcode: 63,
  upcodeKind: 64,
  upcodePick: 65, // + 0..1
  // outpatient
  opPatient: 80,
  opSigned: 81,
  opSignedHospital: 82,
  opAtSigned: 83,
  opHospital: 84,
  opKind: 85,
  opDx: 86,
  opTail: 87,
  opProcedure: 88,
  opExam: 89,
  opExamCount: 90,
  opCostZ: 91,
  opDrugShare: 93,
  opExamShare: 94,
  opConsumableShare: 95,
  opFundShare: 96,
  opHasExam: 97,
  // outpatient (outpatient.ts): chronic monthly visitors, procedures of medical visits
  opChronic: 120,
  opChronicOrder: 121,
  opChronicDx: 122,
  opChronicHospital: 123,
  opMinorProcedure: 124,
  opMinorPick: 125,
  opThinTail: 126,
  opThinTailPick: 127,
  // monitoring background and the audit anomalies (issue 11): 300+
  readmit: 300,
  readmitGap: 301,
  lowStandard: 302,
  lowStandardLos: 303,
  lowStandardCost: 304,
  costShift: 305,
  preVisit: 306,
  preVisitDays: 307,
  preVisitCost: 308,
  preVisitExam: 309,
  preVisitProcedure: 317,
  shiftVisits: 311,
  shiftDays: 312, // + 0..1
  shiftCost: 314, // + 0..1
  preFundShare: 316,
} as const;

/** SQL creating the macros `u(id, k)` (uniform in (0,1)), `z(id, k)` (standard normal, uses k and k+2048)
 * and `pick(id, k, n)` (an integer in 0..n-1) for one seed. */
export function randomMacros(seed: number): string {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 22) throw new Error(`seed must be an integer in 0..4194303, got ${seed}`);
  const offset = BigInt(seed) << 40n;
  return `
CREATE OR REPLACE MACRO u(id, k) AS
  ((hash(${offset}::BIGINT + id::BIGINT * 4096 + k::BIGINT) >> 11)::DOUBLE + 0.5) / 9007199254740992.0;
CREATE OR REPLACE MACRO z(id, k) AS
  sqrt(-2.0 * ln(u(id, k))) * cos(2.0 * pi() * u(id, k + 2048));
CREATE OR REPLACE MACRO pick(id, k, n) AS
  least(floor(u(id, k) * n)::BIGINT, n::BIGINT - 1);
`;
}
