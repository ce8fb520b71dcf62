// The outpatient datasets (metrics.md §8): APG-like groups, settlement per institution, per-capita
// packages, the region's outpatient fund, the class and group mix, how visits were grouped, and the
// concordance with upstream codes. Each query is the .sql file of the same name (lib/apg builds the tables).
import { sqlFile, type Dataset } from "./dataset.ts";

const dataset = (name: string, description: string): Dataset => ({ name, description, query: sqlFile(new URL(`./${name}.sql`, import.meta.url)) });

export const apgGroups = dataset("apg_groups", "One row per APG-like outpatient group: class, key, level (key / chapter / class), base-period visits, average cost, weight and points (metrics.md §8).");
export const apgHospitalYear = dataset("apg_hospital_year", "Per institution and year: visits, points, signed and unsigned visits, the unsigned pool's point value, APG payment, fund payable and settlement rate (metrics.md §8).");
export const capitation = dataset("capitation", "Per signing institution and year: signed persons, quota, package, package spend (own and elsewhere), surplus and the share kept or borne (metrics.md §8).");
export const apgRegionYear = dataset("apg_region_year", "The region's outpatient fund per year: visits, growth, quota, packages and their surplus, the unsigned pool's budget, fund and point value, and the outpatient settlement rate (metrics.md §8).");
export const apgHospitalClassYear = dataset("apg_hospital_class_year", "Per institution, year and APG class: visits, points, cost, fund and distinct groups (metrics.md §8).");
export const apgHospitalGroup = dataset("apg_hospital_group", "Per institution and year: its 15 APG-like groups with most points and the rest (metrics.md §8).");
export const apgGrouping = dataset("apg_grouping", "How outpatient visits were grouped per year, class and level (own key group, folded to chapter or class, upstream, none) and the outpatient grouping rate (metrics.md §8).");
export const apgConcordance = dataset("apg_concordance", "The own APG-like grouping against the upstream apg_code: the agreement rate and the most frequent pairs.");

export const apgDatasets = [apgGroups, apgHospitalYear, capitation, apgRegionYear, apgHospitalClassYear, apgHospitalGroup, apgGrouping, apgConcordance];
