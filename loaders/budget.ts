// Datasets of the leaders' fund and budget page: fund spend by insurance type, and budget execution.
import { sqlFile, type Dataset } from "./dataset.ts";

export const fundInsuranceMonth: Dataset = {
  name: "fund_insurance_month",
  description: "Fund expenditure per setting, insurance type (employee / resident; outpatient: unknown) and month, with year-on-year growth.",
  query: sqlFile(new URL("./fund_insurance_month.sql", import.meta.url)),
};

export const budgetMonth: Dataset = {
  name: "budget_month",
  description: "Budget execution per setting and month: fund spend, spend to date in the year, the policy's annual budget, execution and the even pace.",
  query: sqlFile(new URL("./budget_month.sql", import.meta.url)),
};
