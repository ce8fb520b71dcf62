import { sqlFile, type Dataset } from "./dataset.ts";

export const departmentYear: Dataset = {
  name: "department_year",
  description: "Case mix and efficiency per hospital, department and year (metrics.md §3).",
  query: sqlFile(new URL("./department_year.sql", import.meta.url)),
};
