// A DRG scheme as data: the `drg-rules/1` format of data/schemes/*/rules.json, checked and normalised
// into the shape the grouping engines read. Browser-safe (no node imports): the web page parses the
// same JSON. The format is described in data/schemes/chs-drg-1.1/README.md ("rules.json layout",
// "Condition vocabulary", "The grouping walk"); nothing here knows any one scheme's codes.

export type CmpOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type ListConditionType = "principal_dx_in" | "any_dx_in" | "principal_proc_in" | "any_proc_in";

/** A code list: exact strings (README "Condition vocabulary": lists match character for character). */
export interface CodeList {
  /** The set's name for `set: "…"` references; null for an inline `codes` list. */
  readonly name: string | null;
  readonly codes: ReadonlySet<string>;
}

export interface Region {
  readonly name: string;
  readonly codes: ReadonlySet<string>;
}

/** One node of a condition tree, with `codes`/`set` resolved to a CodeList. */
export type Condition =
  | { readonly type: "always" }
  | { readonly type: "never" }
  | { readonly type: "all"; readonly of: readonly Condition[] }
  | { readonly type: "any"; readonly of: readonly Condition[] }
  | { readonly type: "not"; readonly of: Condition }
  | { readonly type: ListConditionType; readonly list: CodeList }
  | { readonly type: "cmp"; readonly field: string; readonly op: CmpOp; readonly value: number }
  | { readonly type: "eq"; readonly field: string; readonly value: string }
  | { readonly type: "nonempty"; readonly field: string }
  | { readonly type: "min_distinct_regions"; readonly regions: readonly Region[]; readonly min: number }
  | { readonly type: "has_mcc" }
  | { readonly type: "has_cc" }
  | { readonly type: "error"; readonly reason: string }
  | { readonly type: "unexpressed"; readonly ref: string };

export type PrecheckStep =
  | { readonly kind: "reject"; readonly condition: Condition; readonly status: string }
  | { readonly kind: "rewrite"; readonly field: string; readonly from: string; readonly to: string };

export interface DrgSplit {
  readonly drg: string;
  readonly predicate: Condition;
}

export interface AdrgEntry {
  readonly kind: "adrg";
  readonly adrg: string;
  readonly condition: Condition;
  readonly splits: readonly DrgSplit[];
  /** Returned when no split holds (a three-character ADRG code, README "Group codes"). */
  readonly noSplitResult: string;
}

/** The 歧义病案 step (README "Group codes", xQY): returns `code` when enabled and its condition holds. */
export interface QyEntry {
  readonly kind: "qy";
  readonly code: string;
  readonly enabled: boolean;
  readonly condition: Condition;
}

export interface Mdc {
  readonly mdc: string;
  readonly condition: Condition;
  /** The entries of `adrg_order`, in order. */
  readonly entries: readonly (AdrgEntry | QyEntry)[];
}

export interface Scheme {
  readonly format: string;
  readonly version: string;
  /** Scalar record fields the rules may read (`record_fields` minus the lists `dx` and `proc`). */
  readonly fields: readonly string[];
  readonly prechecks: readonly PrecheckStep[];
  /** MDCs in `mdc_order`. */
  readonly mdcs: readonly Mdc[];
  readonly fallback: string;
  readonly sets: ReadonlyMap<string, CodeList>;
  /** complication code → exclusion table number (README "CC, MCC and exclusions"). */
  readonly mcc: ReadonlyMap<string, string>;
  readonly cc: ReadonlyMap<string, string>;
  /** principal diagnosis → the one exclusion table it belongs to. */
  readonly cce: ReadonlyMap<string, string>;
  /** drg_code → name, from `drg_names` and (where given) groups.csv. */
  readonly groups: ReadonlyMap<string, string>;
  readonly statuses: Readonly<Record<string, string>>;
}

/** The list fields of a record; every other entry of `record_fields` is a scalar field. */
export const LIST_FIELDS: readonly string[] = ["dx", "proc"];

const CMP_OPS: ReadonlySet<string> = new Set(["==", "!=", "<", "<=", ">", ">="]);

type Json = unknown;
type JsonObject = Record<string, Json>;

class SchemeError extends Error {
  constructor(path: string, message: string) {
    super(`rules.json: ${path}: ${message}`);
    this.name = "SchemeError";
  }
}

function object(value: Json, path: string): JsonObject {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new SchemeError(path, "expected an object");
  }
  return value as JsonObject;
}

function array(value: Json, path: string): Json[] {
  if (!Array.isArray(value)) throw new SchemeError(path, "expected an array");
  return value;
}

function text(value: Json, path: string): string {
  if (typeof value !== "string") throw new SchemeError(path, "expected text");
  return value;
}

function number(value: Json, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new SchemeError(path, "expected a number");
  return value;
}

function textArray(value: Json, path: string): string[] {
  return array(value, path).map((item, i) => text(item, `${path}[${i}]`));
}

/** A JSON object of text values (the cc / mcc / cce tables, drg_names); table numbers are kept as text. */
function textMap(value: Json, path: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, item] of Object.entries(object(value, path))) {
    if (typeof item !== "string" && typeof item !== "number") throw new SchemeError(`${path}.${key}`, "expected text");
    map.set(key, String(item));
  }
  return map;
}

interface ParseContext {
  readonly sets: ReadonlyMap<string, CodeList>;
  readonly fields: ReadonlySet<string>;
  /** Inline lists with the same content share one CodeList (fewer Sets, and one id in SQL). */
  readonly inline: Map<string, CodeList>;
}

function field(node: JsonObject, path: string, context: ParseContext): string {
  const name = text(node.field, `${path}.field`);
  if (!context.fields.has(name)) {
    throw new SchemeError(`${path}.field`, `'${name}' is not a scalar field of record_fields`);
  }
  return name;
}

function codeList(node: JsonObject, path: string, context: ParseContext): CodeList {
  if (node.set !== undefined) {
    const name = text(node.set, `${path}.set`);
    const list = context.sets.get(name);
    if (!list) throw new SchemeError(`${path}.set`, `no list '${name}' in sets`);
    return list;
  }
  const codes = textArray(node.codes, `${path}.codes`);
  const key = [...new Set(codes)].sort().join("\n");
  let list = context.inline.get(key);
  if (!list) {
    list = { name: null, codes: new Set(codes) };
    context.inline.set(key, list);
  }
  return list;
}

function condition(value: Json, path: string, context: ParseContext): Condition {
  const node = object(value, path);
  const type = text(node.type, `${path}.type`);
  switch (type) {
    case "always":
    case "never":
    case "has_mcc":
    case "has_cc":
      return { type };
    case "all":
    case "any":
      return { type, of: array(node.of, `${path}.of`).map((part, i) => condition(part, `${path}.of[${i}]`, context)) };
    case "not":
      return { type, of: condition(node.of, `${path}.of`, context) };
    case "principal_dx_in":
    case "any_dx_in":
    case "principal_proc_in":
    case "any_proc_in":
      return { type, list: codeList(node, path, context) };
    case "cmp": {
      const op = text(node.op, `${path}.op`);
      if (!CMP_OPS.has(op)) throw new SchemeError(`${path}.op`, `unknown comparison '${op}'`);
      return { type, field: field(node, path, context), op: op as CmpOp, value: number(node.value, `${path}.value`) };
    }
    case "eq":
      return { type, field: field(node, path, context), value: text(node.value, `${path}.value`) };
    case "nonempty":
      return { type, field: field(node, path, context) };
    case "min_distinct_regions":
      return {
        type,
        min: number(node.min, `${path}.min`),
        regions: array(node.regions, `${path}.regions`).map((item, i) => {
          const region = object(item, `${path}.regions[${i}]`);
          return {
            name: text(region.name, `${path}.regions[${i}].name`),
            codes: new Set(textArray(region.codes, `${path}.regions[${i}].codes`)),
          };
        }),
      };
    case "error":
      return { type, reason: text(node.reason, `${path}.reason`) };
    case "unexpressed":
      return { type, ref: String(node.ref) };
    default:
      throw new SchemeError(
        `${path}.type`,
        `'${type}' is not in the condition vocabulary (README "Condition vocabulary")`,
      );
  }
}

function precheck(value: Json, path: string, context: ParseContext): PrecheckStep {
  const step = object(value, path);
  if (step.reject_if !== undefined) {
    return {
      kind: "reject",
      condition: condition(step.reject_if, `${path}.reject_if`, context),
      status: text(step.status, `${path}.status`),
    };
  }
  if (step.rewrite !== undefined) {
    const rewrite = object(step.rewrite, `${path}.rewrite`);
    return {
      kind: "rewrite",
      field: field(rewrite, `${path}.rewrite`, context),
      from: text(rewrite.from, `${path}.rewrite.from`),
      to: text(rewrite.to, `${path}.rewrite.to`),
    };
  }
  throw new SchemeError(path, "a precheck step needs reject_if or rewrite");
}

function mdc(value: Json, path: string, context: ParseContext): Mdc {
  const node = object(value, path);
  const code = text(node.mdc, `${path}.mdc`);
  const adrgs = new Map<string, AdrgEntry>();
  array(node.adrgs, `${path}.adrgs`).forEach((item, i) => {
    const p = `${path}.adrgs[${i}]`;
    const entry = object(item, p);
    const adrg = text(entry.adrg, `${p}.adrg`);
    adrgs.set(adrg, {
      kind: "adrg",
      adrg,
      condition: condition(entry.condition, `${p}.condition`, context),
      splits: array(entry.drg_splits, `${p}.drg_splits`).map((s, j) => {
        const split = object(s, `${p}.drg_splits[${j}]`);
        return {
          drg: text(split.drg, `${p}.drg_splits[${j}].drg`),
          predicate: condition(split.predicate, `${p}.drg_splits[${j}].predicate`, context),
        };
      }),
      noSplitResult: entry.no_split_result === undefined ? adrg : text(entry.no_split_result, `${p}.no_split_result`),
    });
  });
  let qy: QyEntry | null = null;
  if (node.qy !== undefined && node.qy !== null) {
    const q = object(node.qy, `${path}.qy`);
    const enabled = q.enabled === true;
    // README "Group codes": a switched-off step never returns; `condition_if_enabled` is what it
    // would test, so an enabled step tests that (falling back on `condition`).
    const active = enabled && q.condition_if_enabled !== undefined ? q.condition_if_enabled : q.condition;
    qy = {
      kind: "qy",
      code: text(q.code, `${path}.qy.code`),
      enabled,
      condition: condition(active ?? { type: "never" }, `${path}.qy.condition`, context),
    };
  }
  const entries = textArray(node.adrg_order, `${path}.adrg_order`).map((name, i) => {
    if (qy && name === qy.code) return qy;
    const entry = adrgs.get(name);
    if (!entry) throw new SchemeError(`${path}.adrg_order[${i}]`, `no ADRG '${name}' in adrgs`);
    return entry;
  });
  return { mdc: code, condition: condition(node.condition, `${path}.condition`, context), entries };
}

/** Every condition node of a scheme (prechecks, MDCs, QY steps, ADRGs, splits), parents before parts. */
export function forEachCondition(scheme: Scheme, visit: (condition: Condition) => void): void {
  const walk = (c: Condition): void => {
    visit(c);
    if (c.type === "all" || c.type === "any") c.of.forEach(walk);
    else if (c.type === "not") walk(c.of);
  };
  for (const step of scheme.prechecks) if (step.kind === "reject") walk(step.condition);
  for (const m of scheme.mdcs) {
    walk(m.condition);
    for (const e of m.entries) {
      walk(e.condition);
      if (e.kind === "adrg") for (const s of e.splits) walk(s.predicate);
    }
  }
}

/** groups.csv (`drg_code,drg_name`, CRLF or LF, no quoting in the shipped files; quotes handled anyway). */
export function parseGroupsCsv(csv: string): Map<string, string> {
  const groups = new Map<string, string>();
  const lines = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (const line of lines.slice(1)) {
    if (line.trim() === "") continue;
    const comma = line.indexOf(",");
    const code = line.slice(0, comma).trim();
    let name = line.slice(comma + 1);
    if (name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1).replaceAll('""', '"');
    if (comma > 0) groups.set(code, name);
  }
  return groups;
}

/**
 * Checks and normalises a parsed rules.json. Throws with the JSON path of the first problem.
 * `groupsCsv`, the text of groups.csv, adds group names not in `drg_names`.
 */
export function parseScheme(json: unknown, groupsCsv?: string): Scheme {
  const root = object(json, "(root)");
  const format = text(root.format, "format");
  if (!format.startsWith("drg-rules/")) throw new SchemeError("format", `'${format}' is not a drg-rules format`);
  const sets = new Map<string, CodeList>();
  for (const [name, codes] of Object.entries(object(root.sets ?? {}, "sets"))) {
    sets.set(name, { name, codes: new Set(textArray(codes, `sets.${name}`)) });
  }
  const fields = Object.keys(object(root.record_fields, "record_fields")).filter((f) => !LIST_FIELDS.includes(f));
  const context: ParseContext = { sets, fields: new Set(fields), inline: new Map() };
  const mdcs = new Map<string, Mdc>();
  array(root.mdcs, "mdcs").forEach((m, i) => {
    const parsed = mdc(m, `mdcs[${i}]`, context);
    mdcs.set(parsed.mdc, parsed);
  });
  const order = textArray(root.mdc_order, "mdc_order").map((code, i) => {
    const found = mdcs.get(code);
    if (!found) throw new SchemeError(`mdc_order[${i}]`, `no MDC '${code}' in mdcs`);
    return found;
  });
  const prechecksNode = root.prechecks === undefined ? { steps: [] } : object(root.prechecks, "prechecks");
  const prechecks = array((prechecksNode as JsonObject).steps ?? [], "prechecks.steps").map((s, i) =>
    precheck(s, `prechecks.steps[${i}]`, context),
  );
  const groups = textMap(root.drg_names ?? {}, "drg_names");
  if (groupsCsv !== undefined) {
    for (const [code, name] of parseGroupsCsv(groupsCsv)) if (!groups.has(code)) groups.set(code, name);
  }
  const statuses: Record<string, string> = {};
  for (const [key, label] of textMap(root.result_statuses ?? {}, "result_statuses")) statuses[key] = label;
  return {
    format,
    version: text(root.version, "version"),
    fields,
    prechecks,
    mdcs: order,
    fallback: text(root.fallback, "fallback"),
    sets,
    mcc: textMap(root.mcc, "mcc"),
    cc: textMap(root.cc, "cc"),
    cce: textMap(root.cce, "cce"),
    groups,
    statuses,
  };
}
