import { sqlFile, type Dataset } from "./dataset.ts";

export const settlementYear: Dataset = {
  name: "settlement_year",
  description: "Per settlement year: budget, recorded spend, surplus or overspend, fund to distribute, point value and the region's settlement rate (metrics.md §6).",
  query: sqlFile(new URL("./settlement_year.sql", import.meta.url)),
};
