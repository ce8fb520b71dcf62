import { sqlFile, type Dataset } from "./dataset.ts";

export const hospitalMonth: Dataset = {
  name: "hospital_month",
  description: "Case mix per hospital and month: cases, total weight, CMI, cost per weight and the rest of metrics.md §3.",
  query: sqlFile(new URL("./hospital_month.sql", import.meta.url)),
};
