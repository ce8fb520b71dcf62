import { sqlFile, type Dataset } from "./dataset.ts";

export const quality: Dataset = {
  name: "quality",
  description: "Rows read, accepted and rejected per input table.",
  query: sqlFile(new URL("./quality.sql", import.meta.url)),
};

export const rejected: Dataset = {
  name: "rejected",
  description: "Every input row set aside: table, line, claim_id, reason.",
  query: sqlFile(new URL("./rejected.sql", import.meta.url)),
};

export const inputWarnings: Dataset = {
  name: "input_warnings",
  description: "Codes outside the ICD dictionaries per table and column: a data-quality warning, not a rejection.",
  query: sqlFile(new URL("./input_warnings.sql", import.meta.url)),
};

export const parameters: Dataset = {
  name: "parameters",
  description: "Every parameter value used for this build, with the section of metrics.md that defines it.",
  query: sqlFile(new URL("./parameters.sql", import.meta.url)),
};
