// Datasets of the researchers' pages: which files a build read, and why rows were set aside
// (aggregated, with quoted values and line numbers stripped: never a claim's identifier).
import { sqlFile, type Dataset } from "./dataset.ts";

export const inputFiles: Dataset = {
  name: "input_files",
  description: "The input files read: table, file name, rows read and the SHA-256 of the file's bytes.",
  query: sqlFile(new URL("./input_files.sql", import.meta.url)),
};

export const rejectionReasons: Dataset = {
  name: "rejection_reasons",
  description: "Rows set aside per input table and reason (values and line numbers stripped from the reason text).",
  query: sqlFile(new URL("./rejection_reasons.sql", import.meta.url)),
};
