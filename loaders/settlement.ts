import { sqlFile, type Dataset } from "./dataset.ts";

export const settlement: Dataset = {
  name: "settlement",
  description: "Per hospital and settlement year: points, point value, DRG payment, fund payable and settlement rate under the point method (metrics.md §6).",
  query: sqlFile(new URL("./settlement.sql", import.meta.url)),
};
