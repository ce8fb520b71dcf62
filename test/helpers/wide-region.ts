// A region with many designated institutions (issue 8: bureaus have hundreds to thousands), for the
// site's browser test and its build benchmark. The existing generator writes a small region (its ~30
// hospitals); DuckDB then spreads those claims over `hospitals` institutions and writes the same
// input tables the product reads (CSV, the contract of lib/input/contract.ts).
//
// Each generated hospital becomes the parent of ⌈hospitals / 30⌉ institutions: institution i (1-based,
// id H0001…) descends from parent ((i - 1) mod parents) + 1, keeps its level, district and coefficient
// (so costs and weights stay plausible for the level), and is named after it ("市第一人民医院" for the
// first, "市第一人民医院第2分院"…). Every claim of a parent goes to one of its institutions, chosen by a hash
// of the claim id (outpatient signed hospitals by a hash of the patient id): same inputs, same region.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { openSession, sqlString } from "../../lib/db/session.ts";

export const repoRoot = join(import.meta.dirname, "../..");

export interface WideRegionOptions {
  /** Institutions in the region (default 2,000). */
  hospitals?: number;
  /** The generator's scale (default 0.02: about 20,000 inpatient stays over five years). */
  scale?: number;
  seed?: number;
}

export interface WideRegion {
  dir: string;
  hospitals: number;
  inpatientClaims: number;
  /** Institutions with at least one inpatient claim. */
  hospitalsWithInpatientClaims: number;
}

/** Writes the region's input tables into `dir` (created or emptied). */
export async function writeWideRegion(dir: string, options: WideRegionOptions = {}): Promise<WideRegion> {
  const hospitals = options.hospitals ?? 2000;
  const scale = options.scale ?? 0.02;
  const seed = options.seed ?? 1;
  const generated = join(dir, ".generated");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("npx", ["tsx", "bin/generate.ts", "--out", generated, "--scale", String(scale), "--format", "csv", "--seed", String(seed), "--quiet"], {
    cwd: repoRoot,
    stdio: "pipe",
    maxBuffer: 64 * 1024 * 1024,
  });

  const session = await openSession({ memoryLimit: "1GB", threads: 2 });
  try {
    const file = (name: string) => sqlString(join(generated, `${name}.csv`));
    const out = (name: string) => sqlString(join(dir, `${name}.csv`));
    // Every value as the generator wrote it (text), so only hospital ids change.
    const read = (name: string) => `read_csv(${file(name)}, header = true, all_varchar = true, auto_detect = true)`;
    await session.run(`CREATE TABLE parents AS SELECT row_number() OVER (ORDER BY hospital_id) AS p, * FROM ${read("hospitals")}`);
    const parents = Number(await session.value<string>("SELECT count(*) FROM parents"));
    if (hospitals < parents) throw new Error(`wide region: ${hospitals} institutions is fewer than the generator's ${parents} hospitals`);
    await session.run(`
      CREATE TABLE institutions AS
      SELECT i, 'H' || lpad(i::VARCHAR, 4, '0') AS hospital_id, pa.hospital_id AS parent_id,
             (i - 1) // ${parents} + 1 AS nth, pa.name AS parent_name, pa.level, pa.district, pa.coefficient
      FROM range(1, ${hospitals + 1}) AS r(i)
      JOIN parents AS pa ON pa.p = (r.i - 1) % ${parents} + 1`);
    // children(parent) = the parent's institutions in order; a claim picks one by a hash of its id.
    await session.run(`
      CREATE TABLE children AS
      SELECT parent_id, hospital_id, row_number() OVER (PARTITION BY parent_id ORDER BY i) - 1 AS k,
             count(*) OVER (PARTITION BY parent_id) AS n
      FROM institutions`);
    await session.run("CREATE TABLE family AS SELECT parent_id, count(*) AS n FROM children GROUP BY parent_id");
    const pick = (key: string) => `('0x' || left(md5(${key}), 12))::UBIGINT`;
    /** Joins that give, as `<as>.hospital_id`, the institution a claim goes to (its parent's, chosen by the key's hash). */
    const reassign = (as: string, column: string, key: string) =>
      `LEFT JOIN family AS ${as}_f ON ${as}_f.parent_id = x.${column}
       LEFT JOIN children AS ${as} ON ${as}.parent_id = x.${column} AND ${as}.k = ${pick(key)} % ${as}_f.n`;

    await session.run(`COPY (
        SELECT hospital_id, CASE WHEN nth = 1 THEN parent_name ELSE parent_name || '第' || nth || '分院' END AS name,
               level, district, coefficient
        FROM institutions ORDER BY i
      ) TO ${out("hospitals")} (HEADER, DELIMITER ',')`);

    const columns = async (name: string) => (await session.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${read(name)}`)).map((r) => r.column_name);
    const inpatient = await columns("claims_inpatient");
    await session.run(`COPY (
        SELECT ${inpatient.map((c) => (c === "hospital_id" ? `coalesce(h.hospital_id, x.hospital_id) AS hospital_id` : `x."${c}"`)).join(", ")}
        FROM ${read("claims_inpatient")} AS x ${reassign("h", "hospital_id", "x.claim_id")}
        ORDER BY x.claim_id
      ) TO ${out("claims_inpatient")} (HEADER, DELIMITER ',')`);
    const outpatient = await columns("claims_outpatient");
    const outColumn = (c: string) =>
      c === "hospital_id"
        ? `coalesce(h.hospital_id, x.hospital_id) AS hospital_id`
        : c === "signed_hospital_id"
          ? `CASE WHEN x.signed_hospital_id IS NULL THEN NULL ELSE coalesce(s.hospital_id, x.signed_hospital_id) END AS signed_hospital_id`
          : `x."${c}"`;
    const signed = outpatient.includes("signed_hospital_id") ? reassign("s", "signed_hospital_id", "x.patient_id") : "";
    await session.run(`COPY (
        SELECT ${outpatient.map(outColumn).join(", ")}
        FROM ${read("claims_outpatient")} AS x ${reassign("h", "hospital_id", "x.claim_id")} ${signed}
        ORDER BY x.claim_id
      ) TO ${out("claims_outpatient")} (HEADER, DELIMITER ',')`);
    await session.run(`COPY (SELECT * FROM ${read("policy")}) TO ${out("policy")} (HEADER, DELIMITER ',')`);

    const inpatientClaims = Number(await session.value<string>(`SELECT count(*) FROM read_csv(${out("claims_inpatient")}, header = true, all_varchar = true)`));
    const withClaims = Number(await session.value<string>(`SELECT count(DISTINCT hospital_id) FROM read_csv(${out("claims_inpatient")}, header = true, all_varchar = true)`));
    return { dir, hospitals, inpatientClaims, hospitalsWithInpatientClaims: withClaims };
  } finally {
    session.close();
    rmSync(generated, { recursive: true, force: true });
  }
}
