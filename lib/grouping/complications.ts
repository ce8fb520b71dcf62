// has_mcc / has_cc for one case (README "CC, MCC and exclusions"): a secondary diagnosis dx[1…]
// counts when it is a key of the table and the principal has no cce entry or a different table.
import type { CaseFacts } from "./facts.ts";
import type { Scheme } from "./scheme.ts";

export type ComplicationKind = "mcc" | "cc";

export interface Complications {
  holds(kind: ComplicationKind, facts: CaseFacts): boolean;
  /** Which secondary codes counted and which the principal's exclusion table removed. */
  explain(kind: ComplicationKind, facts: CaseFacts): string;
}

export function compileComplications(scheme: Scheme): Complications {
  const tables = { mcc: scheme.mcc, cc: scheme.cc };
  return {
    holds(kind, { dx }) {
      const table = tables[kind];
      if (dx.length < 2) return false;
      const excluded = scheme.cce.get(dx[0]!);
      for (let i = 1; i < dx.length; i++) {
        const t = table.get(dx[i]!);
        if (t !== undefined && t !== excluded) return true;
      }
      return false;
    },
    explain(kind, { dx }) {
      const table = tables[kind];
      const excluded = dx.length > 0 ? scheme.cce.get(dx[0]!) : undefined;
      const counted: string[] = [];
      const removed: string[] = [];
      for (const code of dx.slice(1)) {
        const t = table.get(code);
        if (t === undefined) continue;
        (t === excluded ? removed : counted).push(`${code} (table ${t})`);
      }
      const parts = [counted.length ? `counts ${counted.join(", ")}` : `no secondary ${kind.toUpperCase()}`];
      if (removed.length) parts.push(`excluded by principal ${dx[0]}'s cce table ${excluded}: ${removed.join(", ")}`);
      return `has_${kind}: ${parts.join("; ")}`;
    },
  };
}
