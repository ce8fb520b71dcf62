// Seeded random outpatient visits for checking the bulk APG grouping against the single-visit function
// (test/apg/agreement.test.ts) and for the benchmark: procedures from the scheme's operation and
// intervention codes and from outside them, several per visit in any order, with stray spaces and empty
// entries; diagnoses across the ICD-10 chapters, Z00–Z13 and beyond, odd and lower-case codes; exam
// costs on and around 80 % of the cost; costs under 1 yuan. Browser-safe.
import { seededRandom } from "../grouping/random-claims.ts";

export interface RandomVisit {
  claim_id: string;
  patient_id: string;
  hospital_id: string;
  visit_date: string;
  principal_dx: string;
  procedures: string | null;
  total_cost: number;
  fund_paid: number;
  exam_cost: number | null;
}

const diagnoses = [
  "J06.900", "J20.900", "I10.x00", "E11.900", "K29.700", "M54.500", "Z00.000", "Z01.400", "Z13.900", "Z14.000",
  "Z51.100", "A09.900", "C50.900", "D50.900", "F32.900", "G43.900", "H10.900", "H65.900", "N39.000", "O80.000",
  "P07.300", "Q21.000", "R51.x00", "S61.000", "T14.000", "V89.200", "U07.100", "K94.000", "z00.000", " j06.9", "1AB", "Z", "",
];
const diagnosticCodes = ["87.4400", "89.5200", "88.7600", "99.2100", "45.1300x004", "93.3502", "00.0100", "17.1100", "99.9999", "X1.00", "5"];

/** `operationCodes`/`interventionCodes`: some of the scheme's classed codes (procedureClassMap). */
export function randomVisits(n: number, seed: number, operationCodes: readonly string[], interventionCodes: readonly string[]): RandomVisit[] {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const code = () => {
    const u = r();
    const c = u < 0.25 ? pick(operationCodes) : u < 0.45 ? pick(interventionCodes) : pick(diagnosticCodes);
    return r() < 0.05 ? ` ${c}\t` : c;
  };
  // a fifth of diagnoses from any ICD-10 category (rare keys fold to their chapter), 3 % from categories
  // in no chapter (they fold to the class)
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const two = () => String(Math.floor(r() * 100)).padStart(2, "0");
  const dx = () => {
    const u = r();
    if (u < 0.2) return `${pick([...letters])}${two()}.${Math.floor(r() * 10)}00`;
    if (u < 0.23) return `9${two()}.000`;
    return pick(diagnoses);
  };
  const out: RandomVisit[] = [];
  for (let i = 0; i < n; i++) {
    const k = r() < 0.5 ? 0 : 1 + Math.floor(r() * 4);
    const codes = Array.from({ length: k }, code);
    if (k > 0 && r() < 0.05) codes.splice(Math.floor(r() * k), 0, "");
    const total = r() < 0.02 ? Math.round(r() * 150) / 100 : Math.round(Math.exp(3 + r() * 5) * 100) / 100;
    const e = r();
    const exam = e < 0.3 ? null : e < 0.4 ? Math.round(total * 80) / 100 : e < 0.45 ? Math.round(total * 80 - 1) / 100 : Math.round(total * r() * 100) / 100;
    out.push({
      claim_id: `R${String(i).padStart(7, "0")}`,
      patient_id: `P${Math.floor(r() * n / 3)}`,
      hospital_id: `H${1 + Math.floor(r() * 5)}`,
      visit_date: `${2019 + Math.floor(r() * 3)}-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-15`,
      principal_dx: dx(),
      procedures: k === 0 ? null : codes.join(";"),
      total_cost: total,
      fund_paid: Math.round(total * 60) / 100,
      exam_cost: exam === null ? null : Math.max(0, exam),
    });
  }
  return out;
}
