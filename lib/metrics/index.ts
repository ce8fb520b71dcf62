// The metric base tables (weights, case mix, settlement) built once per prepared session.
import type { Session } from "../db/session.ts";
import type { Parameters } from "../params.ts";

export async function buildMetrics(_session: Session, _params: Parameters): Promise<void> {
  // Filled by the weights, case-mix and settlement modules (issue 4).
}
