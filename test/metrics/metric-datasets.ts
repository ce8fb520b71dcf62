// The datasets built on the metric base tables (lib/metrics), for the tests and the benchmark.
import { departmentYear } from "../../loaders/department_year.ts";
import { drgYear } from "../../loaders/drg_year.ts";
import { groupingMdc } from "../../loaders/grouping_mdc.ts";
import { groups } from "../../loaders/groups.ts";
import { hospitalDrgYear } from "../../loaders/hospital_drg_year.ts";
import { hospitalMonth } from "../../loaders/hospital_month.ts";
import { hospitalYear } from "../../loaders/hospital_year.ts";
import { regionYear } from "../../loaders/region_year.ts";
import { rwIntervalComparison } from "../../loaders/rw_interval_comparison.ts";
import { rwIntervalMonth } from "../../loaders/rw_interval_month.ts";
import { rwIntervals } from "../../loaders/rw_intervals.ts";
import { settlement } from "../../loaders/settlement.ts";
import { settlementYear } from "../../loaders/settlement_year.ts";
import { weightBaseYears } from "../../loaders/weight_base_years.ts";

export const metricDatasets = [
  groups, weightBaseYears, groupingMdc, hospitalYear, hospitalMonth, departmentYear, regionYear, drgYear, hospitalDrgYear,
  rwIntervals, rwIntervalMonth, rwIntervalComparison, settlement, settlementYear,
];
