import { sqlFile, type Dataset } from "./dataset.ts";

export const regionYear: Dataset = {
  name: "region_year",
  description: "The whole region's case mix per year (metrics.md §3): the yardstick of hospital_year.",
  query: sqlFile(new URL("./region_year.sql", import.meta.url)),
};
