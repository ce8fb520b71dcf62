// Which ADRGs each hospital treats, how often, year by year.
//
// An ADRG's base frequency falls with its weight (cheap groups are common), is raised for the groups
// that fill Chinese wards (respiratory infection, cerebral ischaemia, coronary disease, deliveries,
// chemotherapy, back pain …) and jittered per ADRG by seed. Tertiary hospitals get more high-weight
// and surgical groups, primary ones mostly low-weight medical groups. After the reform every level
// shifts away from low-weight admissions and tertiary hospitals most (the Shanghai hospital: fund for
// RW < 0.2 −57 %, RW 2.5–3 +73 % between H1 2019 and H1 2021), while primary hospitals take the
// low-weight cases the others let go.
import { adrgClass } from "./codes.ts";
import type { Hospital, Level } from "./hospitals.ts";
import { reformProgress, years, type Year } from "./profile.ts";
import { createRng, hashString } from "./prng.ts";

/** The groups that fill wards, by ADRG, × base frequency. */
const commonAdrgs: Record<string, number> = {
  ES3: 10, BR2: 9, ET2: 5, IU2: 5, OR1: 5, OB1: 5, FR4: 5, FR3: 4, KS1: 4, FV2: 4, RE1: 4, RU1: 3, FM1: 3, FR2: 3,
  GW1: 3, GK2: 3, GK3: 3, HC2: 3, CB3: 3, GU2: 2, HU1: 2, IC2: 2, IS2: 2, IS1: 2, LU1: 2, LX1: 2, PU1: 2, DT1: 2,
  BY1: 2, GD2: 2, GE1: 2, FU2: 2, EX1: 2, XR2: 2, GV1: 2, IU1: 2, ER1: 2, GR1: 2, OZ1: 2, EX2: 2, NE1: 1.5,
  NF1: 1.5, JV2: 1.5, BV1: 1.5, BX2: 1.5, GZ1: 1.5, HS2: 1.5, HZ2: 1.5, IZ2: 1.5, BU2: 1.5, LR1: 1.5, MB1: 1.5,
  TR1: 1.5, IF3: 1.5, IF4: 1.5, RW2: 1.5, ES2: 1, EW1: 1, JS2: 1, LL1: 1, MS1: 1, TS1: 1,
};

/** MDCs that are rare in a prefecture's claims. */
const mdcFactor: Record<string, number> = { A: 0.04, P: 0.5, Y: 0.03, Z: 0.08, W: 0.15, U: 0.3, V: 0.6, T: 0.5, X: 0.7, S: 0.7, Q: 0.6 };
const classFactor = { surgical: 0.7, procedure: 0.8, medical: 1.0 };

export interface AdrgFrequency {
  adrg: string;
  rw: number;
  base: number;
}

export function baseFrequencies(adrgs: { adrg: string; rw: number }[], seed: number): AdrgFrequency[] {
  const rng = createRng(seed, 105);
  return adrgs.map(({ adrg, rw }) => {
    const jitter = Math.exp(0.7 * rng.normal());
    const base = (commonAdrgs[adrg] ?? 1) * jitter * rw ** -0.8 * (mdcFactor[adrg[0]] ?? 1) * classFactor[adrgClass(adrg)];
    return { adrg, rw, base };
  });
}

/**
 * How a hospital level and a year tilt an ADRG's frequency. Tilts act on ln(rw) bounded to ±1.6
 * (rw 0.2–5): Harbin's weights run up to 36, and an unbounded power would make transplants common.
 */
export function levelTilt(level: Level, rw: number, adrg: string, year: Year): number {
  const p = reformProgress[year];
  const kind = adrgClass(adrg);
  const lr = Math.max(-1.6, Math.min(1.6, Math.log(rw)));
  let f: number;
  if (level === 3) f = Math.exp(0.45 * lr) * (kind === "surgical" ? 1.4 : kind === "procedure" ? 1.3 : 1);
  else if (level === 2) f = 1;
  else {
    f = Math.exp(-1.0 * lr) * (kind === "medical" ? 1 : kind === "procedure" ? 0.15 : rw < 1.5 ? 0.2 : 0.01);
    if (adrg[0] === "A" || (adrg[0] === "P" && adrg !== "PU1" && adrg !== "PV1") || adrg[0] === "R") f *= 0.1;
  }
  // The reform: a few fewer low-weight admissions everywhere, most at tertiary hospitals; primary ones
  // take some. Kept small: a real hospital's CMI moves a few percent a year, not 50 % in four years.
  f *= Math.exp(0.05 * p * lr) * (rw < 0.5 ? 1 - 0.08 * p : 1);
  if (level === 3) f *= Math.exp(0.06 * p * lr) * (rw < 0.5 ? 1 - 0.12 * p : 1);
  if (level === 1) f *= Math.exp(-0.08 * p * lr);
  return f;
}

export interface MixRow {
  hid: number;
  year: Year;
  /** Cumulative lower bound in [0, 1). */
  lo: number;
  adrg: string;
}

/** Cumulative ADRG distribution per hospital and year (ASOF-joined on a uniform draw). */
export function mixDistribution(hospitals: Hospital[], frequencies: AdrgFrequency[], seed: number): MixRow[] {
  const rows: MixRow[] = [];
  hospitals.forEach((h, hid) => {
    // A hospital's own leaning: some groups it does more of than its peers (stable across years).
    const rng = createRng(seed, hashString(h.hospital_id));
    const own = frequencies.map(() => Math.exp(0.4 * rng.normal()));
    for (const year of years) {
      const w = frequencies.map((f, i) => f.base * own[i] * levelTilt(h.level, f.rw, f.adrg, year) * (h.specialty[f.adrg[0]] ?? 1));
      const total = w.reduce((a, b) => a + b, 0);
      let cumulative = 0;
      w.forEach((x, i) => {
        if (x <= 0) return;
        rows.push({ hid, year, lo: cumulative / total, adrg: frequencies[i].adrg });
        cumulative += x;
      });
    }
  });
  return rows;
}

/** Inpatient volume share by level (tertiary hospitals give up some cases after the reform). */
function levelShare(level: Level, year: Year): number {
  const p = reformProgress[year];
  return level === 3 ? 0.46 * (1 - 0.08 * p) : level === 2 ? 0.4 : 0.14 * (1 + 0.26 * p);
}

export interface HospitalRow {
  hid: number;
  year: Year;
  lo: number;
}

/** Cumulative hospital distribution per year for inpatient cases or outpatient visits. */
export function hospitalDistribution(hospitals: Hospital[], kind: "inpatient" | "outpatient"): HospitalRow[] {
  const rows: HospitalRow[] = [];
  for (const year of years) {
    const weights = hospitals.map((h) => {
      if (kind === "outpatient") {
        const share = h.level === 3 ? 0.38 : h.level === 2 ? 0.34 : 0.28;
        const levelSize = hospitals.filter((x) => x.level === h.level).reduce((s, x) => s + x.outpatientSize, 0);
        return (share * h.outpatientSize) / levelSize;
      }
      const levelSize = hospitals.filter((x) => x.level === h.level).reduce((s, x) => s + x.size, 0);
      return (levelShare(h.level, year) * h.size) / levelSize;
    });
    const total = weights.reduce((a, b) => a + b, 0);
    let cumulative = 0;
    weights.forEach((w, hid) => {
      rows.push({ hid, year, lo: cumulative / total });
      cumulative += w;
    });
  }
  return rows;
}
