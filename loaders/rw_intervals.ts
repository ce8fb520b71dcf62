import { sqlFile, type Dataset } from "./dataset.ts";

export const rwIntervals: Dataset = {
  name: "rw_intervals",
  description: "Per year and RW interval: cases, total cost, fund paid and their shares of the year (metrics.md §4).",
  query: sqlFile(new URL("./rw_intervals.sql", import.meta.url)),
};
