// DIP datasets (metrics.md §9): the packet catalogue, settlement per hospital and per year beside DRG,
// and what drives the difference between the two methods.
import { sqlFile, type Dataset } from "./dataset.ts";

export const dipPackets: Dataset = {
  name: "dip_packets",
  description: "Per DIP packet: kind (core / comprehensive), how it folds, its keys, treatment type, base-period cases, mean cost and score (metrics.md §9).",
  query: sqlFile(new URL("./dip_packets.sql", import.meta.url)),
};

export const dipHospitalYear: Dataset = {
  name: "dip_hospital_year",
  description: "Per hospital and year: DIP cases, core share, scores, point value, DIP payment, fund payable, settlement rate, deviation cases, and the DRG payment of the same year and budget.",
  query: sqlFile(new URL("./dip_hospital_year.sql", import.meta.url)),
};

export const dipYear: Dataset = {
  name: "dip_year",
  description: "Per year: the region's DIP pool (cases, core share, packets, scores, point value, fund to distribute, settlement rate) beside the DRG point value and payment.",
  query: sqlFile(new URL("./dip_year.sql", import.meta.url)),
};

export const dipDrgDrivers: Dataset = {
  name: "dip_drg_drivers",
  description: "Per hospital, year and kind of case (treatment type, DRG weight band, DIP deviation): cases, DRG payment, DIP payment and their difference.",
  query: sqlFile(new URL("./dip_drg_drivers.sql", import.meta.url)),
};
