import { sqlFile, type Dataset } from "./dataset.ts";

export const weightBaseYears: Dataset = {
  name: "weight_base_years",
  description: "The base years of derived weights with their year weight, cases kept and trimmed, mean cost, and the overall mean m (metrics.md §2).",
  query: sqlFile(new URL("./weight_base_years.sql", import.meta.url)),
};
