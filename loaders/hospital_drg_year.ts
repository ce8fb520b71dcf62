import { sqlFile, type Dataset } from "./dataset.ts";

export const hospitalDrgYear: Dataset = {
  name: "hospital_drg_year",
  description: "Per hospital and year, the ten DRGs with the largest gain and the ten with the largest loss under DRG payment (payment - cost, metrics.md §6).",
  query: sqlFile(new URL("./hospital_drg_year.sql", import.meta.url)),
};
