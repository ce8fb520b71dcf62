// From a returned group code to {drg, mdc, adrg, status}: README "Group codes" ("Result status from
// the code") and "Prechecks" (a refused case). Written once in JS and once in SQL, side by side.

export type GroupStatus = "SUCCESS" | "QY" | "FAIL" | "CHECK_FAILED" | "RULE_ERROR" | (string & {});

export interface GroupResult {
  readonly drg: string;
  readonly mdc: string;
  readonly adrg: string;
  readonly status: GroupStatus;
}

/** drg / MDC / ADRG of a case no MDC took or a precheck refused. */
export const NO_GROUP = { drg: "0000", mdc: "0000", adrg: "00" } as const;

/**
 * Status of a case whose walk reached a condition of type `error` or `unexpressed` (README: "the
 * source fails at run time here; a grouper should report an error"). Not in `result_statuses`:
 * the source throws instead; reporting it per case keeps one bad rule from stopping a whole run.
 */
export const RULE_ERROR = "RULE_ERROR";

export function resultFromCode(code: string): GroupResult {
  if (code === NO_GROUP.drg || code.slice(1, 3) === "00") return { ...NO_GROUP, status: "FAIL" };
  const mdc = `MDC${code.slice(0, 1)}`;
  if (code.slice(1) === "QY") return { drg: code, mdc, adrg: code, status: "QY" };
  return { drg: code, mdc, adrg: code.slice(0, 3), status: "SUCCESS" };
}

/** A case refused before grouping (a precheck) or stopped by a rule error. */
export function refusedResult(status: string): GroupResult {
  return { ...NO_GROUP, status };
}

// ---- SQL ----
// The bulk grouper's walk yields one text per case: a group code, or `#STATUS` for a refused case
// (prechecks, rule errors). These expressions decode it exactly as the functions above do.

export const REFUSED_PREFIX = "#";

function refused(outcome: string): string {
  return `starts_with(${outcome}, '${REFUSED_PREFIX}')`;
}

function failed(outcome: string): string {
  return `(${refused(outcome)} OR ${outcome} = '${NO_GROUP.drg}' OR substr(${outcome}, 2, 2) = '00')`;
}

function qy(outcome: string): string {
  return `substr(${outcome}, 2) = 'QY'`;
}

export function resultSql(outcome: string): Record<"drg_code" | "mdc" | "adrg" | "status", string> {
  return {
    drg_code: `CASE WHEN ${failed(outcome)} THEN '${NO_GROUP.drg}' ELSE ${outcome} END`,
    mdc: `CASE WHEN ${failed(outcome)} THEN '${NO_GROUP.mdc}' ELSE 'MDC' || substr(${outcome}, 1, 1) END`,
    adrg: `CASE WHEN ${failed(outcome)} THEN '${NO_GROUP.adrg}' WHEN ${qy(outcome)} THEN ${outcome} ELSE substr(${outcome}, 1, 3) END`,
    status: `CASE WHEN ${refused(outcome)} THEN substr(${outcome}, ${REFUSED_PREFIX.length + 1}) WHEN ${failed(outcome)} THEN 'FAIL' WHEN ${qy(outcome)} THEN 'QY' ELSE 'SUCCESS' END`,
  };
}
