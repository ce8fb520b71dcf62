// The metric base tables, built once per prepared session from `cases`, `hospitals`, `weights` and
// `policy`; every published dataset selects from them.
//   weights.sql        drg_weights, weight_base (m), weight_base_years, drg_base, drg_risk, drg_names (§2, §3)
//   case_metrics.sql   case_metrics (a view: each case with its RW, case-mix flag, RW interval), rw_interval_bounds (§3, §4)
//   casemix.ts         casemix_<grain> for hospital/department/region × year/month (§3)
//   settlement.sql     case_points, settlement_years, settlement_hospital_years (§6)
//   lib/apg            apg_* tables: outpatient groups, points, packages, pool settlement (§8)
//   procedure_classes  operation / intervention codes of the scheme's ADRG own lists (§7, lib/grouping/procedure-classes.ts)
import type { Session } from "../db/session.ts";
import type { Parameters } from "../params.ts";
import { buildRelativeWeights } from "./weights.ts";
import { buildCaseMix } from "./casemix.ts";
import { buildSettlement } from "./settlement.ts";
import { loadScheme } from "../grouping/load.ts";
import { createProcedureClassesTable } from "../grouping/procedure-classes.ts";
import { buildApg } from "../apg/index.ts";

export async function buildMetrics(session: Session, params: Parameters): Promise<void> {
  await buildRelativeWeights(session, params);
  await buildCaseMix(session);
  await buildSettlement(session);
  await createProcedureClassesTable(session, loadScheme(params.scheme));
  await buildApg(session); // outpatient APG-like groups, packages and pool settlement (§8, lib/apg)
}
