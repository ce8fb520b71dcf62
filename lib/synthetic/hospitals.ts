// The region's designated hospitals: ~30 institutions in five districts, by level, with the traits the
// generator needs beyond the `hospitals` input table (size, specialty, cost efficiency).
import { createRng } from "./prng.ts";
import { background } from "./profile.ts";

export type Level = 1 | 2 | 3;

export interface Hospital {
  hospital_id: string;
  name: string;
  level: Level;
  district: string;
  /** Point-method coefficient (hospitals.coefficient). */
  coefficient: number;
  /** Relative inpatient volume within its level. */
  size: number;
  /** Relative outpatient volume. */
  outpatientSize: number;
  /** Cost per weight relative to its level (geometric mean 1 within a level). */
  efficiency: number;
  /** Length of stay relative to the region in the same group (the hospital's habit, geometric mean 1). */
  losHabit: number;
  /** Background same-ADRG readmission rate relative to the region's (mean 1). */
  readmitHabit: number;
  /** Share of stays preceded by an outpatient visit, relative to the region's (mean 1). */
  preVisitHabit: number;
  /** MDC letters the hospital treats more (× factor) or hardly at all. */
  specialty: Record<string, number>;
}

export const districts = ["东城区", "西城区", "南湖区", "北山县", "清河县"] as const;

interface Template {
  name: string;
  level: Level;
  district: number;
  size?: number;
  specialty?: Record<string, number>;
}

const womenAndChildren = { O: 7, N: 4, P: 6, E: 1.2, A: 0.1, B: 0.2, F: 0.15, I: 0.15, L: 0.2, M: 0, R: 0.3, T: 0, U: 0, X: 0.2 };
const tumour = { R: 6, J: 2.5, G: 1.3, E: 1.3, H: 1.3, K: 1.5, N: 1.6, O: 0, P: 0, T: 0, U: 0, W: 0, Z: 0.1 };
const psychiatric = { T: 40, U: 30, X: 3 };

const templates: Template[] = [
  // tertiary
  { name: "市第一人民医院", level: 3, district: 0, size: 1.5 },
  { name: "市中心医院", level: 3, district: 1, size: 1.4 },
  { name: "医学院附属医院", level: 3, district: 2, size: 1.2 },
  { name: "市中医院", level: 3, district: 1, size: 0.8, specialty: { I: 1.6, X: 2.5, B: 1.3 } },
  { name: "市肿瘤医院", level: 3, district: 0, size: 0.6, specialty: tumour },
  { name: "市妇幼保健院", level: 3, district: 2, size: 0.6, specialty: womenAndChildren },
  // secondary
  { name: "市第二人民医院", level: 2, district: 0, size: 1.3 },
  { name: "市第三人民医院", level: 2, district: 1, size: 1.2 },
  { name: "市第四人民医院", level: 2, district: 2 },
  { name: "东城区人民医院", level: 2, district: 0 },
  { name: "西城区人民医院", level: 2, district: 1 },
  { name: "南湖区人民医院", level: 2, district: 2 },
  { name: "北山县人民医院", level: 2, district: 3, size: 1.3 },
  { name: "清河县人民医院", level: 2, district: 4, size: 1.3 },
  { name: "北山县中医院", level: 2, district: 3, specialty: { I: 1.6, X: 2.5 } },
  { name: "清河县中医院", level: 2, district: 4, specialty: { I: 1.6, X: 2.5 } },
  { name: "市精神卫生中心", level: 2, district: 2, size: 0.35, specialty: psychiatric },
  { name: "铁路医院", level: 2, district: 1, size: 0.7 },
  // primary
  { name: "东城区社区卫生服务中心", level: 1, district: 0 },
  { name: "西城区社区卫生服务中心", level: 1, district: 1 },
  { name: "南湖街道社区卫生服务中心", level: 1, district: 2 },
  { name: "湖滨街道社区卫生服务中心", level: 1, district: 2 },
  { name: "北山镇卫生院", level: 1, district: 3 },
  { name: "龙泉镇卫生院", level: 1, district: 3 },
  { name: "石桥镇卫生院", level: 1, district: 3 },
  { name: "清河镇卫生院", level: 1, district: 4 },
  { name: "柳湾镇卫生院", level: 1, district: 4 },
  { name: "白沙镇卫生院", level: 1, district: 4 },
  { name: "新村乡卫生院", level: 1, district: 4 },
  { name: "东风乡卫生院", level: 1, district: 3 },
];

const coefficientByLevel: Record<Level, number> = { 1: 0.9, 2: 1.0, 3: 1.1 };

/** The region's hospitals; the same seed gives the same sizes and efficiencies. */
export function buildHospitals(seed: number): Hospital[] {
  const rng = createRng(seed, 101);
  const hospitals = templates.map((t, i): Hospital => {
    const jitter = Math.exp(0.25 * rng.normal());
    return {
      hospital_id: `H${String(i + 1).padStart(4, "0")}`,
      name: t.name,
      level: t.level,
      district: districts[t.district],
      coefficient: coefficientByLevel[t.level],
      size: (t.size ?? 1) * jitter,
      outpatientSize: (t.size ?? 1) * Math.exp(0.3 * rng.normal()),
      efficiency: Math.exp(0.06 * rng.normal()),
      losHabit: 1,
      readmitHabit: 1,
      preVisitHabit: 1,
      specialty: t.specialty ?? {},
    };
  });
  // Habits from their own stream, so that adding them changed no other draw.
  const habits = createRng(seed, 103);
  for (const h of hospitals) {
    h.losHabit = Math.exp(background.losHabitSd * habits.normal());
    h.readmitHabit = Math.exp(background.readmitHabitSd * habits.normal() - background.readmitHabitSd ** 2 / 2);
    h.preVisitHabit = Math.exp(background.preVisitHabitSd * habits.normal() - background.preVisitHabitSd ** 2 / 2);
  }
  const meanLogLos = hospitals.reduce((s, h) => s + Math.log(h.losHabit), 0) / hospitals.length;
  for (const h of hospitals) h.losHabit = Math.exp(Math.log(h.losHabit) - meanLogLos);
  // Efficiency: geometric mean 1 within each level, so a level's cost per weight is its level factor.
  for (const level of [1, 2, 3] as Level[]) {
    const members = hospitals.filter((h) => h.level === level);
    const meanLog = members.reduce((s, h) => s + Math.log(h.efficiency), 0) / members.length;
    for (const h of members) h.efficiency = Math.exp(Math.log(h.efficiency) - meanLog);
  }
  return hospitals;
}

export interface AnomalyHospitals {
  split: Hospital;
  upcoding: Hospital;
  lowStandard: Hospital;
  costShift: Hospital;
}

/** The hospitals chosen for the planted anomalies: four different general secondary hospitals, by seed. */
export function anomalyHospitals(hospitals: Hospital[], seed: number): AnomalyHospitals {
  const general = hospitals.filter((h) => h.level === 2 && Object.keys(h.specialty).length === 0);
  const rng = createRng(seed, 102);
  const left = [...general];
  const take = () => left.splice(rng.int(left.length), 1)[0];
  return { split: take(), upcoding: take(), lowStandard: take(), costShift: take() };
}
