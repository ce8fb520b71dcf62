// The monitoring signals of metrics.md §10 (lib/metrics/signals.sql, control.sql).
import { sqlFile, type Dataset } from "./dataset.ts";

export const signals: Dataset = {
  name: "signals",
  description: "Monitoring signals per hospital, year and signal against the hospital's peers: value, peers' mean, sd and 80th percentile, rank, flagged (metrics.md §10).",
  query: sqlFile(new URL("./signals.sql", import.meta.url)),
};

export const controlMonth: Dataset = {
  name: "control_month",
  description: "Control limits per hospital, month and metric (CMI, cost per weight, fund paid): value, mean ± 3 sd of the trailing 12 months, alert (metrics.md §10).",
  query: sqlFile(new URL("./control_month.sql", import.meta.url)),
};

export const signalCases: Dataset = {
  name: "signal_cases",
  description: "The claims behind each flagged signal, for auditors (written by compute only, never published: it names claims) (metrics.md §10).",
  query: sqlFile(new URL("./signal_cases.sql", import.meta.url)),
};
