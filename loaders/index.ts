// Every published dataset, in the order they are written. `claimLevel` datasets carry claim
// identifiers: the compute command writes them for researchers, the site never publishes them.
import type { Dataset } from "./dataset.ts";
import { fundMonth, fundYear } from "./fund.ts";
import { inputWarnings, parameters, quality, rejected } from "./quality.ts";

export const datasets: Dataset[] = [quality, rejected, inputWarnings, parameters, fundMonth, fundYear];

/** Datasets that name claims or patients: written by `compute`, never published on the site. */
export const claimLevelDatasets = new Set(["rejected"]);

export function datasetByName(name: string): Dataset {
  const dataset = datasets.find((d) => d.name === name);
  if (!dataset) throw new Error(`unknown dataset "${name}"; known: ${datasets.map((d) => d.name).join(", ")}`);
  return dataset;
}
