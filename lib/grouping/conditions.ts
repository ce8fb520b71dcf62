// Condition trees compiled into closures (README "Condition vocabulary"). Each node gets a fast
// `test` and an `explain` that says why it held or not, for the trace. `all`/`any` stop at the first
// part that decides them, as the walk does, so an `error` node only fires when it is reached.
import type { Complications } from "./complications.ts";
import type { CaseFacts } from "./facts.ts";
import { fieldNumber } from "./record.ts";
import type { CmpOp, CodeList, Condition } from "./scheme.ts";

export interface Explained {
  readonly held: boolean;
  readonly text: string;
}

export interface CompiledCondition {
  readonly test: (facts: CaseFacts) => boolean;
  readonly explain: (facts: CaseFacts) => Explained;
}

/** Thrown when the walk reaches an `error` or `unexpressed` node. */
export class RuleError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "RuleError";
  }
}

const mark = (held: boolean) => (held ? "✓" : "✗");

function listName(list: CodeList): string {
  return list.name ? `set ${list.name}` : `list of ${list.codes.size} codes`;
}

// NaN (text that is no number) makes every comparison false except != (README "Numbers in text").
const COMPARE: Record<CmpOp, (a: number, b: number) => boolean> = {
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

function principalIn(pick: (f: CaseFacts) => readonly string[], what: string, list: CodeList): CompiledCondition {
  const codes = list.codes;
  return {
    test: (f) => {
      const items = pick(f);
      return items.length > 0 && codes.has(items[0]!);
    },
    explain: (f) => {
      const first = pick(f)[0];
      if (first === undefined) return { held: false, text: `no principal ${what} ✗` };
      const held = codes.has(first);
      return { held, text: `principal ${what} ${first} ${held ? "∈" : "∉"} ${listName(list)} ${mark(held)}` };
    },
  };
}

function anyIn(pick: (f: CaseFacts) => readonly string[], what: string, list: CodeList): CompiledCondition {
  const codes = list.codes;
  return {
    test: (f) => {
      for (const code of pick(f)) if (codes.has(code)) return true;
      return false;
    },
    explain: (f) => {
      const hits = pick(f).filter((code) => codes.has(code));
      const held = hits.length > 0;
      return {
        held,
        text: held ? `${what} ${hits.join(", ")} ∈ ${listName(list)} ✓` : `no ${what} in ${listName(list)} ✗`,
      };
    },
  };
}

function combine(type: "all" | "any", parts: readonly CompiledCondition[]): CompiledCondition {
  // `all` stops at the first false part, `any` at the first true one.
  const stopAt = type === "any";
  const tests = parts.map((p) => p.test);
  const test =
    tests.length === 1
      ? tests[0]!
      : tests.length === 2
        ? stopAt
          ? (f: CaseFacts) => tests[0]!(f) || tests[1]!(f)
          : (f: CaseFacts) => tests[0]!(f) && tests[1]!(f)
        : (f: CaseFacts) => {
            for (const t of tests) if (t(f) === stopAt) return stopAt;
            return !stopAt;
          };
  return {
    test,
    explain: (f) => {
      const texts: string[] = [];
      let held = !stopAt;
      for (const part of parts) {
        const e = part.explain(f);
        texts.push(e.text);
        if (e.held === stopAt) {
          held = stopAt;
          break;
        }
      }
      return { held, text: `${type}(${texts.join("; ")})` };
    },
  };
}

export function compileCondition(condition: Condition, complications: Complications): CompiledCondition {
  const compile = (c: Condition) => compileCondition(c, complications);
  switch (condition.type) {
    case "always":
      return { test: () => true, explain: () => ({ held: true, text: "always ✓" }) };
    case "never":
      return { test: () => false, explain: () => ({ held: false, text: "never ✗" }) };
    case "all":
    case "any":
      return combine(condition.type, condition.of.map(compile));
    case "not": {
      const part = compile(condition.of);
      return {
        test: (f) => !part.test(f),
        explain: (f) => {
          const e = part.explain(f);
          return { held: !e.held, text: `not(${e.text}) ${mark(!e.held)}` };
        },
      };
    }
    case "principal_dx_in":
      return principalIn((f) => f.dx, "dx", condition.list);
    case "principal_proc_in":
      return principalIn((f) => f.proc, "proc", condition.list);
    case "any_dx_in":
      return anyIn((f) => f.dx, "dx", condition.list);
    case "any_proc_in":
      return anyIn((f) => f.proc, "proc", condition.list);
    case "cmp": {
      const { field, op, value } = condition;
      const compare = COMPARE[op];
      const test = (f: CaseFacts) => compare(fieldNumber(f.fields[field]), value);
      return {
        test,
        explain: (f) => {
          const held = test(f);
          return { held, text: `${field}='${f.fields[field] ?? ""}' ${op} ${value} ${mark(held)}` };
        },
      };
    }
    case "eq": {
      const { field, value } = condition;
      const test = (f: CaseFacts) => (f.fields[field] ?? "") === value;
      return {
        test,
        explain: (f) => {
          const held = test(f);
          return { held, text: `${field}='${f.fields[field] ?? ""}' = '${value}' ${mark(held)}` };
        },
      };
    }
    case "nonempty": {
      const { field } = condition;
      const test = (f: CaseFacts) => (f.fields[field] ?? "") !== "";
      return {
        test,
        explain: (f) => {
          const held = test(f);
          return { held, text: `${field}='${f.fields[field] ?? ""}' nonempty ${mark(held)}` };
        },
      };
    }
    case "min_distinct_regions": {
      const { regions, min } = condition;
      const hitRegions = (f: CaseFacts) => regions.filter((r) => f.dx.some((code) => r.codes.has(code)));
      return {
        test: (f) => {
          let count = 0;
          for (const region of regions) {
            for (const code of f.dx) {
              if (region.codes.has(code)) {
                if (++count >= min) return true;
                break;
              }
            }
          }
          return count >= min;
        },
        explain: (f) => {
          const hit = hitRegions(f);
          const held = hit.length >= min;
          return {
            held,
            text: `regions hit ${hit.length} (${hit.map((r) => r.name).join(", ")}) >= ${min} ${mark(held)}`,
          };
        },
      };
    }
    case "has_mcc":
    case "has_cc": {
      const kind = condition.type === "has_mcc" ? "mcc" : "cc";
      return {
        test: (f) => complications.holds(kind, f),
        explain: (f) => {
          const held = complications.holds(kind, f);
          return { held, text: `${complications.explain(kind, f)} ${mark(held)}` };
        },
      };
    }
    case "error":
    case "unexpressed": {
      const reason = condition.type === "error" ? condition.reason : `unexpressed construct ${condition.ref}`;
      const fail = (): never => {
        throw new RuleError(reason);
      };
      return { test: fail, explain: fail };
    }
  }
}
