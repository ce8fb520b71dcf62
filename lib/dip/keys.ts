// DIP packet keys (metrics.md §9), one rule in two forms: SQL for the catalogue and every case at once
// (lib/dip/catalogue.sql reads the expressions built here), and `explainPacket` for one case on the
// group-a-case page (browser-safe: no Node imports).
//
//   core           dx_key = the principal diagnosis's first five characters (`K35.8`), procedures_key =
//                  its distinct operation and intervention codes (§7), sorted, joined by `+` ('' when none);
//                  packet_code = dx_key, then `+` and procedures_key when there is one
//   comprehensive  category: dx_key = the first three characters, procedures_key = the treatment type,
//                  packet_code `K35:operation`; folded to the ICD-10 chapter: dx_key = the chapter's
//                  range (`K00-K93`), packet_code `K00-K93:operation`; no base-period case in the
//                  chapter either: the treatment type alone, dx_key `*`, packet_code `*:operation`.
import { TREATMENT_ORDER, type TreatmentType } from "../grouping/procedure-classes.ts";
import { trimText } from "../grouping/record.ts";

/** ICD-10 chapters by the range of their three-character categories (WHO ICD-10, 22 chapters). */
export const ICD10_CHAPTERS: readonly { readonly first: string; readonly last: string; readonly chapter: string }[] = [
  { first: "A00", last: "B99", chapter: "I" },
  { first: "C00", last: "D48", chapter: "II" },
  { first: "D50", last: "D89", chapter: "III" },
  { first: "E00", last: "E90", chapter: "IV" },
  { first: "F00", last: "F99", chapter: "V" },
  { first: "G00", last: "G99", chapter: "VI" },
  { first: "H00", last: "H59", chapter: "VII" },
  { first: "H60", last: "H95", chapter: "VIII" },
  { first: "I00", last: "I99", chapter: "IX" },
  { first: "J00", last: "J99", chapter: "X" },
  { first: "K00", last: "K93", chapter: "XI" },
  { first: "L00", last: "L99", chapter: "XII" },
  { first: "M00", last: "M99", chapter: "XIII" },
  { first: "N00", last: "N99", chapter: "XIV" },
  { first: "O00", last: "O99", chapter: "XV" },
  { first: "P00", last: "P96", chapter: "XVI" },
  { first: "Q00", last: "Q99", chapter: "XVII" },
  { first: "R00", last: "R99", chapter: "XVIII" },
  { first: "S00", last: "T98", chapter: "XIX" },
  { first: "V01", last: "Y98", chapter: "XX" },
  { first: "Z00", last: "Z99", chapter: "XXI" },
  { first: "U00", last: "U99", chapter: "XXII" },
];

/** The chapter key of a diagnosis: its chapter's range (`K00-K93`); `?` when its category is in none. */
export function chapterKey(dx: string): string {
  const category = trimText(dx).slice(0, 3).toUpperCase();
  const found = ICD10_CHAPTERS.find((c) => category >= c.first && category <= c.last);
  return found ? `${found.first}-${found.last}` : "?";
}

/** Every three-character category A00…Z99 that lies in a chapter, with its chapter key (for an equality join). */
export function categoryChapters(): [string, string][] {
  const rows: [string, string][] = [];
  for (let letter = 65; letter <= 90; letter++) {
    for (let n = 0; n < 100; n++) {
      const category = `${String.fromCharCode(letter)}${String(n).padStart(2, "0")}`;
      const key = chapterKey(category);
      if (key !== "?") rows.push([category, key]);
    }
  }
  return rows;
}

export const corePacketCode = (dxKey: string, proceduresKey: string): string => (proceduresKey === "" ? dxKey : `${dxKey}+${proceduresKey}`);
export const comprehensivePacketCode = (dxKey: string, treatment: string): string => `${dxKey}:${treatment}`;

export type PacketFold = "core" | "category" | "chapter" | "treatment";

/** One packet of the catalogue as the page reads it from the `dip_packets` dataset. */
export interface PacketRow {
  readonly packet_code: string;
  readonly kind: "core" | "comprehensive";
  readonly fold: PacketFold;
  readonly dx_key: string;
  readonly procedures_key: string | null;
  readonly treatment: string | null;
  readonly base_cases: number | null;
  readonly score: number | null;
}

export interface PacketExplanation {
  readonly packet: PacketRow | null;
  readonly fold: PacketFold;
  /** The keys tried, in order, and whether each is in the catalogue. */
  readonly tried: readonly { readonly fold: PacketFold; readonly code: string; readonly found: boolean }[];
  readonly dxKey: string;
  readonly proceduresKey: string;
  readonly treatment: TreatmentType;
  /** Each procedure's class (§7). */
  readonly procedures: readonly { readonly code: string; readonly class: string }[];
}

const indexes = new WeakMap<object, ReadonlyMap<string, PacketRow>>();

/** The catalogue by key (fold, dx_key, procedures_key): a given catalogue names packets freely. */
function keyIndex(catalogue: ReadonlyMap<string, PacketRow>): ReadonlyMap<string, PacketRow> {
  let index = indexes.get(catalogue);
  if (!index) {
    const byKey = new Map<string, PacketRow>();
    // where two packets carry the same key, the first packet_code in text order (catalogue-given.sql)
    const rows = [...catalogue.values()].sort((a, b) => (a.packet_code < b.packet_code ? -1 : a.packet_code > b.packet_code ? 1 : 0));
    for (const p of rows) {
      const key = packetKey(p.fold, String(p.dx_key ?? ""), String(p.procedures_key ?? ""));
      if (!byKey.has(key)) byKey.set(key, p);
    }
    indexes.set(catalogue, (index = byKey));
  }
  return index;
}

const packetKey = (fold: string, dxKey: string, proceduresKey: string) => `${fold}\u0000${dxKey}\u0000${proceduresKey}`;

/**
 * The packet of one case and why: the core key first, then the category × treatment key, then the
 * chapter × treatment key, then the treatment alone (the order of catalogue.sql and
 * catalogue-given.sql). Packets are found by their keys (fold, dx_key, procedures_key), so a given
 * catalogue's own packet codes work too. `classOf` is the §7 single-code function bound to the
 * build's scheme (procedureClass).
 */
export function explainPacket(
  catalogue: ReadonlyMap<string, PacketRow>,
  classOf: (code: string) => string,
  principalDx: string,
  procedureCodes: readonly string[],
): PacketExplanation {
  const dx = trimText(principalDx);
  const codes = procedureCodes.map(trimText).filter((c) => c !== "");
  const procedures = codes.map((code) => ({ code, class: classOf(code) }));
  let rank = 0;
  for (const p of procedures) rank = Math.max(rank, TREATMENT_ORDER.indexOf(p.class as TreatmentType));
  const treatment = TREATMENT_ORDER[rank];
  const opCodes = [...new Set(procedures.filter((p) => p.class === "operation" || p.class === "intervention").map((p) => p.code))].sort();
  const dxKey = dx.slice(0, 5);
  const proceduresKey = opCodes.join("+");
  const chapter = chapterKey(dx);
  const candidates: { fold: PacketFold; dx: string; procs: string; code: string }[] = [
    { fold: "core", dx: dxKey, procs: proceduresKey, code: corePacketCode(dxKey, proceduresKey) },
    { fold: "category", dx: dx.slice(0, 3), procs: treatment, code: comprehensivePacketCode(dx.slice(0, 3), treatment) },
    { fold: "chapter", dx: chapter, procs: treatment, code: comprehensivePacketCode(chapter, treatment) },
    { fold: "treatment", dx: "*", procs: treatment, code: comprehensivePacketCode("*", treatment) },
  ];
  const index = keyIndex(catalogue);
  const tried: { fold: PacketFold; code: string; found: boolean }[] = [];
  for (const c of candidates) {
    const packet = index.get(packetKey(c.fold, c.dx, c.procs));
    tried.push({ fold: c.fold, code: c.code, found: packet !== undefined });
    if (packet) return { packet, fold: c.fold, tried, dxKey, proceduresKey, treatment, procedures };
  }
  return { packet: null, fold: "treatment", tried, dxKey, proceduresKey, treatment, procedures };
}
