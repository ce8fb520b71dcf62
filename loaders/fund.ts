import { sqlFile, type Dataset } from "./dataset.ts";

export const fundMonth: Dataset = {
  name: "fund_month",
  description: "Fund expenditure per setting (inpatient, outpatient) and month, with year-on-year growth.",
  query: sqlFile(new URL("./fund_month.sql", import.meta.url)),
};

export const fundYear: Dataset = {
  name: "fund_year",
  description: "Fund expenditure per setting and year, growth, and expected spend and savings against the pre-reform trend.",
  query: sqlFile(new URL("./fund_year.sql", import.meta.url)),
};
