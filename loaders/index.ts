// Every published dataset, in the order they are written. `claimLevel` datasets carry claim
// identifiers: the compute command writes them for researchers, the site never publishes them.
import type { Dataset } from "./dataset.ts";
import { apgDatasets } from "./apg.ts";
import { fundMonth, fundYear } from "./fund.ts";
import { inputWarnings, parameters, quality, rejected } from "./quality.ts";
import { budgetMonth, fundInsuranceMonth } from "./budget.ts";
import { inputFiles, rejectionReasons } from "./provenance.ts";
import { groups } from "./groups.ts";
import { weightBaseYears } from "./weight_base_years.ts";
import { groupingMdc } from "./grouping_mdc.ts";
import { hospitalYear } from "./hospital_year.ts";
import { hospitalMonth } from "./hospital_month.ts";
import { departmentYear } from "./department_year.ts";
import { regionYear } from "./region_year.ts";
import { drgYear } from "./drg_year.ts";
import { hospitalDrgYear } from "./hospital_drg_year.ts";
import { rwIntervals } from "./rw_intervals.ts";
import { rwIntervalMonth } from "./rw_interval_month.ts";
import { rwIntervalComparison } from "./rw_interval_comparison.ts";
import { settlement } from "./settlement.ts";
import { settlementYear } from "./settlement_year.ts";
import { groupingConcordance } from "./grouping_concordance.ts";
import { controlMonth, signalCases, signals } from "./signals.ts";
import { procedureClasses } from "./procedure_classes.ts";
import { dipDrgDrivers, dipHospitalYear, dipPackets, dipYear } from "./dip.ts";

export const datasets: Dataset[] = [quality, rejected, inputWarnings, parameters, fundMonth, fundYear,
  fundInsuranceMonth, budgetMonth, inputFiles, rejectionReasons,
  groups, weightBaseYears, groupingMdc, hospitalYear, hospitalMonth, departmentYear, regionYear, drgYear, hospitalDrgYear,
  rwIntervals, rwIntervalMonth, rwIntervalComparison, settlement, settlementYear,
  groupingConcordance,
  signals, controlMonth, signalCases,
  procedureClasses, dipPackets, dipHospitalYear, dipYear, dipDrgDrivers,
  ...apgDatasets];

/** Datasets that name claims or patients: written by `compute`, never published on the site. */
export const claimLevelDatasets = new Set(["rejected", "signal_cases"]);

export function datasetByName(name: string): Dataset {
  const dataset = datasets.find((d) => d.name === name);
  if (!dataset) throw new Error(`unknown dataset "${name}"; known: ${datasets.map((d) => d.name).join(", ")}`);
  return dataset;
}
