import { sqlFile, type Dataset } from "./dataset.ts";

export const groupingConcordance: Dataset = {
  name: "grouping_concordance",
  description:
    "The own grouper against the upstream drg_code, long format by kind: the agreement rate (total), every upstream × own pair, and disagreements by own MDC and by upstream code (top 50).",
  query: sqlFile(new URL("./grouping_concordance.sql", import.meta.url)),
};
