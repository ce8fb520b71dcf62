import { sqlFile, type Dataset } from "./dataset.ts";

export const rwIntervalComparison: Dataset = {
  name: "rw_interval_comparison",
  description: "The RW-interval table of two periods side by side with the change of fund paid, (B - A) / A (metrics.md §4).",
  query: sqlFile(new URL("./rw_interval_comparison.sql", import.meta.url)),
};
