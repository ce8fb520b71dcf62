// The shape of the embedded sample region: every figure the generator aims at, in one place, with the
// public source it echoes (shared/seeds/*.txt). Tests restate the figures they check by hand.

export const years = [2017, 2018, 2019, 2020, 2021] as const;
export type Year = (typeof years)[number];

/** The year DRG payment starts (drg-monitor.config.json reformYear). */
export const reformYear = 2019;

/** How far the reform has gone, 0 before it, 1 three years in: drives mix shift, coding and cost control. */
export const reformProgress: Record<Year, number> = { 2017: 0, 2018: 0, 2019: 0.2, 2020: 0.6, 2021: 1 };

/** Mean volumes per year at scale 1 (the five years sum to 5 × these). */
export const inpatientPerYear = 200_000;
export const outpatientPerYear = 1_000_000;

/**
 * Underlying yearly volume level before COVID (relative). Inpatient admissions grow 7–9 %/yr (a little
 * faster under DRG payment, which pays per case); with costs per weight falling and the case mix
 * rising, inpatient fund growth goes from ~14 % (2018) to ~7 % a year after the reform. Outpatient ~15 %/yr before the 2020 outpatient reform
 * (Jinhua outpatient fund growth 19.4 % → 10 % with ~4 % → ~1 % cost growth per visit), ~8 % after.
 */
export const inpatientLevel: Record<Year, number> = { 2017: 1.0, 2018: 1.085, 2019: 1.17, 2020: 1.265, 2021: 1.365 };
export const outpatientLevel: Record<Year, number> = { 2017: 1.0, 2018: 1.15, 2019: 1.32, 2020: 1.48, 2021: 1.56 };

/** COVID-19 in 2020: monthly volume multipliers (Feb–Apr −50 % … −30 %, a catch-up in the second half). */
export const covid2020: Record<number, number> = {
  1: 0.9, 2: 0.5, 3: 0.57, 4: 0.63, 5: 0.88, 6: 0.98, 7: 1.07, 8: 1.08, 9: 1.08, 10: 1.07, 11: 1.07, 12: 1.07,
};
/**
 * Outpatient visits dip less and recover faster (chronic patients keep coming: a milder multiplier on the
 * same months), so that outpatient fund growth is ~8 % in 2020 and ~12 % in 2021: ~10 % a year after the
 * 2020 outpatient reform against ~20 % before (Jinhua: 19.4 % → 10 %).
 */
export const covid2020Outpatient: Record<number, number> = {
  1: 0.95, 2: 0.7, 3: 0.82, 4: 0.9, 5: 0.97, 6: 1.0, 7: 1.02, 8: 1.02, 9: 1.02, 10: 1.02, 11: 1.02, 12: 1.02,
};

/** Spring Festival (Lunar New Year's Day) per year: discharges and visits dip around it. */
export const springFestival: Record<Year, string> = {
  2017: "2017-01-28",
  2018: "2018-02-16",
  2019: "2019-02-05",
  2020: "2020-01-25",
  2021: "2021-02-12",
};

/**
 * Inpatient cost per unit of Harbin weight, yuan: a case's expected cost is rw × this × the year's
 * factor × its hospital level's factor. 2019 → 2021 falls by about a tenth (0.87 / 0.97): with the case
 * mix rising a few percent a year, the cost per stay falls ~5 % as in Anyang (11,080 → 10,468). (Anyang's
 * cost per weight fell by a quarter, 10,862 → 8,227, on its own weights, with its CMI up 24 %: a jump
 * that issue 11 asks the sample not to copy.) Before the reform costs rose ~6 %/yr.
 */
export const yuanPerWeight = 12_000;
export const costFactor: Record<Year, number> = { 2017: 0.93, 2018: 0.985, 2019: 0.97, 2020: 0.92, 2021: 0.87 };

/** Cost per weight by hospital level (tertiary hospitals cost more per unit of weight). */
export const levelCostFactor: Record<1 | 2 | 3, number> = { 1: 0.88, 2: 0.98, 3: 1.06 };

/** Log-normal spread of a case's cost around its group mean (sigma of ln cost). */
export const costSigma = { medical: 0.4, surgical: 0.45 };

/** High-multiplier tail: this share of cases costs 3–6 × the group mean. */
export const highTail = { share: 0.025, min: 3, max: 6 };
/** Low-cost cases (transfers, discharges against advice, early deaths): 0.1–0.35 × the mean. */
export const lowTail = { share: 0.02, min: 0.1, max: 0.35 };
/** Stays over 60 days (rehabilitation, psychiatry, long ICU stays). */
export const longStayShare = 0.003;

/** The year outpatient payment by APG points and per-capita packages starts (drg-monitor.config.json outpatientReformYear). */
export const outpatientReformYear = 2020;

/** Outpatient cost per visit relative to 2017 (~4 %/yr before the 2020 outpatient reform, ~1 % after). */
export const outpatientCostFactor: Record<Year, number> = { 2017: 1.0, 2018: 1.04, 2019: 1.08, 2020: 1.095, 2021: 1.105 };

/** Share of outpatient visits made by persons signed with a primary hospital (人头包干). */
export const signedShare = 0.3;

/**
 * Budget / recorded fund expenditure per year: above 1 ends in surplus, below 1 in overspend.
 * (Budgets are set from the generated claims, so the sign of each year's balance is fixed.)
 */
export const inpatientBudgetRatio: Record<Year, number> = { 2017: 1.03, 2018: 0.97, 2019: 1.02, 2020: 1.06, 2021: 0.975 };
export const outpatientBudgetRatio: Record<Year, number> = { 2017: 1.02, 2018: 0.98, 2019: 0.96, 2020: 1.05, 2021: 1.01 };
export const policyDefaults = { share_ratio: 0.95, high_multiplier: 3, low_multiplier: 0.4 };

/** Planted anomalies (truth/anomalies.csv). */
export const splitAdmissions = { fromYear: 2019, share: 0.08, gapDays: [2, 10] as const, costShare: 0.6 };
/**
 * Low-standard admissions (低标入院): from fromYear one hospital admits a share of patients who need no
 * stay (a day or two, a fraction of the group's cost, sent home).
 */
export const lowStandard = { fromYear: 2020, share: 0.07, los: [1, 2] as const, costRatio: [0.12, 0.35] as const };
/**
 * Costs moved to pre-admission outpatient visits (转嫁费用): from fromYear one hospital bills part of a
 * share of its stays (examinations, drugs) as outpatient visits in the week before admission; the stay
 * costs that much less.
 */
export const costShift = { fromYear: 2020, share: 0.35, moved: 0.18, days: [1, 7] as const };

/**
 * The background the monitoring signals are read against (every hospital): readmissions to the same
 * ADRG within 1–15 days of discharge (~1 % of stays, each hospital its own habit), outpatient visits
 * at the admitting hospital in the weeks before admission (about a third of stays), and each hospital's
 * own length-of-stay habit (log-normal, sd 0.12: time consumption indexes ~0.8–1.2).
 */
export const background = {
  readmitShare: 0.01,
  readmitGapDays: [1, 15] as const,
  preVisitShare: 0.32,
  preVisitDays: [0, 20] as const,
  losHabitSd: 0.12,
  readmitHabitSd: 0.3,
  preVisitHabitSd: 0.3,
};

export const upcoding = { fromYear: 2020, share: { 2020: 0.18, 2021: 0.35 } as Record<number, number>, mccShare: 0.6 };

/** Share of inpatient cases whose principal diagnosis fits no MDC (ungroupable, 0000). */
export const ungroupableShare = 0.015;
