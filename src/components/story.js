// Sentences generated from the data that say what moved: fund growth before and after the reform,
// savings against the pre-reform trend, case mix, cost per weight and the settlement rate.
import { formatChange, formatDelta, formatMoney, formatNumber, formatPercent, formatYear } from "./format.js";
import { growth, mean, yearToDate } from "./formulas.js";
import { translator } from "./i18n.js";

/**
 * A setting's annual fund figures (dataset fund_year) with the year to date of a year still under way
 * (dataset fund_month) and the mean growth before and since the reform year (metrics.md §5).
 */
export function fundSummary(fundYear, fundMonth, setting, reformYear) {
  const rows = fundYear.filter((r) => r.setting === setting);
  if (!rows.length) return null;
  const latest = rows.at(-1);
  const ytd = yearToDate(fundMonth.filter((r) => r.setting === setting));
  const full = rows.filter((r) => r.months == null || r.months === 12);
  const baseline = rows.find((r) => r.baseline_growth != null)?.baseline_growth ?? null;
  const before = reformYear ? mean(full.filter((r) => r.year < reformYear).map((r) => r.yoy)) : null;
  const since = reformYear ? mean(full.filter((r) => r.year >= reformYear).map((r) => r.yoy)) : null;
  const sinceYears = reformYear ? full.filter((r) => r.year >= reformYear && r.yoy != null).length : 0;
  return { rows, latest, ytd, baselineGrowth: baseline ?? before, growthSince: since, sinceYears };
}

/** "Inpatient fund growth slowed from 14.0% a year before the 2019 reform to 7.0% a year since; …" */
export function fundSentence(summary, reformYear, lang) {
  if (!summary) return null;
  const t = translator(lang);
  const { baselineGrowth, growthSince, sinceYears, rows, latest } = summary;
  const savings = rows.filter((r) => r.cumulative_savings != null).at(-1);
  if (reformYear && baselineGrowth != null && growthSince != null && sinceYears > 0) {
    const key = growthSince < baselineGrowth ? "fundGrowthSlowed" : "fundGrowthRose";
    let text = t(key, { year: reformYear, before: formatPercent(baselineGrowth), since: formatPercent(growthSince) });
    if (savings) {
      text += t(savings.cumulative_savings >= 0 ? "fundSaved" : "fundOverspent", {
        value: formatMoney(Math.abs(savings.cumulative_savings), lang),
        through: formatYear(savings.year, lang),
      });
    }
    return text;
  }
  const previous = rows.at(-2);
  return t("fundGrowthPlain", {
    year: formatYear(latest.year, lang),
    value: formatMoney(latest.fund_paid, lang),
    yoy: formatChange(latest.yoy),
    before: previous ? formatChange(previous.yoy) : "—",
  });
}

/** "In 2023 the CMI was 1.023 (+0.031), cost per weight ¥12,345 (−2.1%), settlement rate 100.4%, …" */
export function efficiencySentence(region, settlement, lang) {
  const t = translator(lang);
  const latest = region.at(-1);
  if (!latest) return null;
  const prior = region.at(-2);
  const s = settlement.find((r) => r.year === latest.year) ?? settlement.at(-1);
  let text = t("efficiencySentence", {
    year: formatYear(latest.year, lang),
    cmi: formatNumber(latest.cmi, 3, lang),
    cmiChange: prior ? formatDelta(latest.cmi - prior.cmi, 3) : "—",
    cpw: formatMoney(latest.cost_per_weight, lang),
    cpwChange: prior ? formatChange(growth(latest.cost_per_weight, prior.cost_per_weight)) : "—",
  });
  if (s) {
    text += t("settlementSentence", {
      year: formatYear(s.year, lang),
      rate: formatPercent(s.settlement_rate),
      above: s.hospitals_above_one ?? "—",
      total: s.hospitals ?? "—",
      max: formatPercent(s.max_settlement_rate),
    });
  }
  return text;
}
