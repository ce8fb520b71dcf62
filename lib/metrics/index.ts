// The metric base tables, built once per prepared session from `cases`, `hospitals`, `weights` and
// `policy`; every published dataset selects from them.
//   weights.sql        drg_weights, weight_base (m), weight_base_years, drg_base, drg_risk, drg_names (§2, §3)
//   case_metrics.sql   case_metrics (a view: each case with its RW, case-mix flag, RW interval), rw_interval_bounds (§3, §4)
//   casemix.ts         casemix_<grain> for hospital/department/region × year/month (§3)
//   settlement.sql     case_points, settlement_years, settlement_hospital_years (§6)
//   signals.ts         signal_values, signal_results, signal_cases, control_months (signal_*.sql, control.sql) (§10)
//   lib/dip/           DIP packets, case scores and settlement (§9)
//   lib/apg            apg_* tables: outpatient groups, points, packages, pool settlement (§8)
//   procedure_classes  operation / intervention codes of the scheme's ADRG own lists (§7, lib/grouping/procedure-classes.ts)
import type { Session } from "../db/session.ts";
import type { Parameters } from "../params.ts";
import { silent, type Progress } from "../io/progress.ts";
import { buildRelativeWeights } from "./weights.ts";
import { buildCaseMix } from "./casemix.ts";
import { buildSettlement } from "./settlement.ts";
import { buildSignals } from "./signals.ts";
import { loadScheme } from "../grouping/load.ts";
import { createProcedureClassesTable } from "../grouping/procedure-classes.ts";
import { buildDip } from "../dip/index.ts";
import { buildApg } from "../apg/index.ts";

export async function buildMetrics(session: Session, params: Parameters, log: Progress = silent): Promise<void> {
  const cases = () => session.value<string>("SELECT count(*) FROM cases").then(Number);
  await log.stage("relative weights", () => buildRelativeWeights(session, params), cases);
  await log.stage("case mix", () => buildCaseMix(session), cases);
  await log.stage("point settlement", () => buildSettlement(session), cases);
  await log.stage("monitoring signals and control limits", () => buildSignals(session, params), cases);
  await log.stage("procedure classes", () => createProcedureClassesTable(session, loadScheme(params.scheme)));
  await log.stage("DIP packets, scores and settlement", () => buildDip(session), cases);
  await log.stage("outpatient APG groups, packages and settlement", () => buildApg(session), () => session.value<string>("SELECT count(*) FROM claims_outpatient").then(Number));
}
