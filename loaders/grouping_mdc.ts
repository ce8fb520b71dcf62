import { sqlFile, type Dataset } from "./dataset.ts";

export const groupingMdc: Dataset = {
  name: "grouping_mdc",
  description: "Per MDC, all years: cases, excluded, grouped, QY and ungroupable (0000) cases and the grouping rate (metrics.md §1).",
  query: sqlFile(new URL("./grouping_mdc.sql", import.meta.url)),
};
