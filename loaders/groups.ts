import { sqlFile, type Dataset } from "./dataset.ts";

export const groups: Dataset = {
  name: "groups",
  description: "Per DRG: the relative weight used (given or derived, metrics.md §2), a_g of the point method, cases, base-period cases and the unstable flag.",
  query: sqlFile(new URL("./groups.sql", import.meta.url)),
};
