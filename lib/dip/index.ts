// DIP, diagnosis-intervention packets (按病种分值付费, metrics.md §9), over the prepared cases:
//   cases.sql            dip_base_year_weights (1:2:7), dip_keys, dip_case_key_ids (every case's key_id; the
//                        view dip_case_keys spells them out), dip_overall
//   catalogue.sql        dip_key_packets, dip_case_packets (a view), dip_packet_catalogue from the base-period cases
//   catalogue-given.sql  the same from a given dip_catalogue table (input-data.md), used as is
//   scores.sql           dip_case_scores, dip_years, dip_hospital_years (the pool of lib/metrics/pool.sql)
// Procedure classes and treatment types come from §7 (lib/grouping/procedure-classes.ts); the packet
// keys' rule is in keys.ts, whose explainPacket gives the same packet for one case on the site.
import type { Session } from "../db/session.ts";
import { cellTreatmentSql } from "../grouping/procedure-classes.ts";
import { runSqlFile } from "../metrics/sql.ts";
import { definePoolMacros } from "../metrics/settlement.ts";
import { categoryChapters } from "./keys.ts";

export interface DipStep {
  readonly step: string;
  readonly milliseconds: number;
}

/**
 * Builds every DIP table; needs cases, claims_inpatient (diagnoses and procedures), dip_catalogue,
 * procedure_classes, base_year_weights and policy. Returns false, building nothing, where the prepared
 * data have no claims_inpatient or dip_catalogue table (the metric unit fixtures hold `cases` only;
 * every workspace ingest prepares has both).
 */
export async function buildDip(session: Session, onStep?: (step: DipStep) => void): Promise<boolean> {
  const present = Number(await session.value(`SELECT count(*) FROM information_schema.tables WHERE table_type <> 'LOCAL TEMPORARY' AND table_name IN ('claims_inpatient', 'dip_catalogue')`));
  if (present < 2) return false;
  const timed = async (step: string, work: () => Promise<void>) => {
    const start = performance.now();
    await work();
    onStep?.({ step, milliseconds: performance.now() - start });
  };
  await definePoolMacros(session);
  await timed("keys", async () => {
    // every three-character category A00…Z99 with its chapter key, so cases join on equality
    const rows = categoryChapters().map(([category, key]) => `('${category}', '${key}')`);
    await session.run(`CREATE OR REPLACE TABLE icd10_chapters (category VARCHAR, chapter_key VARCHAR);
      INSERT INTO icd10_chapters VALUES ${rows.join(", ")}`);
    await session.run(`CREATE OR REPLACE TEMP TABLE dip_procedure_cells AS
      SELECT * FROM ${cellTreatmentSql({ source: "claims_inpatient" })}`);
    await runSqlFile(session, new URL("./cases.sql", import.meta.url));
  });
  const given = Number(await session.value("SELECT count(*) FROM dip_catalogue")) > 0;
  await timed("catalogue", () => runSqlFile(session, new URL(given ? "./catalogue-given.sql" : "./catalogue.sql", import.meta.url)));
  await timed("scores", () => runSqlFile(session, new URL("./scores.sql", import.meta.url)));
  return true;
}
