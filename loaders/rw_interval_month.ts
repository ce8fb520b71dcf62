import { sqlFile, type Dataset } from "./dataset.ts";

export const rwIntervalMonth: Dataset = {
  name: "rw_interval_month",
  description: "Per month and RW interval with cases: cases, total cost and fund paid, to compare any two periods (metrics.md §4).",
  query: sqlFile(new URL("./rw_interval_month.sql", import.meta.url)),
};
