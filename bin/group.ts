// npx tsx bin/group.ts --data DIR --out FILE [--scheme PATH]
// Groups every accepted inpatient claim of DIR with a DRG scheme (default data/schemes/chs-drg-1.1)
// and writes claim_id,drg_code,mdc,adrg,status ordered by claim_id; the shares go to stderr.
import { dirname, resolve } from "node:path";
import { mkdirSync } from "node:fs";
import { openSession, sqlString } from "../lib/db/session.ts";
import { groupClaimsInDuckDB } from "../lib/grouping/bulk.ts";
import { DEFAULT_SCHEME_DIR, loadScheme } from "../lib/grouping/load.ts";
import { readInputs } from "../lib/input/ingest.ts";
import { parseFlags, runMain } from "./args.ts";

const USAGE = "usage: npx tsx bin/group.ts --data DIR --out FILE [--scheme PATH]";

interface Shares {
  claims: string;
  grouped: number;
  qy: number;
  ungrouped: number;
  refused: number;
}

runMain(async () => {
  const flags = parseFlags(process.argv.slice(2));
  for (const flag of flags.keys()) {
    if (!["data", "out", "scheme"].includes(flag)) throw new Error(`unexpected argument "--${flag}"; ${USAGE}`);
  }
  const data = flags.get("data");
  const out = flags.get("out");
  if (!data || !out) throw new Error(`parameter --data and --out are required; ${USAGE}`);
  const scheme = loadScheme(flags.get("scheme") ?? DEFAULT_SCHEME_DIR);

  const session = await openSession();
  try {
    const report = await readInputs(session, data);
    for (const t of report.tables.filter((t) => t.table === "claims_inpatient")) {
      process.stderr.write(
        `${t.file}: ${t.rowsRead} rows read, ${t.rowsAccepted} accepted, ${t.rowsRejected} set aside\n`,
      );
    }
    const started = performance.now();
    await groupClaimsInDuckDB(session, scheme, { source: "claims_inpatient", target: "grouped" });
    const seconds = (performance.now() - started) / 1000;

    const file = resolve(out);
    mkdirSync(dirname(file), { recursive: true });
    await session.run(`COPY (SELECT claim_id, drg_code, mdc, adrg, status FROM grouped ORDER BY claim_id)
      TO ${sqlString(file)} (FORMAT csv, HEADER true, DELIMITER ',')`);

    // Shares of README "Group codes": grouped (SUCCESS), QY, and 0000 (no group; refused ones apart).
    const [shares] = await session.all<Shares>(`SELECT count(*) AS claims,
        avg((status = 'SUCCESS')::INTEGER)::DOUBLE AS grouped,
        avg((status = 'QY')::INTEGER)::DOUBLE AS qy,
        avg((drg_code = '0000')::INTEGER)::DOUBLE AS ungrouped,
        avg((drg_code = '0000' AND status NOT IN ('FAIL'))::INTEGER)::DOUBLE AS refused
      FROM grouped`);
    const pct = (x: number | null) => `${((x ?? 0) * 100).toFixed(1)} %`;
    process.stderr.write(
      `${scheme.version}: ${shares!.claims} claims grouped in ${seconds.toFixed(1)} s: grouped ${pct(shares!.grouped)}, ` +
        `QY ${pct(shares!.qy)}, 0000 ${pct(shares!.ungrouped)} (refused by a precheck: ${pct(shares!.refused)}) → ${file}\n`,
    );
  } finally {
    session.close();
  }
});
