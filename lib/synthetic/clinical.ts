// Who is treated for what, where: departments by MDC and level, ages and sexes by MDC.
import { adrgClass } from "./codes.ts";

/** Specialist departments (secondary and tertiary hospitals): [surgical, medical] by MDC. */
const specialist: Record<string, [string, string]> = {
  A: ["重症医学科", "重症医学科"],
  B: ["神经外科", "神经内科"],
  C: ["眼科", "眼科"],
  D: ["耳鼻喉科", "耳鼻喉科"],
  E: ["胸外科", "呼吸内科"],
  F: ["心胸外科", "心内科"],
  G: ["普外科", "消化内科"],
  H: ["肝胆外科", "消化内科"],
  I: ["骨科", "骨科"],
  J: ["乳腺外科", "皮肤科"],
  K: ["普外科", "内分泌科"],
  L: ["泌尿外科", "肾内科"],
  M: ["泌尿外科", "泌尿外科"],
  N: ["妇产科", "妇产科"],
  O: ["妇产科", "妇产科"],
  P: ["新生儿科", "新生儿科"],
  Q: ["普外科", "血液科"],
  R: ["肿瘤科", "肿瘤科"],
  S: ["感染科", "感染科"],
  T: ["精神科", "精神科"],
  U: ["精神科", "精神科"],
  V: ["急诊科", "急诊科"],
  W: ["烧伤科", "烧伤科"],
  X: ["康复科", "康复科"],
  Y: ["感染科", "感染科"],
  Z: ["创伤外科", "创伤外科"],
};

/** The discharging department: specialist wards in secondary and tertiary hospitals, general ones in primary. */
export function department(adrg: string, level: 1 | 2 | 3): string {
  const mdc = adrg[0];
  const kind = adrgClass(adrg);
  if (level === 1) {
    if (mdc === "O" || mdc === "N") return "妇产科";
    if (mdc === "P") return "儿科";
    return kind === "surgical" ? "外科" : "内科";
  }
  const [surgical, medical] = specialist[mdc] ?? ["外科", "内科"];
  // Non-OR procedures (PCI, endoscopy, chemotherapy) are done by the medical wards.
  return kind === "surgical" ? surgical : medical;
}

export interface Demography {
  /** Mean and SD of age for adults. */
  ageMean: number;
  ageSd: number;
  /** Youngest adult age drawn. */
  ageMin: number;
  ageMax: number;
  /** Share of children (1–14). */
  childShare: number;
  /** Share of males where the codes allow either sex. */
  maleShare: number;
}

export function demography(adrg: string, name: string): Demography {
  const mdc = adrg[0];
  const base: Demography = { ageMean: 60, ageSd: 16, ageMin: 15, ageMax: 99, childShare: 0.03, maleShare: 0.53 };
  switch (mdc) {
    case "O":
      return { ...base, ageMean: 29, ageSd: 5, ageMin: 17, ageMax: 48, childShare: 0, maleShare: 0 };
    case "N":
      return { ...base, ageMean: 46, ageSd: 13, ageMin: 16, ageMax: 90, childShare: 0, maleShare: 0 };
    case "M":
      return { ...base, ageMean: 62, ageSd: 15, childShare: 0.02, maleShare: 1 };
    case "E":
      return { ...base, ageMean: 63, ageSd: 17, childShare: 0.18, maleShare: 0.57 };
    case "D":
      return { ...base, ageMean: 45, ageSd: 18, childShare: 0.12 };
    case "G":
      return { ...base, ageMean: 55, ageSd: 17, childShare: 0.06, maleShare: 0.55 };
    case "F":
      return { ...base, ageMean: 66, ageSd: 12, childShare: 0.01, maleShare: 0.56 };
    case "B":
      return { ...base, ageMean: 65, ageSd: 14, childShare: 0.03, maleShare: 0.55 };
    case "T":
    case "U":
      return { ...base, ageMean: 42, ageSd: 15, childShare: 0.02, maleShare: mdc === "U" ? 0.85 : 0.5 };
    case "V":
    case "W":
    case "Z":
      return { ...base, ageMean: 45, ageSd: 18, childShare: 0.08, maleShare: 0.65 };
    case "R":
      return { ...base, ageMean: 60, ageSd: 12, childShare: 0.02 };
    case "J":
      return { ...base, ageMean: 52, ageSd: 15, maleShare: name.includes("乳") ? 0.01 : 0.5 };
    default:
      return base;
  }
}
