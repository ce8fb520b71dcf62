// Chapters for folding small APG-like groups (metrics.md §8): ICD-10 chapters 1–22 by their standard
// block ranges, ICD-9-CM-3 chapters by the procedure's first two digits. One table each, read by the
// single-visit function (JS) and by the bulk grouping (SQL generated from the same table).

/** ICD-10 chapters: [first category, last category, chapter]. Ranges compare the 3-character category. */
export const icd10Chapters: readonly [string, string, string][] = [
  ["A00", "B99", "1"], ["C00", "D48", "2"], ["D50", "D89", "3"], ["E00", "E90", "4"], ["F00", "F99", "5"],
  ["G00", "G99", "6"], ["H00", "H59", "7"], ["H60", "H95", "8"], ["I00", "I99", "9"], ["J00", "J99", "10"],
  ["K00", "K93", "11"], ["L00", "L99", "12"], ["M00", "M99", "13"], ["N00", "N99", "14"], ["O00", "O99", "15"],
  ["P00", "P96", "16"], ["Q00", "Q99", "17"], ["R00", "R99", "18"], ["S00", "T98", "19"], ["V01", "Y98", "20"],
  ["Z00", "Z99", "21"], ["U00", "U99", "22"],
];

/** ICD-9-CM-3 chapters: [first two digits, last two digits, chapter] (00; 01–05; … 87–99). */
export const icd9cm3Chapters: readonly [string, string, string][] = [
  ["00", "00", "0"], ["01", "05", "1"], ["06", "07", "2"], ["08", "16", "3"], ["17", "17", "3A"], ["18", "20", "4"],
  ["21", "29", "5"], ["30", "34", "6"], ["35", "39", "7"], ["40", "41", "8"], ["42", "54", "9"], ["55", "59", "10"],
  ["60", "64", "11"], ["65", "71", "12"], ["72", "75", "13"], ["76", "84", "14"], ["85", "86", "15"], ["87", "99", "16"],
];

const icd10Category = /^[A-Z][0-9]{2}$/;
const icd9Category = /^[0-9]{2}$/;

/** The ICD-10 chapter of a 3-character category (`J06` → `10`), or null when it is in none. */
export function icd10Chapter(category: string): string | null {
  if (!icd10Category.test(category)) return null;
  return icd10Chapters.find(([from, to]) => category >= from && category <= to)?.[2] ?? null;
}

/** The ICD-9-CM-3 chapter of a 2-digit category (`86` → `15`), or null. */
export function icd9cm3Chapter(category: string): string | null {
  if (!icd9Category.test(category)) return null;
  return icd9cm3Chapters.find(([from, to]) => category >= from && category <= to)?.[2] ?? null;
}

/** SQL: the chapter of a category expression, by the same tables (NULL when none). */
export function chapterSql(kind: "icd10" | "icd9cm3", category: string): string {
  const [table, pattern] = kind === "icd10" ? [icd10Chapters, "^[A-Z][0-9]{2}$"] : [icd9cm3Chapters, "^[0-9]{2}$"];
  const arms = table.map(([from, to, ch]) => `WHEN ${category} BETWEEN '${from}' AND '${to}' THEN '${ch}'`).join(" ");
  return `CASE WHEN regexp_full_match(${category}, '${pattern}') THEN CASE ${arms} END END`;
}
