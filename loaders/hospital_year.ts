import { sqlFile, type Dataset } from "./dataset.ts";

export const hospitalYear: Dataset = {
  name: "hospital_year",
  description: "Case mix and efficiency per hospital and year: CMI, cost per weight, consumption indexes, ALOS, cost structure (metrics.md §3).",
  query: sqlFile(new URL("./hospital_year.sql", import.meta.url)),
};
