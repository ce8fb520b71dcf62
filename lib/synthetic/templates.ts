// Case templates: the coding core of one kind of stay (principal diagnosis, the diagnoses and
// procedures its ADRG requires, and the sex / age / birth-weight range it was checked with). Templates
// are built per ADRG by satisfying the ADRG's own condition and its MDC's entry condition with codes
// from their lists, then kept only if the walk (rules.ts) really reaches that ADRG, so the grouper
// places a drawn case where it was drawn (severity aside, which the secondary diagnoses decide).
import { isCode, isPlain } from "./codes.ts";
import { CodeLists, walkToAdrg, type Probe, type RawAdrg, type RawCondition, type RawMdc, type Rules } from "./rules.ts";
import { createRng, hashString, type Rng } from "./prng.ts";

export interface CaseTemplate {
  adrg: string;
  mdc: string;
  principal_dx: string;
  /** Diagnoses the ADRG needs besides the principal (e.g. a second trauma region), ';'-joined or ''. */
  required_dx: string;
  /** Procedures, principal first, ';'-joined or ''. */
  procedures: string;
  /** 'M', 'F' or '*' (either). */
  sex: "M" | "F" | "*";
  /** Newborns and infants (MDC P): age 0 with age_days and birth weight in these ranges. */
  newborn: boolean;
  age_days_lo: number;
  age_days_hi: number;
  birth_weight_lo: number;
  birth_weight_hi: number;
}

interface Draft {
  principal?: string;
  extra: string[];
  proc: string[];
  sex?: "1" | "2";
  newborn: boolean;
  ageDays: [number, number];
  birthWeight: [number, number];
  failed: boolean;
}


/**
 * Draws codes from lists: only codes of the 医保版 dictionaries (a few list entries are not in them),
 * preferring plain codes (no dagger/asterisk pairs) four times in five.
 */
class Drawer {
  private plain = new WeakMap<string[], string[]>();
  private valid = new WeakMap<string[], string[]>();
  constructor(
    private rng: Rng,
    private known: (code: string) => boolean,
  ) {}
  draw(codes: string[]): string | undefined {
    let valid = this.valid.get(codes);
    if (!valid) this.valid.set(codes, (valid = codes.filter((c) => isCode(c) && this.known(c))));
    let plain = this.plain.get(codes);
    if (!plain) this.plain.set(codes, (plain = valid.filter(isPlain)));
    const from = plain.length > 0 && this.rng.next() < 0.8 ? plain : valid;
    return from.length > 0 ? this.rng.pick(from) : undefined;
  }
}

function narrow(range: [number, number], op: string, value: number): void {
  if (op === "<") range[1] = Math.min(range[1], value - 1);
  else if (op === "<=") range[1] = Math.min(range[1], value);
  else if (op === ">") range[0] = Math.max(range[0], value + 1);
  else if (op === ">=") range[0] = Math.max(range[0], value);
  else if (op === "==") (range[0] = Math.max(range[0], value)), (range[1] = Math.min(range[1], value));
}

/** Adds to a draft what makes a condition hold (a best effort; the walk checks the result). */
function satisfy(c: RawCondition, d: Draft, lists: CodeLists, drawer: Drawer, rng: Rng): void {
  const parts = () => (Array.isArray(c.of) ? c.of : [c.of!]);
  switch (c.type) {
    case "always":
    case "not":
    case "nonempty":
      return;
    case "never":
      d.failed = true;
      return;
    case "all":
      for (const part of parts()) satisfy(part, d, lists, drawer, rng);
      return;
    case "any":
      satisfy(rng.pick(parts()), d, lists, drawer, rng);
      return;
    case "principal_dx_in":
      if (!d.principal) d.principal = drawer.draw(lists.codes(c));
      return;
    case "any_dx_in": {
      const set = lists.of(c);
      if ((d.principal && set.has(d.principal)) || d.extra.some((x) => set.has(x))) return;
      const code = drawer.draw(lists.codes(c));
      if (!code) d.failed = true;
      else if (!d.principal) d.principal = code;
      else d.extra.push(code);
      return;
    }
    case "principal_proc_in":
      if (d.proc.length === 0) {
        const code = drawer.draw(lists.codes(c));
        if (code) d.proc.push(code);
        else d.failed = true;
      }
      return;
    case "any_proc_in": {
      const set = lists.of(c);
      if (d.proc.some((p) => set.has(p))) return;
      const code = drawer.draw(lists.codes(c));
      if (code) d.proc.push(code);
      else d.failed = true;
      return;
    }
    case "cmp":
      if (c.field === "age_years") d.newborn = Number(c.value) === 0 && c.op === "==" ? true : d.newborn;
      else if (c.field === "age_days") narrow(d.ageDays, c.op!, Number(c.value));
      else if (c.field === "birth_weight_g") narrow(d.birthWeight, c.op!, Number(c.value));
      return;
    case "eq":
      if (c.field === "sex") d.sex = String(c.value) as "1" | "2";
      return;
    case "min_distinct_regions": {
      const regions = c.regions ?? [];
      const covered = new Set(regions.filter((r) => [d.principal, ...d.extra].some((x) => x && r.codes.includes(x))).map((r) => r.name));
      const others = regions.filter((r) => !covered.has(r.name));
      while (covered.size < (c.min ?? 0) && others.length > 0) {
        const region = others.splice(rng.int(others.length), 1)[0];
        const code = drawer.draw(region.codes);
        if (!code) continue;
        if (!d.principal) d.principal = code;
        else d.extra.push(code);
        covered.add(region.name);
      }
      return;
    }
    default:
      d.failed = true;
  }
}

/** Principal diagnoses for MDC A cases (transplants, long ventilation): common serious conditions. */
function fallbackDiagnoses(rules: Rules, lists: CodeLists): string[] {
  return rules.mdcs.filter((m) => "BEFGIL".includes(m.mdc)).flatMap((m) => lists.codes(m.condition));
}

function probesFor(d: Draft, sex: "1" | "2"): Probe[] {
  const base = { dx: [d.principal!, ...d.extra], proc: d.proc, sex };
  if (!d.newborn) return [{ ...base, age_years: 40, age_days: 40 * 365, birth_weight_g: 0 }];
  const [dLo, dHi] = d.ageDays;
  const [wLo, wHi] = d.birthWeight;
  const probes: Probe[] = [];
  for (const age_days of [dLo, Math.round((dLo + dHi) / 2), dHi]) {
    for (const birth_weight_g of age_days <= 28 ? [wLo, Math.round((wLo + wHi) / 2), wHi] : [0]) {
      probes.push({ ...base, age_years: 0, age_days, birth_weight_g });
    }
  }
  return probes;
}

const anyWeight: [number, number] = [1, 9999];

export interface TemplateOptions {
  /** Templates kept per ADRG at most. */
  perAdrg?: number;
  /** Attempts per ADRG at most. */
  attempts?: number;
}

/**
 * Case templates for every ADRG that can be reached (a few rare ones may yield none). `known` holds
 * the dictionary codes (diagnoses and procedures) a template may use.
 */
export function buildTemplates(rules: Rules, seed: number, known: ReadonlySet<string>, options: TemplateOptions = {}): CaseTemplate[] {
  const perAdrg = options.perAdrg ?? 40;
  const attempts = options.attempts ?? 300;
  const lists = new CodeLists(rules);
  const fallback = fallbackDiagnoses(rules, lists);
  const out: CaseTemplate[] = [];
  for (const letter of rules.mdc_order) {
    const mdc = rules.mdcs.find((m) => m.mdc === letter) as RawMdc;
    for (const adrg of mdc.adrgs as RawAdrg[]) {
      const rng = createRng(seed, hashString(adrg.adrg));
      const drawer = new Drawer(rng, (code) => known.has(code));
      const seen = new Set<string>();
      for (let i = 0; i < attempts && seen.size < perAdrg; i++) {
        const d: Draft = { extra: [], proc: [], newborn: mdc.mdc === "P", ageDays: [0, 28], birthWeight: [...anyWeight], failed: false };
        satisfy(adrg.condition, d, lists, drawer, rng);
        satisfy(mdc.condition, d, lists, drawer, rng);
        if (!d.principal && mdc.mdc === "A") d.principal = drawer.draw(fallback);
        if (d.failed || !d.principal) continue;
        if (d.newborn && d.ageDays[1] === 28 && d.ageDays[0] === 0 && !conditionMentions(adrg.condition, "age_days")) {
          d.ageDays = [29, 364]; // P's catch-all (PV1): infants past the newborn period
        }
        // Birth weight: the ADRG's own band (PS1–PS4), else a term baby's.
        if (d.birthWeight[0] === anyWeight[0] && d.birthWeight[1] === anyWeight[1]) d.birthWeight = [2500, 4200];
        d.birthWeight = [Math.max(d.birthWeight[0], 600), Math.min(d.birthWeight[1], 4500)];
        if (d.ageDays[0] > d.ageDays[1] || d.birthWeight[0] > d.birthWeight[1]) continue;
        const wanted: ("1" | "2")[] = d.sex ? [d.sex] : mdc.mdc === "O" || mdc.mdc === "N" ? ["2"] : mdc.mdc === "M" ? ["1"] : ["1", "2"];
        const passing = wanted.filter((sex) => probesFor(d, sex).every((p) => walkToAdrg(p, rules, lists) === adrg.adrg));
        if (passing.length === 0) continue;
        const key = [d.principal, ...d.extra, "|", ...d.proc].join(";");
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          adrg: adrg.adrg,
          mdc: mdc.mdc,
          principal_dx: d.principal,
          required_dx: d.extra.join(";"),
          procedures: d.proc.join(";"),
          sex: passing.length === 2 ? "*" : passing[0] === "1" ? "M" : "F",
          newborn: d.newborn,
          age_days_lo: d.newborn ? d.ageDays[0] : 0,
          age_days_hi: d.newborn ? d.ageDays[1] : 0,
          birth_weight_lo: d.newborn && d.ageDays[0] <= 28 ? d.birthWeight[0] : 0,
          birth_weight_hi: d.newborn && d.ageDays[0] <= 28 ? d.birthWeight[1] : 0,
        });
      }
    }
  }
  return out;
}

function conditionMentions(c: RawCondition, fieldName: string): boolean {
  if (c.type === "cmp") return c.field === fieldName;
  if (!c.of) return false;
  return (Array.isArray(c.of) ? c.of : [c.of]).some((x) => conditionMentions(x, fieldName));
}
