import { sqlFile, type Dataset } from "./dataset.ts";

export const drgYear: Dataset = {
  name: "drg_year",
  description: "Per DRG and year: cases, costs, mean cost, ALOS, mortality, points, high/low-multiplier cases, DRG payment and gain (metrics.md §3, §6).",
  query: sqlFile(new URL("./drg_year.sql", import.meta.url)),
};
