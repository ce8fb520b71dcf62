// The single-case grouper: README "The grouping walk" over a parsed scheme, with a readable trace.
// Browser-safe (no node imports): a web page can group a case it is shown. The scheme is compiled
// once into closures (conditions.ts) and cached per scheme object.
import { compileComplications } from "./complications.ts";
import { compileCondition, RuleError, type CompiledCondition } from "./conditions.ts";
import { caseFacts, type CaseFacts } from "./facts.ts";
import type { GrouperRecord } from "./record.ts";
import { refusedResult, resultFromCode, RULE_ERROR, type GroupResult } from "./result.ts";
import type { PrecheckStep, Scheme } from "./scheme.ts";

export { toGrouperRecord, type GrouperRecord } from "./record.ts";
export type { GroupResult } from "./result.ts";

export interface GroupOutcome extends GroupResult {
  /** The path taken, one line per step; empty when asked for no trace. */
  readonly trace: readonly string[];
}

export interface GroupOptions {
  /** Build the trace (default true); off, grouping is several times faster. */
  readonly trace?: boolean;
}

interface CompiledSplit {
  readonly drg: string;
  readonly predicate: CompiledCondition;
}

type CompiledEntry =
  | {
      readonly kind: "adrg";
      readonly code: string;
      readonly condition: CompiledCondition;
      readonly splits: readonly CompiledSplit[];
      readonly noSplitResult: string;
    }
  | { readonly kind: "qy"; readonly code: string; readonly enabled: boolean; readonly condition: CompiledCondition };

interface CompiledMdc {
  readonly mdc: string;
  readonly condition: CompiledCondition;
  readonly entries: readonly CompiledEntry[];
}

type CompiledPrecheck =
  | { readonly kind: "reject"; readonly condition: CompiledCondition; readonly status: string }
  | Extract<PrecheckStep, { kind: "rewrite" }>;

export interface Grouper {
  readonly scheme: Scheme;
  group(record: GrouperRecord, options?: GroupOptions): GroupOutcome;
}

/** A condition's truth, explained into the trace when one is kept. */
function check(condition: CompiledCondition, facts: CaseFacts, trace: string[] | null, label: string): boolean {
  if (!trace) return condition.test(facts);
  const { held, text } = condition.explain(facts);
  trace.push(`${label} ${held ? "✓" : "✗"}: ${text}`);
  return held;
}

export function compileGrouper(scheme: Scheme): Grouper {
  const complications = compileComplications(scheme);
  const compile = (c: Parameters<typeof compileCondition>[0]) => compileCondition(c, complications);
  const prechecks: CompiledPrecheck[] = scheme.prechecks.map((step) =>
    step.kind === "reject" ? { kind: "reject", condition: compile(step.condition), status: step.status } : step,
  );
  const mdcs: CompiledMdc[] = scheme.mdcs.map((m) => ({
    mdc: m.mdc,
    condition: compile(m.condition),
    entries: m.entries.map((e): CompiledEntry =>
      e.kind === "qy"
        ? { kind: "qy", code: e.code, enabled: e.enabled, condition: compile(e.condition) }
        : {
            kind: "adrg",
            code: e.adrg,
            condition: compile(e.condition),
            splits: e.splits.map((s) => ({ drg: s.drg, predicate: compile(s.predicate) })),
            noSplitResult: e.noSplitResult,
          },
    ),
  }));

  /** Prechecks (README "Prechecks"): a refusing status, or null to go on. Rewrites change facts. */
  function precheck(facts: CaseFacts, trace: string[] | null): string | null {
    for (const [i, step] of prechecks.entries()) {
      if (step.kind === "reject") {
        if (check(step.condition, facts, trace, `precheck ${i + 1} (refuse ${step.status} if)`)) return step.status;
      } else if (facts.fields[step.field] === step.from) {
        facts.fields[step.field] = step.to;
        trace?.push(`precheck ${i + 1}: rewrite ${step.field} '${step.from}' → '${step.to}'`);
      }
    }
    return null;
  }

  /** One entry of an MDC's adrg_order: a group code when it decides the case, else null. */
  function tryEntry(entry: CompiledEntry, facts: CaseFacts, trace: string[] | null, missed: string[]): string | null {
    if (entry.kind === "qy" && !entry.enabled) return null; // switched off (README "Group codes", xQY)
    if (!entry.condition.test(facts)) {
      missed.push(entry.code);
      return null;
    }
    if (trace) {
      if (missed.length) trace.push(`  not held: ${missed.join(", ")}`);
      check(entry.condition, facts, trace, `  ${entry.kind === "qy" ? "QY" : "ADRG"} ${entry.code}`);
    }
    if (entry.kind === "qy") return entry.code;
    for (const split of entry.splits) {
      if (check(split.predicate, facts, trace, `    split ${split.drg}`)) return split.drg;
    }
    trace?.push(`    no split held: ADRG code ${entry.noSplitResult}`);
    return entry.noSplitResult;
  }

  /** README "The grouping walk", steps 2–5. */
  function walk(facts: CaseFacts, trace: string[] | null): string {
    for (const m of mdcs) {
      if (!check(m.condition, facts, trace, `MDC ${m.mdc}`)) continue;
      const missed: string[] = [];
      for (const entry of m.entries) {
        const code = tryEntry(entry, facts, trace, missed);
        if (code !== null) return code;
      }
      // Step 4: an MDC in which nothing matched does not end the walk.
      trace?.push(`  no ADRG of MDC ${m.mdc} held (${missed.join(", ")}); on to the next MDC`);
    }
    trace?.push(`no MDC took the case: fallback ${scheme.fallback}`);
    return scheme.fallback;
  }

  return {
    scheme,
    group(record, options = {}) {
      const trace: string[] | null = options.trace === false ? null : [];
      const facts = caseFacts(record, scheme.fields);
      let result: GroupResult;
      try {
        const refused = precheck(facts, trace);
        result = refused === null ? resultFromCode(walk(facts, trace)) : refusedResult(refused);
      } catch (error) {
        if (!(error instanceof RuleError)) throw error;
        trace?.push(`rule error: ${error.reason}`);
        result = refusedResult(RULE_ERROR);
      }
      trace?.push(`result ${result.drg} ${result.status} (${result.mdc}, ADRG ${result.adrg})`);
      return { ...result, trace: trace ?? [] };
    },
  };
}

const grouperCache = new WeakMap<Scheme, Grouper>();

/** Groups one record with a scheme (compiled on first use, then cached). */
export function groupCase(scheme: Scheme, record: GrouperRecord, options?: GroupOptions): GroupOutcome {
  let grouper = grouperCache.get(scheme);
  if (!grouper) {
    grouper = compileGrouper(scheme);
    grouperCache.set(scheme, grouper);
  }
  return grouper.group(record, options);
}
