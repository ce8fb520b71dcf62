import { sqlFile, type Dataset } from "./dataset.ts";

export const procedureClasses: Dataset = {
  name: "procedure_classes",
  description: "Per procedure code named by an ADRG's own list: its class (operation / intervention, metrics.md §7) and the ADRGs that give it; every other code is diagnostic.",
  query: sqlFile(new URL("./procedure_classes.sql", import.meta.url)),
};
